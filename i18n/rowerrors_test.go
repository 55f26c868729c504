package i18n

import (
	"strings"
	"testing"

	"rollcall/model"
)

// A row error names its column as far as it is known: header and letter, or either alone,
// never an empty pair of brackets.
func TestRowErrorNamesWhatItKnowsOfTheColumn(t *testing.T) {
	en := For(model.English)
	for _, tc := range []struct {
		e    model.RowError
		want string
	}{
		{model.RowError{File: "eleves.csv", Line: 3, Column: "Classe", Letter: "E", Rule: model.RuleDate}, "eleves.csv, line 3, column Classe (E):"},
		{model.RowError{File: "feed.xml", Line: 9, Column: "ENTStructureUAI", Rule: model.RuleDate}, "feed.xml, line 9, column ENTStructureUAI:"},
		{model.RowError{File: "x.csv", Line: 2, Letter: "C", Rule: model.RuleDate}, "x.csv, line 2, column C:"},
		{model.RowError{File: "x.csv", Line: 2, Rule: model.RuleDate}, "x.csv, line 2:"},
	} {
		got := en.RowError(&tc.e)
		if !strings.HasPrefix(got, tc.want) || strings.Contains(got, "()") {
			t.Errorf("RowError(%+v) = %q, want it to start %q", tc.e, got, tc.want)
		}
	}
}
