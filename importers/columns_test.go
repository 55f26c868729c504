package importers

import (
	"reflect"
	"testing"

	"rollcall/importers/roster"
)

// TestColumnsAsTheFilesWriteThem: the columns the import planner's errors name are the
// headers each file wrote, with their letters: a OneRoster 1.1 set of a vendor's column order,
// SDS sets (the UK format's own names, v2) and a BE1D export.
func TestColumnsAsTheFilesWriteThem(t *testing.T) {
	b := mustParse(t, Options{}, fixture("oneroster/v1.1-vendor"))
	cols := b.ColumnsAt(byID(t, b, "stu-1").Where)
	want := roster.Columns{ID: []roster.Column{{Header: "userSourcedId", Letter: "C"}}, Login: []roster.Column{{Header: "username", Letter: "F"}},
		Email: []roster.Column{{Header: "email", Letter: "G"}}, Name: []roster.Column{{Header: "familyName", Letter: "B"}, {Header: "givenName", Letter: "A"}},
		Children: []roster.Column{{Header: "agentSourcedIds", Letter: "H"}}}
	if !reflect.DeepEqual(cols, want) {
		t.Errorf("OneRoster users.csv columns = %+v, want %+v", cols, want)
	}
	b = mustParse(t, Options{}, fixture("sds/uk"))
	cols = b.ColumnsAt(byID(t, b, "P001").Where)
	want = roster.Columns{ID: []roster.Column{{Header: "ID", Letter: "A"}}, Login: []roster.Column{{Header: "Username", Letter: "E"}},
		Email: []roster.Column{{Header: "Secondary Email", Letter: "I"}},
		Name:  []roster.Column{{Header: "Last Name", Letter: "D"}, {Header: "First Name", Letter: "C"}, {Header: "Birthdate", Letter: "J"}}}
	if !reflect.DeepEqual(cols, want) {
		t.Errorf("SDS UK Student.csv columns = %+v, want %+v", cols, want)
	}
	b = mustParse(t, Options{}, fixture("sds/v2"))
	if cols = b.ColumnsAt(byID(t, b, "13001").Where); len(cols.Name) != 2 || cols.Name[0] != (roster.Column{Header: "familyName", Letter: "D"}) {
		t.Errorf("SDS v2 users.csv columns = %+v", cols)
	}
	b = mustParse(t, Options{}, fixture("be1d/CSVExtraction-eleves.csv"))
	cols = b.ColumnsAt(b.Records[0].Where)
	if len(cols.Name) != 3 || cols.Name[0] != (roster.Column{Header: "Nom Elève", Letter: "A"}) || len(cols.Classes) != 1 || cols.Classes[0] != (roster.Column{Header: "Classe", Letter: "L"}) {
		t.Errorf("BE1D columns = %+v", cols)
	}
}
