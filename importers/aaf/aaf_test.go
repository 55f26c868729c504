package aaf_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"rollcall/importers"
	"rollcall/importers/aaf"
	"rollcall/importers/xmlfeed"
	"rollcall/model"
)

func parse(t *testing.T, dir string) *importers.Batch {
	t.Helper()
	b, err := importers.Parse(context.Background(), []importers.Input{{Path: filepath.Join("testdata", dir)}}, importers.Options{}, nil)
	if err != nil {
		var es *importers.Errors
		if errors.As(err, &es) {
			for _, e := range es.List {
				t.Errorf("row error: %v", e)
			}
		}
		t.Fatalf("Parse(%s) = %v", dir, err)
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
	t.Fatalf("no record %s", id)
	return importers.Record{}
}

func TestQuirks(t *testing.T) {
	t.Parallel()
	b := parse(t, "quirks")
	if b.Format != aaf.Format || len(b.Files) != 6 || b.Delta {
		t.Fatalf("format %q, %d files, delta %v", b.Format, len(b.Files), b.Delta)
	}
	wantOrgs := []importers.OrgDef{{ExternalID: "43", Code: "0750654D", Name: "LYCEE HENRI IV"}, {ExternalID: "44", Code: "0750655E", Name: "LOUIS LE GRAND"}}
	if !reflect.DeepEqual(b.Orgs, wantOrgs) {
		t.Errorf("orgs = %+v", b.Orgs)
	}
	// Declared ISO-8859-15, written in UTF-8: the accents survive.
	e1 := byID(t, b, "E1")
	if e1.LastName != "DUPRÉ" || e1.FirstName != "Zoé" || !reflect.DeepEqual(e1.Classes, []string{"43$2ND1"}) ||
		!reflect.DeepEqual(e1.Groups, []string{"LATIN"}) || e1.BirthDate != (model.Date{Year: 2009, Month: 7, Day: 14}) {
		t.Errorf("E1 = %+v", e1)
	}
	if e2 := byID(t, b, "E2"); !reflect.DeepEqual(e2.Classes, []string{"43$2ND2"}) {
		t.Errorf("E2's classes = %q (one class named twice)", e2.Classes)
	}
	// Declared UTF-8, written in Windows-1252, in the second numbered file.
	if e3 := byID(t, b, "E3"); e3.LastName != "CŒUR" || e3.FirstName != "Anaïs" || !strings.HasSuffix(e3.Where.File, "_0001.xml") {
		t.Errorf("E3 = %+v", e3)
	}
	// Guardians get the children that name them, in either attribute.
	kids := func(id string) []string {
		var out []string
		for _, k := range byID(t, b, id).Children {
			out = append(out, k.ExternalID)
		}
		return out
	}
	if got := kids("R1"); !reflect.DeepEqual(got, []string{"E1", "E2"}) {
		t.Errorf("R1's children = %v", got)
	}
	if got := kids("R3"); !reflect.DeepEqual(got, []string{"E3"}) {
		t.Errorf("R3's children = %v", got)
	}
	if r1 := byID(t, b, "R1"); r1.Profile != model.Parent || r1.Email != "marie.dupre@example.org" {
		t.Errorf("R1 = %+v", r1)
	}
	p1 := byID(t, b, "P1")
	if p1.Profile != model.Teacher || !reflect.DeepEqual(p1.Classes, []string{"43$2ND1", "43$2ND2"}) ||
		!reflect.DeepEqual(p1.Subjects, []string{"ANGLAIS LV1"}) || !reflect.DeepEqual(p1.Functions, []string{"ENS$ENSEIGNEMENT$L0422$ANGLAIS"}) {
		t.Errorf("P1 = %+v", p1)
	}
	if p2 := byID(t, b, "P2"); p2.Profile != model.Staff || !reflect.DeepEqual(p2.Functions, []string{"DIR$DIRECTION$D0010$CHEF D'ETABLISSEMENT"}) {
		t.Errorf("P2 = %+v", p2)
	}
	// Classes the school defines keep their label; those only pupils name keep their code.
	labels := map[string]string{}
	for _, c := range b.Classes {
		labels[c.Code] = c.Name + "|" + c.Local + "|" + c.OrgExternalID
	}
	if labels["43$2ND1"] != "SECONDE 1|2ND1|43" || labels["44$1ERE3"] != "1ERE3|1ERE3|44" {
		t.Errorf("classes = %v", labels)
	}
	// The EtabEducNat file has no declaration and mixed line endings: lines still count right.
	if e := byID(t, b, "E4"); e.OrgExternalID != "99" || e.Email != "" {
		t.Errorf("E4 = %+v", e)
	}
	var warns []string
	for _, w := range b.Warnings.List {
		warns = append(warns, string(w.Rule)+":"+w.Column+":"+w.Value)
	}
	want := []string{"value_dropped:mail:pas-une-adresse", "undefined_structure:ENTPersonStructRattach:99"}
	if !reflect.DeepEqual(warns, want) {
		t.Errorf("warnings = %v, want %v", warns, want)
	}
}

func TestMixedLineEndingsCountLikeAnEditor(t *testing.T) {
	t.Parallel()
	raw := []byte("<a>\r\n<b>\r<c>\n</c></b>\r\n\r<d></x></a>")
	s := xmlfeed.NewScanner(raw)
	for s.Next() != xmlfeed.Error {
	}
	// Lines: 1 <a>, 2 <b>, 3 <c>, 4 </c></b>, 5 empty, 6 <d></x>.
	if msg, line := s.Err(); line != 6 || !strings.Contains(msg, "<d>") {
		t.Errorf("error %q at line %d, want line 6", msg, line)
	}
}

func TestDeltaMarksDeletedAndModifiesOnlyWhatItSays(t *testing.T) {
	t.Parallel()
	b := parse(t, "delta")
	if !b.Delta || !reflect.DeepEqual(b.Deleted, []string{"P2"}) || len(b.Records) != 1 {
		t.Fatalf("delta %v, deleted %v, %d records", b.Delta, b.Deleted, len(b.Records))
	}
	p1 := b.Records[0]
	if p1.ExternalID != "P1" || p1.Email != "paul.blanc2@ac-paris.fr" || p1.LastName != "" || p1.Profile != model.ProfileUnknown || p1.Classes != nil {
		t.Errorf("P1 = %+v: a modification says only what changed", p1)
	}
}

func TestTruncatedFileIsALocatedError(t *testing.T) {
	t.Parallel()
	_, err := importers.Parse(context.Background(), []importers.Input{{Path: filepath.Join("testdata", "truncated")}}, importers.Options{}, nil)
	var es *importers.Errors
	if !errors.As(err, &es) || len(es.List) != 1 {
		t.Fatalf("err = %v", err)
	}
	e := es.List[0]
	if e.Rule != xmlfeed.RuleBadXML || e.Line != 14 || !strings.HasSuffix(e.File, "Eleve_0000.xml") || !strings.Contains(e.Expected, "end of file") {
		t.Errorf("error = %+v", e)
	}
}

func TestSniffSetRefusesOtherXML(t *testing.T) {
	t.Parallel()
	fit := aaf.SniffSet(nil)
	if fit.OK {
		t.Error("no file is no feed")
	}
}
