package importers

import (
	"reflect"
	"testing"

	"rollcall/model"
)

// The shared samples are real files written by other projects; their counts below were taken
// by reading them by hand (see shared/samples/README.md for where each comes from).

func TestSampleENTFrench(t *testing.T) {
	t.Parallel()
	b := mustParse(t, Options{}, sample(t, "ent/templates-fr"))
	if b.Format != FormatENT {
		t.Errorf("Format = %q", b.Format)
	}
	want := map[model.Profile]int{model.Student: 7, model.Teacher: 3, model.Guest: 3, model.Parent: 8, model.Staff: 3}
	if got := profiles(b); !reflect.DeepEqual(got, want) {
		t.Errorf("profiles = %v, want %v", got, want)
	}
	if got := baseNames(b.Files); !reflect.DeepEqual(got, []string{"CSV_Eleves.csv", "CSV_Enseignants.csv", "CSV_Invites.csv", "CSV_Parents.csv", "CSV_Personnels.csv"}) {
		t.Errorf("files = %v", got)
	}
	rows := []int{7, 3, 3, 8, 3}
	for i, f := range b.Files {
		if f.Rows != rows[i] || len(f.SHA256) != 64 {
			t.Errorf("%s: %d rows, sha %q", f.Name, f.Rows, f.SHA256)
		}
	}
	// 4 students' classes, 3 teachers' (CSV1, CSV2, 1COM1) and 3 guests' ("CSV 1" is not "CSV1").
	if len(b.Classes) != 10 {
		t.Errorf("%d classes: %+v", len(b.Classes), b.Classes)
	}
	lea := person(t, b, "Léa", "COLIN")
	if lea.Profile != model.Student || lea.BirthDate != date(2014, 8, 13) || !reflect.DeepEqual(lea.Classes, []string{"CP de Mme BROSSARD"}) || lea.Where.Line != 2 {
		t.Errorf("Léa = %+v", lea)
	}
	fel := person(t, b, "Félicité", "SIMANI")
	if fel.Profile != model.Teacher || !reflect.DeepEqual(fel.Classes, []string{"CSV1", "CSV2"}) || fel.Email != "no-reply@entcore.org" {
		t.Errorf("Félicité = %+v", fel)
	}
	if r := person(t, b, "Raoul", "ARCHAMBAULT"); !reflect.DeepEqual(r.Classes, []string{"1COM1"}) {
		t.Errorf("Raoul's classes = %q (the second class cell is empty)", r.Classes)
	}
	julie := person(t, b, "Julie", "COLIN")
	wantKids := []PersonRef{
		{LastName: "COLIN", FirstName: "Léa", Class: "CP de Mme BROSSARD"},
		{LastName: "COLIN", FirstName: "Zoé", Class: "PS de Carole"},
		{LastName: "COLIN", FirstName: "Théo", Class: "CM2 de M. ARNOULD"},
	}
	if julie.Profile != model.Parent || !reflect.DeepEqual(julie.Children, wantKids) {
		t.Errorf("Julie = %+v", julie)
	}
	if g := person(t, b, "Claire", "FABRE"); g.Profile != model.Guest || !reflect.DeepEqual(g.Classes, []string{"CSV 3"}) {
		t.Errorf("Claire = %+v", g)
	}
	if s := person(t, b, "George", "CALAMARO"); s.Profile != model.Staff || s.Where.Line != 4 {
		t.Errorf("George = %+v", s)
	}
}

func TestSampleENTEnglish(t *testing.T) {
	t.Parallel()
	b := mustParse(t, Options{}, sample(t, "ent/templates-en"))
	want := map[model.Profile]int{model.Guest: 3, model.Parent: 2, model.Staff: 1, model.Student: 3, model.Teacher: 1}
	if got := profiles(b); !reflect.DeepEqual(got, want) {
		t.Errorf("profiles = %v, want %v", got, want)
	}
	if len(b.Classes) != 3 {
		t.Errorf("classes = %+v, want 1A, 3A, 2A", b.Classes)
	}
	jane := byID(t, b, "Teacher-SchoolXX-001")
	if !reflect.DeepEqual(jane.Classes, []string{"1A", "2A", "3A"}) || jane.FirstName != "Jane" {
		t.Errorf("Jane = %+v", jane)
	}
	james := byID(t, b, "Parent-SchoolXX-001")
	// The sample's second child id has a typo (SchoolX); it is kept as written for the sync to flag.
	wantKids := []PersonRef{{ExternalID: "Student-SchoolXX-001"}, {ExternalID: "Student-SchoolX-002"}}
	if !reflect.DeepEqual(james.Children, wantKids) {
		t.Errorf("James's children = %+v", james.Children)
	}
	justin := byID(t, b, "Student-SchoolXX-003")
	if justin.Profile != model.Student || justin.BirthDate != date(2007, 7, 2) || len(justin.Classes) != 0 {
		t.Errorf("Justin = %+v", justin)
	}
	if g := byID(t, b, "Guest-SchoolXX-002"); g.Profile != model.Guest {
		t.Errorf("guest = %+v", g)
	}
}

func TestSampleOneRosterClassLink(t *testing.T) {
	t.Parallel()
	b := mustParse(t, Options{}, sample(t, "oneroster/v1.1-classlink-style"))
	if b.Format != FormatOneRoster || b.Delta || len(b.Deleted) != 0 {
		t.Errorf("Format %q Delta %v Deleted %v", b.Format, b.Delta, b.Deleted)
	}
	if got, want := profiles(b), map[model.Profile]int{model.Student: 8, model.Teacher: 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("profiles = %v, want %v", got, want)
	}
	if len(b.Files) != 8 || len(b.Classes) != 2 || len(b.Orgs) != 2 {
		t.Errorf("%d files, %d classes, %d orgs", len(b.Files), len(b.Classes), len(b.Orgs))
	}
	eng := class(t, b, "25590100101Trad120ENG112011")
	if eng.Name != "ENG-1" || eng.Level != "09" || eng.OrgExternalID != "255901001" || eng.ExternalID != eng.Code {
		t.Errorf("ENG class = %+v", eng)
	}
	if b.Orgs[1] != (OrgDef{ExternalID: "255901001", Name: "Grand Bend High School", ParentExternalID: "255901"}) {
		t.Errorf("school = %+v", b.Orgs[1])
	}
	mary := byID(t, b, "604863")
	wantMary := Record{
		Where:         mary.Where,
		Profile:       model.Student,
		ExternalID:    "604863",
		Login:         "Mary Archer",
		Email:         "mary.archer@studentgps.org",
		LastName:      "Archer",
		FirstName:     "Mary",
		BirthDate:     date(1997, 5, 30),
		Classes:       []string{"25590100101Trad120ENG112011", "25590100102Trad220ALG112011"},
		OrgExternalID: "255901001",
	}
	if !reflect.DeepEqual(mary, wantMary) || mary.Where.Line != 2 {
		t.Errorf("Mary = %+v", mary)
	}
	// demographics.csv has 8 rows, the last without a final newline.
	if m := byID(t, b, "605015"); m.BirthDate != date(1997, 4, 6) || len(m.Classes) != 1 {
		t.Errorf("Micheal = %+v", m)
	}
	if k := byID(t, b, "207270"); k.Profile != model.Teacher || !k.BirthDate.IsZero() || !reflect.DeepEqual(k.Classes, []string{"25590100102Trad220ALG112011"}) {
		t.Errorf("Kelley = %+v", k)
	}
	total := 0
	for _, r := range b.Records {
		total += len(r.Classes)
	}
	// 24 enrollments, each (user, class) pair twice (fall and spring): 12 distinct.
	if total != 12 {
		t.Errorf("%d class memberships, want 12", total)
	}
}

func TestSampleOneRosterZip(t *testing.T) {
	t.Parallel()
	b := mustParse(t, Options{}, sample(t, "oneroster/zip/Test_minimal_data_set.zip"))
	if got, want := profiles(b), map[model.Profile]int{model.Student: 3, model.Teacher: 2, model.Parent: 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("profiles = %v, want %v", got, want)
	}
	if len(b.Files) != 6 || len(b.Classes) != 2 || len(b.Orgs) != 1 {
		t.Errorf("%d files, %d classes, %d orgs", len(b.Files), len(b.Classes), len(b.Orgs))
	}
	if got := class(t, b, "cls-222-123478").Name; got != "History - 2" {
		t.Errorf("class name %q", got)
	}
	john := byID(t, b, "usr-222-123456")
	if john.Login != "john.doe" || john.Password != "" || !reflect.DeepEqual(john.Classes, []string{"cls-222-123456", "cls-222-123478"}) {
		t.Errorf("John = %+v (OneRoster passwords are not imported)", john)
	}
	if a := byID(t, b, "usr-222-567891"); len(a.Classes) != 0 {
		t.Errorf("Anna has no enrollment: %+v", a)
	}
	if got := baseNames(b.Files)[0]; got != "manifest.csv" {
		t.Errorf("first file %q", got)
	}
}

func TestSampleSDSv1(t *testing.T) {
	t.Parallel()
	b := mustParse(t, Options{}, sample(t, "sds/v1-25-users"))
	if b.Format != FormatSDSv1 {
		t.Errorf("Format = %q", b.Format)
	}
	if got, want := profiles(b), map[model.Profile]int{model.Student: 22, model.Teacher: 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("profiles = %v, want %v", got, want)
	}
	if len(b.Classes) != 2 || len(b.Orgs) != 2 || len(b.Files) != 6 {
		t.Errorf("%d classes, %d orgs, %d files", len(b.Classes), len(b.Orgs), len(b.Files))
	}
	if c := class(t, b, "11002"); c.Name != "Math - Algebra 2" || c.OrgExternalID != "10001" {
		t.Errorf("section = %+v", c)
	}
	ora := byID(t, b, "13001")
	if ora.FirstName != "Ora" || ora.Login != "OKlein" || ora.BirthDate != date(2000, 4, 2) || ora.OrgExternalID != "10001" || ora.Password != "" {
		t.Errorf("Ora = %+v", ora)
	}
	memberships := 0
	for _, r := range b.Records {
		if r.Profile == model.Student {
			memberships += len(r.Classes)
		}
	}
	if memberships != 44 {
		t.Errorf("%d student memberships, want the 44 StudentEnrollment rows", memberships)
	}
	if c := byID(t, b, "14001"); c.Profile != model.Teacher || !reflect.DeepEqual(c.Classes, []string{"11001"}) {
		t.Errorf("Craig = %+v", c)
	}
}

func TestSampleSDSv2(t *testing.T) {
	t.Parallel()
	b := mustParse(t, Options{}, sample(t, "sds/v2.1"))
	if b.Format != FormatSDSv2 {
		t.Errorf("Format = %q", b.Format)
	}
	if got, want := profiles(b), map[model.Profile]int{model.Student: 4, model.Teacher: 2, model.Parent: 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("profiles = %v, want %v", got, want)
	}
	if len(b.Orgs) != 4 || len(b.Classes) != 2 {
		t.Errorf("%d orgs, %d classes", len(b.Orgs), len(b.Classes))
	}
	// 110003's parent, 110004, is defined after it.
	if o := b.Orgs[2]; o.ExternalID != "110003" || o.ParentExternalID != "110004" {
		t.Errorf("org = %+v", o)
	}
	if c := class(t, b, "112001"); c.Name != "Computer Science 101" || c.Level != "PS1" || c.OrgExternalID != "110001" {
		t.Errorf("class = %+v", c)
	}
	jean := byID(t, b, "114002")
	if jean.Profile != model.Parent || !reflect.DeepEqual(jean.Children, []PersonRef{{ExternalID: "114001"}, {ExternalID: "114003"}}) || jean.Email != "jean.craig@outlook.com" {
		t.Errorf("Jean = %+v", jean)
	}
	if bob := byID(t, b, "114005"); !reflect.DeepEqual(bob.Children, []PersonRef{{ExternalID: "114004"}}) {
		t.Errorf("Bob = %+v", bob)
	}
	if j := byID(t, b, "114006"); j.Profile != model.Teacher || j.BirthDate != date(1980, 2, 12) || !reflect.DeepEqual(j.Classes, []string{"112001"}) {
		t.Errorf("Jason (professor) = %+v", j)
	}
	if k := byID(t, b, "114007"); k.OrgExternalID != "110004" {
		t.Errorf("Kristen's primary org = %q, want 110004", k.OrgExternalID)
	}
	if jack := byID(t, b, "114001"); jack.Login != "jcraig@classrmtest31.org" || jack.Email != "" || !reflect.DeepEqual(jack.Classes, []string{"112002"}) {
		t.Errorf("Jack = %+v", jack)
	}
}
