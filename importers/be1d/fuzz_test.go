package be1d

import (
	"context"
	"testing"

	"rollcall/importers/roster"
	"rollcall/importers/table"
)

// FuzzBE1D parses arbitrary bytes as a BE1D extraction.
func FuzzBE1D(f *testing.F) {
	f.Add([]byte("\"Nom Elève\";\"Nom d'usage Elève\";\"Prénom Elève\";\"Date naissance\";\"Niveau\";\"Classe\"\r\n\"A\";;\"B\";\"2016-01-02\";\"CP\";\"CP\"\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		j := roster.NewJob(context.Background(), 0, nil)
		file := &roster.File{Name: "CSVExtraction.csv", Raw: raw}
		text := table.NewText(file.Name, raw)
		head, _ := table.ReadHeader(text.Rows())
		_ = Sniff(head.Fields)
		if err := Parse(j, file, text); err != nil {
			t.Fatal(err)
		}
		for _, r := range j.Batch.Records {
			if r.Where.Line < 2 || r.LastName == "" || r.FirstName == "" {
				t.Fatalf("bad record %+v", r)
			}
		}
	})
}
