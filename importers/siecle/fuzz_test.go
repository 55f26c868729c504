package siecle

import (
	"context"
	"testing"

	"rollcall/importers/roster"
)

// FuzzSIECLE parses a pupils file and a guardians file whose bytes are arbitrary: no panic, and
// every record kept has an id and is a pupil or a guardian.
func FuzzSIECLE(f *testing.F) {
	f.Add([]byte(`<BEE_ELEVES><PARAMETRES><UAJ>0750654D</UAJ></PARAMETRES><DONNEES><ELEVES><ELEVE ELEVE_ID="1"><NOM_DE_FAMILLE>A</NOM_DE_FAMILLE><DATE_NAISS>1/2/2014</DATE_NAISS></ELEVE></ELEVES><STRUCTURES><STRUCTURES_ELEVE ELEVE_ID="1"><STRUCTURE><CODE_STRUCTURE>6A</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE></STRUCTURES></DONNEES></BEE_ELEVES>`),
		[]byte(`<BEE_RESPONSABLES><DONNEES><PERSONNES><PERSONNE PERSONNE_ID="9"><NOM_DE_FAMILLE>B</NOM_DE_FAMILLE></PERSONNE></PERSONNES><RESPONSABLES><RESPONSABLE_ELEVE><ELEVE_ID>1</ELEVE_ID><PERSONNE_ID>9</PERSONNE_ID><RESP_LEGAL>1</RESP_LEGAL></RESPONSABLE_ELEVE></RESPONSABLES></DONNEES></BEE_RESPONSABLES>`))
	f.Fuzz(func(t *testing.T, pupils, guardians []byte) {
		j := roster.NewJob(context.Background(), 0, nil)
		files := []*roster.File{{Name: "ElevesSansAdresses.xml", Raw: pupils}, {Name: "ResponsablesAvecAdresses.xml", Raw: guardians}}
		if err := Parse(j, files); err != nil {
			t.Fatal(err)
		}
		for _, r := range j.Batch.Records {
			if r.ExternalID == "" || r.LastName == "" || (len(r.Children) == 0 && len(r.Classes) == 0) {
				t.Fatalf("bad record %+v", r)
			}
		}
	})
}
