package siecle_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"rollcall/importers"
	"rollcall/importers/siecle"
	"rollcall/importers/sts"
	"rollcall/model"
)

func parse(t *testing.T, paths ...string) *importers.Batch {
	t.Helper()
	var in []importers.Input
	for _, p := range paths {
		in = append(in, importers.Input{Path: p})
	}
	b, err := importers.Parse(context.Background(), in, importers.Options{}, nil)
	if err != nil {
		var es *importers.Errors
		if errors.As(err, &es) {
			for _, e := range es.List {
				t.Errorf("row error: %v", e)
			}
		}
		t.Fatalf("Parse(%v) = %v", paths, err)
	}
	return b
}

func byID(t *testing.T, b *importers.Batch, id string) importers.Record {
	t.Helper()
	for _, r := range b.Records {
		if r.ExternalID == id {
			return r
		}
	}
	t.Fatalf("no record %s in %+v", id, b.Records)
	return importers.Record{}
}

func TestACollegesExportsReadTogether(t *testing.T) {
	t.Parallel()
	b := parse(t, filepath.Join("testdata", "college"))
	if b.Format != siecle.Format || len(b.Files) != 5 {
		t.Fatalf("format %q, files %v", b.Format, b.Files)
	}
	if len(b.Orgs) != 1 || b.Orgs[0].Code != "0750654D" || b.Warnings.Len() != 0 {
		t.Errorf("orgs %+v, warnings %v", b.Orgs, b.Warnings.List)
	}
	// Two current pupils (103 left in October), their two legal guardians (the neighbour is
	// RESP_LEGAL 0, the leaver's father has no current child), three staff from STS-Web.
	if len(b.Records) != 7 {
		t.Fatalf("%d records: %+v", len(b.Records), b.Records)
	}
	chloe := byID(t, b, "101")
	if chloe.LastName != "LŒUVRE" || chloe.FirstName != "Chloé" || !reflect.DeepEqual(chloe.Classes, []string{"6A"}) ||
		!reflect.DeepEqual(chloe.Groups, []string{"6LATIN"}) || chloe.BirthDate != (model.Date{Year: 2014, Month: 2, Day: 3}) {
		t.Errorf("Chloé = %+v", chloe)
	}
	if noe := byID(t, b, "102"); noe.LastName != "MARTIN-DURAND" {
		t.Errorf("Noé = %+v (the usage name wins)", noe)
	}
	kids := func(r importers.Record) (out []string) {
		for _, k := range r.Children {
			out = append(out, k.ExternalID)
		}
		return out
	}
	if h := byID(t, b, "resp-9001"); h.Profile != model.Parent || h.Email != "helene.loeuvre@example.fr" || !reflect.DeepEqual(kids(h), []string{"101"}) {
		t.Errorf("Hélène = %+v", h)
	}
	if p := byID(t, b, "resp-9002"); !reflect.DeepEqual(kids(p), []string{"102", "101"}) {
		t.Errorf("Paul's children = %v", kids(p))
	}
	want := map[string]importers.ClassDef{"6A": {Code: "6A", Name: "6ème A", Level: "6EME"}, "6B": {Code: "6B", Name: "6B"}}
	for _, c := range b.Classes {
		if w, ok := want[c.Code]; ok && c != w {
			t.Errorf("class %+v, want %+v", c, w)
		}
	}
	durand := byID(t, b, "sts-8949")
	if durand.Profile != model.Teacher || !reflect.DeepEqual(durand.Classes, []string{"6A"}) || !reflect.DeepEqual(durand.Groups, []string{"6LATIN"}) ||
		!reflect.DeepEqual(durand.Subjects, []string{"ANGLAIS LV1", "LCA LATIN"}) || !reflect.DeepEqual(durand.Functions, []string{"ENS"}) ||
		durand.BirthDate != (model.Date{Year: 1975, Month: 3, Day: 12}) || durand.FirstName != "Michèle" {
		t.Errorf("Durand = %+v", durand)
	}
	if roux := byID(t, b, "sts-8951"); roux.Profile != model.Staff || !reflect.DeepEqual(roux.Functions, []string{"EDU"}) {
		t.Errorf("Roux = %+v", roux)
	}
}

func TestSTSWebAlone(t *testing.T) {
	t.Parallel()
	b := parse(t, filepath.Join("testdata", "college", "sts_emp_0750654D_2025.xml"))
	if b.Format != sts.Format || len(b.Records) != 3 || len(b.Orgs) != 1 || b.Orgs[0].ExternalID != "0750654D" {
		t.Fatalf("format %q, %d records, orgs %+v", b.Format, len(b.Records), b.Orgs)
	}
	if importers.SourceOf(b.Format) != "siecle" {
		t.Errorf("STS-Web's source = %q: its teachers must be SIECLE's", importers.SourceOf(b.Format))
	}
}
