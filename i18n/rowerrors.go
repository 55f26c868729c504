package i18n

import (
	"fmt"
	"strconv"
	"strings"

	"rollcall/model"
)

// RowError says where a file is wrong and what was expected there, in this language:
// "eleves.csv, line 12, column Date de naissance* (C), value "31/02/2014": must be a date
// (expected: DD/MM/YYYY)".
func (c *Catalog) RowError(e *model.RowError) string {
	var b strings.Builder
	file := e.File
	if e.Sheet != "" {
		file += " [" + e.Sheet + "]"
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, c.Import.At, file, e.Line)
	} else {
		b.WriteString(file)
	}
	switch {
	case e.Column != "" && e.Letter != "":
		b.WriteString(", ")
		fmt.Fprintf(&b, c.Import.Column, e.Column, e.Letter)
	case e.Column != "" || e.Letter != "": // a header without a place (XML), or a place alone
		b.WriteString(", ")
		fmt.Fprintf(&b, c.Import.ColumnNamed, e.Column+e.Letter)
	}
	if e.Value != "" {
		b.WriteString(", ")
		fmt.Fprintf(&b, c.Import.Value, e.Value)
	}
	b.WriteString(c.colon)
	switch {
	case e.Rule == model.RuleUnknownOrg && e.Expected == "":
		b.WriteString(c.Importers.UnknownOrgRef) // a reference to an org, not a row without one
	case e.Rule == model.RulePasswordLength && e.Expected != "":
		n, _ := strconv.Atoi(e.Expected) // the school's minimum, said in the rule's own words
		fmt.Fprintf(&b, c.Rules.PasswordLength, n)
	default:
		b.WriteString(c.importRule(e.Rule))
	}
	if e.Expected != "" && e.Rule != model.RulePasswordLength {
		expected := e.Expected
		if e.Rule == model.RuleDate && c.dateLetters != nil {
			expected = c.dateLetters.Replace(expected) // DD/MM/YYYY reads JJ/MM/AAAA in French
		}
		b.WriteString(" (")
		fmt.Fprintf(&b, c.Import.Expected, expected)
		b.WriteString(")")
	}
	if e.Other.File != "" {
		b.WriteString("; ")
		fmt.Fprintf(&b, c.Import.FirstAt, fmt.Sprintf(c.Import.At, e.Other.File, e.Other.Line))
	}
	if len(e.Tried) > 0 {
		var tried []string
		for _, t := range e.Tried {
			tried = append(tried, t.Format+" ("+strings.Join(t.Missing, ", ")+")")
		}
		b.WriteString("; ")
		fmt.Fprintf(&b, c.Import.Tried, strings.Join(tried, "; "))
	}
	return b.String()
}

// RowErrors formats every error of an import, one a line, and how many more were not listed.
func (c *Catalog) RowErrors(es *model.RowErrors) string {
	lines := make([]string, 0, len(es.List)+1)
	for _, e := range es.List {
		lines = append(lines, c.RowError(e))
	}
	if es.Omitted > 0 {
		lines = append(lines, c.Phrase(es.Omitted, c.Import.AndMore))
	}
	return strings.Join(lines, "\n")
}

func (c *Catalog) importRule(r model.Rule) string {
	if c.console {
		if s, ok := c.consoleRule(r); ok {
			return s
		}
	}
	t := c.Import
	m := map[model.Rule]string{
		model.RuleUnknownFormat: t.UnknownFormat, model.RuleMixedFormats: t.MixedFormats,
		model.RuleMissingColumn: t.MissingColumn, model.RuleMissingFile: t.MissingFile,
		model.RuleEmptyFile: t.EmptyFile, model.RuleDuplicateID: t.DuplicateID,
		model.RuleUnknownClass: t.UnknownClass, model.RuleUnknownUser: t.UnknownUser,
		model.RuleUnknownOrg: t.UnknownOrg, model.RuleUnknownProfile: t.UnknownProfile,
		model.RuleBadZip: t.BadZip, model.RuleUnsafePath: t.UnsafePath, model.RuleTooLarge: t.TooLarge,
		model.RuleTooManyColumns: t.TooManyColumns, model.RuleUnterminatedQuote: t.UnterminatedQuote,
		model.RuleBadXLSX: t.BadXLSX, model.RuleAmbiguousMatch: t.AmbiguousMatch, model.RuleDuplicatePerson: t.DuplicatePerson,
		model.RuleUnknownChild: t.UnknownChild, model.RuleAmbiguousChild: t.AmbiguousChild,
		model.RuleUnknownCourse: c.Importers.UnknownCourse, model.RuleBadEncoding: c.Importers.BadEncoding,
		model.RuleNoSuchClass: c.ImportSync.NoSuchClass, model.RuleNoSuchGroup: c.ImportSync.NoSuchGroup,
		model.RuleControlChar: c.Importers.ControlChar, model.RuleNotRegular: c.Importers.NotRegular,
		model.RuleNotRoster: c.Importers.NotRoster, model.RuleNotInSet: c.Importers.NotInSet,
		model.RuleNothingToImport: c.Importers.NothingToImport, model.RuleFieldCount: c.Importers.FieldCount,
	}
	if s, ok := m[r]; ok {
		return s
	}
	return c.Rule(r)
}
