package ent

import (
	"context"
	"testing"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

func check(t *testing.T, j *roster.Job) {
	for _, r := range j.Batch.Records {
		if r.Where.Line < 2 || r.Profile == model.ProfileUnknown {
			t.Fatalf("bad record %+v", r)
		}
	}
	for _, e := range j.Errs.List {
		if e.Rule == "" || e.Line < 0 {
			t.Fatalf("bad error %+v", e)
		}
	}
}

// FuzzENT parses arbitrary bytes as an ENT import file; name picks the profile.
func FuzzENT(f *testing.F) {
	f.Add([]byte("Prénom*;Nom*;Date de naissance*;Classes*\r\nLéa;COLIN;13/08/2014;CP\r\n"), "CSV_Eleves.csv")
	f.Fuzz(func(t *testing.T, raw []byte, name string) {
		j := roster.NewJob(context.Background(), 0, nil)
		file := &roster.File{Name: name, Raw: raw}
		head, _ := table.ReadHeader(table.NewText(name, raw).Rows())
		_ = Sniff(name, head.Fields)
		_ = SniffExport(head.Fields)
		if err := Parse(j, file, table.NewText(name, raw), model.ProfileUnknown); err != nil {
			t.Fatal(err)
		}
		check(t, j)
	})
}

// FuzzENTExport parses arbitrary bytes as the ENT's export.
func FuzzENTExport(f *testing.F) {
	f.Add([]byte("Nom;Prénom;Profil;Identifiant ENT;Classe\nCOLIN;Léa;Elève;a1;CP\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		j := roster.NewJob(context.Background(), 0, nil)
		file := &roster.File{Name: "export.csv", Raw: raw}
		if err := ParseExport(j, file, table.NewText(file.Name, raw)); err != nil {
			t.Fatal(err)
		}
		check(t, j)
	})
}
