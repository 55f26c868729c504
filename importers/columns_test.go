package importers

import (
	"reflect"
	"testing"

	"rollcall/importers/roster"
)

// TestColumnsAsTheFilesWriteThem: the columns the import planner's errors name are the
// headers each file wrote, with their letters: a OneRoster 1.1 set of a vendor's column order
// and a BE1D export.
func TestColumnsAsTheFilesWriteThem(t *testing.T) {
	b := mustParse(t, Options{}, fixture("oneroster/v1.1-vendor"))
	cols := b.ColumnsAt(byID(t, b, "stu-1").Where)
	want := roster.Columns{ID: []roster.Column{{Header: "userSourcedId", Letter: "C"}}, Login: []roster.Column{{Header: "username", Letter: "F"}},
		Email: []roster.Column{{Header: "email", Letter: "G"}}, Name: []roster.Column{{Header: "familyName", Letter: "B"}, {Header: "givenName", Letter: "A"}},
		Children: []roster.Column{{Header: "agentSourcedIds", Letter: "H"}}}
	if !reflect.DeepEqual(cols, want) {
		t.Errorf("OneRoster users.csv columns = %+v, want %+v", cols, want)
	}
	b = mustParse(t, Options{}, fixture("be1d/CSVExtraction-eleves.csv"))
	cols = b.ColumnsAt(b.Records[0].Where)
	if len(cols.Name) != 3 || cols.Name[0] != (roster.Column{Header: "Nom Elève", Letter: "A"}) || len(cols.Classes) != 1 || cols.Classes[0] != (roster.Column{Header: "Classe", Letter: "L"}) {
		t.Errorf("BE1D columns = %+v", cols)
	}
}
