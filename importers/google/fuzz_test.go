package google

import (
	"context"
	"testing"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// FuzzGoogle parses arbitrary bytes as a Google bulk upload: no panic, every record located and
// with a profile, every error with its rule.
func FuzzGoogle(f *testing.F) {
	f.Add([]byte("First Name [Required],Last Name [Required],Email Address [Required],Password [Required],Employee ID,Employee Type,Department\n" +
		"Léa,Colin,lea@college.example,x,lea,Élève,\"6e A, 6e B\"\n"))
	f.Add([]byte("First Name [Required],Last Name [Required],Email Address [Required],Employee ID,Employee Type\nA,B,,,\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		j := roster.NewJob(context.Background(), 0, nil)
		head, _ := table.ReadHeader(table.NewText("g.csv", raw).Rows())
		_ = Sniff(head.Fields)
		if err := Parse(j, &roster.File{Name: "g.csv", Raw: raw}, table.NewText("g.csv", raw)); err != nil {
			t.Fatal(err)
		}
		for _, r := range j.Batch.Records {
			if r.Where.Line < 2 || r.Profile == model.ProfileUnknown || r.Login == "" {
				t.Fatalf("bad record %+v", r)
			}
		}
		for _, e := range j.Errs.List {
			if e.Rule == "" || e.Line < 0 {
				t.Fatalf("bad error %+v", e)
			}
		}
	})
}
