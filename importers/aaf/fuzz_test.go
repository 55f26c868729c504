package aaf

import (
	"context"
	"testing"

	"rollcall/importers/roster"
)

// FuzzAAF parses a feed of two files whose bytes are arbitrary: no panic, and every record it
// keeps has an id and a profile it can be matched by.
func FuzzAAF(f *testing.F) {
	f.Add([]byte(`<ficAlimMENESR><addRequest><operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes><identifier><id>1</id></identifier><attributes><attr name="sn"><value>A</value></attr><attr name="ENTEleveClasses"><value>43$6A</value><value/></attr><attr name="ENTElevePersRelEleve"><value>2$10$1$1$1$1</value></attr></attributes></addRequest></ficAlimMENESR>`),
		[]byte("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\r<ficAlimMENESR><deleteRequest><operationalAttributes><attr name=\"categoriePersonne\"><value>PersRelEleve</value></attr></operationalAttributes><identifier><id>2</id></identifier></deleteRequest><modifyRequest><operationalAttributes><attr name=\"categoriePersonne\"><value>PersEducNat</value></attr></operationalAttributes><identifier><id>3</id></identifier><modifications><modification name=\"ENTPersonFonctions\" operation=\"replace\"><value>43$DIR$D$1$X</value></modification></modifications></modifyRequest></ficAlimMENESR>"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		j := roster.NewJob(context.Background(), 0, nil)
		files := []*roster.File{{Name: "x_Eleve_0000.xml", Raw: a}, {Name: "x_PersEducNat_0001.xml", Raw: b}}
		if err := Parse(j, files); err != nil {
			t.Fatal(err)
		}
		if len(j.Batch.Files) > 2 {
			t.Fatalf("%d files", len(j.Batch.Files))
		}
		for _, r := range j.Batch.Records {
			if r.ExternalID == "" || r.Where.Line < 1 {
				t.Fatalf("bad record %+v", r)
			}
		}
	})
}
