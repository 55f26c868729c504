package importers

import (
	"path/filepath"
	"reflect"
	"testing"

	"rollcall/model"
)

func TestFixturesParse(t *testing.T) {
	t.Parallel()
	t.Run("utf-8 BOM, CRLF, quoted separator, blank line, no final newline", func(t *testing.T) {
		b := mustParse(t, Options{}, fixture("ent/Eleves_BOM.csv"))
		if len(b.Records) != 3 {
			t.Fatalf("%d records", len(b.Records))
		}
		chloe := b.Records[0]
		if chloe.FirstName != "Chloé" || chloe.LastName != "BŒUF" || !reflect.DeepEqual(chloe.Classes, []string{"CP; groupe A", "Atelier"}) {
			t.Errorf("Chloé = %+v", chloe)
		}
		zoe := b.Records[2]
		if zoe.Where.Line != 5 || zoe.BirthDate != date(2017, 11, 22) || !reflect.DeepEqual(zoe.Classes, []string{"CP; groupe A"}) {
			t.Errorf("Zoé = %+v (line 5 after a blank line 4; one class spelled twice)", zoe)
		}
	})
	t.Run("windows-1252 with Œ and repeated class columns", func(t *testing.T) {
		b := mustParse(t, Options{}, fixture("ent/Enseignants-1252.csv"))
		oe := person(t, b, "Œdipe", "LÉGER")
		if oe.Profile != model.Teacher || !reflect.DeepEqual(oe.Classes, []string{"6A", "6B"}) || oe.Email != "oedipe.leger@ecole.fr" || oe.BirthDate != date(1980, 8, 13) {
			t.Errorf("Œdipe = %+v", oe)
		}
		if a := person(t, b, "Aimée", "CŒUR"); !reflect.DeepEqual(a.Classes, []string{"5C"}) {
			t.Errorf("Aimée = %+v", a)
		}
	})
	t.Run("utf-16 with BOM", func(t *testing.T) {
		b := mustParse(t, Options{}, fixture("ent/Students-UTF16.csv"))
		if len(b.Records) != 2 || byID(t, b, "S-001").Email != "jason@school.org" || byID(t, b, "S-002").Classes[0] != "3A" {
			t.Errorf("records = %+v", b.Records)
		}
	})
	t.Run("header typos", func(t *testing.T) {
		b := mustParse(t, Options{}, fixture("ent/Eleves_typo.csv"))
		want := Record{Where: b.Records[0].Where, Profile: model.Student, FirstName: "Léa", LastName: "COLIN", BirthDate: date(2014, 8, 13), Classes: []string{"CP"}}
		if !reflect.DeepEqual(b.Records[0], want) {
			t.Errorf("record = %+v", b.Records[0])
		}
	})
	t.Run("ENT export", func(t *testing.T) {
		b := mustParse(t, Options{}, fixture("ent/export_ent.csv"))
		if b.Format != FormatENTExport {
			t.Errorf("Format = %q", b.Format)
		}
		var got []model.Profile
		for _, r := range b.Records {
			got = append(got, r.Profile)
		}
		if !reflect.DeepEqual(got, []model.Profile{model.Student, model.Teacher, model.Staff, model.Parent}) {
			t.Errorf("profiles = %v", got)
		}
		if r := byID(t, b, "d4e5f6"); r.FirstName != "Félicité" || !reflect.DeepEqual(r.Classes, []string{"CP de Mme BROSSARD"}) {
			t.Errorf("teacher = %+v", r)
		}
		if len(b.Classes) != 1 {
			t.Errorf("classes = %+v", b.Classes)
		}
	})
	t.Run("BE1D extraction", func(t *testing.T) {
		b := mustParse(t, Options{}, fixture("be1d"))
		if b.Format != FormatBE1D {
			t.Errorf("Format = %q", b.Format)
		}
		if got, want := profiles(b), map[model.Profile]int{model.Student: 3, model.Teacher: 2, model.Parent: 2}; !reflect.DeepEqual(got, want) {
			t.Errorf("profiles = %v, want %v", got, want)
		}
		noel := person(t, b, "Noël", "MARTIN") // the usage name wins over LŒWY
		if noel.BirthDate != date(2017, 1, 4) || !reflect.DeepEqual(noel.Classes, []string{"CP M. BLANC"}) {
			t.Errorf("Noël = %+v", noel)
		}
		if c := class(t, b, "CE1-CE2 Mme ROUX"); c.Level != "CE1" {
			t.Errorf("class = %+v", c)
		}
		if f := person(t, b, "François", "BLANC"); f.Profile != model.Teacher || !reflect.DeepEqual(f.Classes, []string{"CP M. BLANC"}) {
			t.Errorf("François = %+v", f)
		}
		if h := person(t, b, "Hélène", "ROUX"); h.Email != "helene.roux@ac-caen.fr" {
			t.Errorf("Hélène = %+v", h)
		}
		m := person(t, b, "Mickaël", "AUDONNET")
		want := []PersonRef{{LastName: "AUDONNET", FirstName: "Anaïs", Class: "CE1-CE2 Mme ROUX"}, {LastName: "MARTIN", FirstName: "Noël", Class: "CP M. BLANC"}}
		if m.Profile != model.Parent || !reflect.DeepEqual(m.Children, want) {
			t.Errorf("Mickaël = %+v", m)
		}
	})
	t.Run("OneRoster 1.2 bulk", func(t *testing.T) { checkOneRoster12(t, mustParse(t, Options{}, fixture("oneroster/v1.2-bulk"))) })
	t.Run("OneRoster 1.2 bulk zipped in a sub-folder", func(t *testing.T) {
		b := mustParse(t, Options{}, fixture("oneroster/v1.2-bulk.zip"))
		checkOneRoster12(t, b)
		if got := b.Records[0].Where.File; got != fixture("oneroster/v1.2-bulk.zip")+"/export/users.csv" {
			t.Errorf("record file = %q", got)
		}
	})
	t.Run("OneRoster 1.2 delta", func(t *testing.T) {
		b := mustParse(t, Options{}, fixture("oneroster/v1.2-delta"))
		if !b.Delta || !reflect.DeepEqual(b.Deleted, []string{"u-s1"}) {
			t.Errorf("Delta %v Deleted %v", b.Delta, b.Deleted)
		}
		if len(b.Records) != 2 {
			t.Fatalf("records = %+v", b.Records)
		}
		if n := byID(t, b, "u-s3"); n.Profile != model.Student || !reflect.DeepEqual(n.Classes, []string{"cls-9"}) {
			t.Errorf("Noël = %+v", n)
		}
		if h := byID(t, b, "u-t1"); h.LastName != "Roux-Petit" || h.Profile != model.Teacher {
			t.Errorf("Hélène = %+v", h)
		}
	})
}

func checkOneRoster12(t *testing.T, b *Batch) {
	t.Helper()
	if got, want := profiles(b), map[model.Profile]int{model.Student: 2, model.Teacher: 1, model.Parent: 2, model.Staff: 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("profiles = %v, want %v", got, want)
	}
	if len(b.Orgs) != 2 || b.Orgs[0].ParentExternalID != "dst-1" || b.Orgs[0].Code != "0610001A" {
		t.Errorf("orgs = %+v", b.Orgs)
	}
	if c := class(t, b, "cls-2"); c.Name != "Cours élémentaire 1" {
		t.Errorf("untitled class takes its course's title: %+v", c)
	}
	if c := class(t, b, "cls-1"); c.Level != "02" || c.Name != "CE1 Mme Roux" {
		t.Errorf("class = %+v", c)
	}
	teacher := byID(t, b, "u-t1")
	if teacher.Profile != model.Teacher || teacher.OrgExternalID != "sch-1" || !reflect.DeepEqual(teacher.Classes, []string{"cls-2", "cls-1"}) {
		t.Errorf("teacher (primary role wins over an earlier secondary one) = %+v", teacher)
	}
	if s := byID(t, b, "u-s2"); !reflect.DeepEqual(s.Classes, []string{"cls-2"}) || s.Email != "anais@ecole.fr" || s.BirthDate != date(2017, 5, 18) {
		t.Errorf("student (tobedeleted enrollment skipped) = %+v", s)
	}
	if p := byID(t, b, "u-p1"); !reflect.DeepEqual(p.Children, []PersonRef{{ExternalID: "u-s1"}}) {
		t.Errorf("parent naming his child = %+v", p)
	}
	if p := byID(t, b, "u-p2"); p.Profile != model.Parent || !reflect.DeepEqual(p.Children, []PersonRef{{ExternalID: "u-s2"}}) {
		t.Errorf("guardian named by her child = %+v", p)
	}
	if a := byID(t, b, "u-a1"); a.Profile != model.Staff {
		t.Errorf("administrator = %+v", a)
	}
}

// errKey is the part of a RowError the tests compare.
type errKey struct {
	File     string
	Line     int
	Column   string
	Letter   string
	Value    string
	Rule     model.Rule
	Expected string
	Other    int
}

func keys(es *Errors) []errKey {
	var out []errKey
	for _, e := range es.List {
		out = append(out, errKey{e.File, e.Line, e.Column, e.Letter, e.Value, e.Rule, e.Expected, e.Other.Line})
	}
	return out
}

func TestFixturesErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		paths []string
		opts  Options
		want  []errKey
	}{
		{
			name:  "duplicate external id names both lines",
			paths: []string{fixture("ent/Students_dup.csv")},
			want:  []errKey{{fixture("ent/Students_dup.csv"), 4, "externalID", "A", "S-001", RuleDuplicateID, "", 2}},
		},
		{
			name:  "missing required column",
			paths: []string{fixture("ent/Eleves_sans_date.csv")},
			want:  []errKey{{fixture("ent/Eleves_sans_date.csv"), 1, "Date de naissance", "", "", RuleMissingColumn, "", 0}},
		},
		{
			name:  "row errors located at their cells",
			paths: []string{fixture("ent/Eleves_erreurs.csv")},
			want: []errKey{
				{fixture("ent/Eleves_erreurs.csv"), 2, "Date de naissance*", "C", "31/02/2014", model.RuleDate, "DD/MM/YYYY", 0},
				{fixture("ent/Eleves_erreurs.csv"), 3, "Prénom*", "A", "", model.RuleRequired, "", 0},
				{fixture("ent/Eleves_erreurs.csv"), 4, "Courriel", "E", "zoe@@ecole", model.RuleEmail, "", 0},
				{fixture("ent/Eleves_erreurs.csv"), 5, "Classes*", "D", "", model.RuleRequired, "", 0},
			},
		},
		{
			name:  "a child given by half a name",
			paths: []string{fixture("ent/Parents_virgule.csv")},
			want:  []errKey{{fixture("ent/Parents_virgule.csv"), 3, "Prénom de l'élève", "E", "", model.RuleRequired, "", 0}},
		},
		{
			name:  "no profile in name or headers",
			paths: []string{fixture("ent/liste.csv")},
			want:  []errKey{{fixture("ent/liste.csv"), 1, "", "", "", RuleUnknownProfile, "student|teacher|parent|staff|guest", 0}},
		},
		{
			name:  "forced student profile needs the birth date",
			paths: []string{fixture("ent/liste.csv")},
			opts:  Options{Profile: model.Student},
			want:  []errKey{{fixture("ent/liste.csv"), 1, "Date de naissance", "", "", RuleMissingColumn, "", 0}},
		},
		{
			name:  "OneRoster duplicate user, and with --strict unknown class, unknown user",
			paths: []string{fixture("oneroster/broken-refs")},
			opts:  Options{Strict: true},
			want: []errKey{
				{fixture("oneroster/broken-refs/users.csv"), 4, "sourcedId", "A", "u1", RuleDuplicateID, "", 2},
				{fixture("oneroster/broken-refs/enrollments.csv"), 3, "classSourcedId", "D", "cls-404", RuleUnknownClass, "", 0},
				{fixture("oneroster/broken-refs/enrollments.csv"), 4, "userSourcedId", "F", "u404", RuleUnknownUser, "", 0},
			},
		},
		{
			name:  "truncated zip",
			paths: []string{fixture("oneroster/truncated.zip")},
			want:  []errKey{{fixture("oneroster/truncated.zip"), 0, "", "", "", RuleBadZip, "zip", 0}},
		},
		{
			name:  "zip entry escaping its folder",
			paths: []string{fixture("oneroster/traversal.zip")},
			want:  []errKey{{fixture("oneroster/traversal.zip"), 0, "", "", "../../evil.csv", RuleUnsafePath, "", 0}},
		},
		{
			name:  "mixed formats",
			paths: []string{fixture("ent/Students_dup.csv"), fixture("be1d/CSVExtraction-eleves.csv")},
			want: []errKey{
				{fixture("be1d/CSVExtraction-eleves.csv"), 0, "", "", "be1d", RuleMixedFormats, "ent", 0},
				{fixture("ent/Students_dup.csv"), 4, "externalID", "A", "S-001", RuleDuplicateID, "", 2},
			},
		},
		{
			name:  "forcing a set format on ENT files",
			paths: []string{fixture("ent/Students-UTF16.csv")},
			opts:  Options{Format: FormatOneRoster},
			want:  []errKey{{"testdata/ent", 0, "", "", "", RuleMissingFile, "users.csv", 0}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			es := mustFail(t, tc.opts, tc.paths...)
			if got := keys(es); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("errors:\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestUnknownFormatSaysWhatWasTried(t *testing.T) {
	t.Parallel()
	es := mustFail(t, Options{}, fixture("unknown.csv"))
	if len(es.List) != 1 {
		t.Fatalf("errors = %v", es.List)
	}
	e := es.List[0]
	if e.Rule != RuleUnknownFormat || e.Line != 1 || e.Expected != "aaf|siecle|sts|oneroster|sds-v2|sds-v1|google|ent-export|be1d|sheet|ent" {
		t.Errorf("error = %+v", e)
	}
	tried := map[string][]string{}
	for _, a := range e.Tried {
		tried[a.Format] = a.Missing
	}
	if len(tried) != 11 {
		t.Errorf("tried %v", e.Tried)
	}
	if !reflect.DeepEqual(tried["ent"], []string{"Prénom", "Nom"}) || !reflect.DeepEqual(tried["oneroster"], []string{"manifest.csv"}) {
		t.Errorf("what ent and oneroster missed: %v / %v", tried["ent"], tried["oneroster"])
	}
	if len(tried["ent-export"]) == 0 || len(tried["be1d"]) == 0 || len(tried["sds-v1"]) == 0 {
		t.Errorf("every format says what it missed: %+v", e.Tried)
	}
}

func TestSetFilesPickedOneByOne(t *testing.T) {
	t.Parallel()
	dir := sample(t, "sds/v2.1")
	var paths []string
	for _, n := range []string{"orgs.csv", "users.csv", "roles.csv", "classes.csv", "enrollments.csv", "relationships.csv", "courses.csv", "demographics.csv"} {
		paths = append(paths, filepath.Join(dir, n))
	}
	b := mustParse(t, Options{}, paths...)
	if b.Format != FormatSDSv2 || len(b.Records) != 8 || len(b.Files) != 8 {
		t.Errorf("format %q, %d records, %d files", b.Format, len(b.Records), len(b.Files))
	}
}
