package be1d

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

func TestSniffAndParseEachFile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file    string
		profile model.Profile
		records int
	}{
		{"CSVExtraction-eleves.csv", model.Student, 3},
		{"CSVExtraction-enseignants.csv", model.Teacher, 2},
		{"CSVExtraction-responsables.csv", model.Parent, 2},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("..", "testdata", "be1d", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			text := table.NewText(tc.file, raw)
			if text.Encoding != table.Windows1252 || text.Comma != ';' {
				t.Errorf("encoding %s, comma %q", text.Encoding, text.Comma)
			}
			head, _ := table.ReadHeader(text.Rows())
			if fit := Sniff(head.Fields); !fit.OK || fit.Profile != tc.profile {
				t.Errorf("Sniff = %+v", fit)
			}
			j := roster.NewJob(context.Background(), 0, nil)
			if err := Parse(j, &roster.File{Name: tc.file, Raw: raw}, text); err != nil {
				t.Fatal(err)
			}
			if len(j.Errs.List) != 0 || len(j.Batch.Records) != tc.records {
				t.Fatalf("%d records, errors %v", len(j.Batch.Records), j.Errs.List)
			}
			for _, r := range j.Batch.Records {
				if r.Profile != tc.profile {
					t.Errorf("profile %v", r.Profile)
				}
			}
		})
	}
}

func TestStudentErrors(t *testing.T) {
	t.Parallel()
	raw := []byte("\"Nom Elève\";\"Prénom Elève\";\"Date naissance\";\"Classe\"\n\"A\";;\"2016-13-01\";\"CP\"\n")
	j := roster.NewJob(context.Background(), 0, nil)
	if err := Parse(j, &roster.File{Name: "e.csv", Raw: raw}, table.NewText("e.csv", raw)); err != nil {
		t.Fatal(err)
	}
	type key struct {
		line           int
		column, letter string
		rule           model.Rule
		expected       string
	}
	var got []key
	for _, e := range j.Errs.List {
		got = append(got, key{e.Line, e.Column, e.Letter, e.Rule, e.Expected})
	}
	want := []key{{2, "Prénom Elève", "B", model.RuleRequired, ""}, {2, "Date naissance", "C", model.RuleDate, "YYYY-MM-DD"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors = %+v, want %+v", got, want)
	}
}

func TestONDEExtractionQuotedOrNotWithATrailingSeparator(t *testing.T) {
	t.Parallel()
	parse := func(name string) *roster.Job {
		raw, err := os.ReadFile(filepath.Join("testdata", "onde", name))
		if err != nil {
			t.Fatal(err)
		}
		text := table.NewText(name, raw)
		head, _ := table.ReadHeader(text.Rows())
		if fit := Sniff(head.Fields); !fit.OK || fit.Profile != model.Student {
			t.Fatalf("Sniff = %+v", fit)
		}
		j := roster.NewJob(context.Background(), 0, nil)
		if err := Parse(j, &roster.File{Name: name, Raw: raw}, text); err != nil {
			t.Fatal(err)
		}
		return j
	}
	j := parse("ExtractionEleves.csv")
	if j.Errs.Err() != nil {
		t.Fatalf("errors: %v", j.Errs.List)
	}
	recs := j.Batch.Records
	if len(recs) != 3 || recs[1].LastName != "MARTIN-DURAND" || recs[2].LastName != "CŒUR" || recs[2].FirstName != "Anaïs" ||
		recs[0].BirthDate != (model.Date{Year: 2018, Month: 7, Day: 14}) || !reflect.DeepEqual(recs[2].Classes, []string{"CE1-CE2 M. BLANC"}) {
		t.Errorf("records = %+v", recs)
	}
	// A row whose extra field holds text was shifted by a ';' in a value: refused, located.
	j = parse("ExtractionEleves-decalee.csv")
	if es := j.Errs.List; len(es) != 1 || es[0].Rule != table.RuleFieldCount || es[0].Line != 3 || es[0].Value != "11" || es[0].Expected != "9" {
		t.Errorf("errors = %+v", es)
	}
}
