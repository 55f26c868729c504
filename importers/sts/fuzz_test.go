package sts

import (
	"context"
	"testing"

	"rollcall/importers/roster"
)

// FuzzSTS parses an STS-Web export whose bytes are arbitrary: no panic, and every teacher kept
// has an id and a name.
func FuzzSTS(f *testing.F) {
	f.Add([]byte(`<STS_EDT><PARAMETRES><UAJ CODE="0750654D"/></PARAMETRES><DONNEES><STRUCTURE><DIVISIONS><DIVISION CODE="6A"><SERVICES><SERVICE CODE_MATIERE="1"><ENSEIGNANTS><ENSEIGNANT ID="7"/></ENSEIGNANTS></SERVICE></SERVICES></DIVISION></DIVISIONS></STRUCTURE><INDIVIDUS><INDIVIDU ID="7"><NOM_USAGE>A</NOM_USAGE><FONCTION>ENS</FONCTION></INDIVIDU></INDIVIDUS></DONNEES></STS_EDT>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		j := roster.NewJob(context.Background(), 0, nil)
		if err := ParseFile(j, &roster.File{Name: "sts_emp_0750654D_2025.xml", Raw: raw}); err != nil {
			t.Fatal(err)
		}
		for _, r := range j.Batch.Records {
			if r.ExternalID == "sts-" || r.LastName == "" {
				t.Fatalf("bad record %+v", r)
			}
		}
	})
}
