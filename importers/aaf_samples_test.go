package importers

import (
	"reflect"
	"testing"

	"rollcall/importers/aaf"
	"rollcall/model"
)

func TestSampleAAFMinimal(t *testing.T) {
	t.Parallel()
	// The folder holds the DTD too: it is not a roster file and is left out.
	b := mustParse(t, Options{}, sample(t, "aaf/minimal-2020"))
	if b.Format != aaf.Format || len(b.Files) != 2 || b.Delta {
		t.Fatalf("format %q, %d files, delta %v", b.Format, len(b.Files), b.Delta)
	}
	if len(b.Orgs) != 1 || b.Orgs[0] != (OrgDef{ExternalID: "1", Code: "0000000V", Name: "STRUCTURE"}) {
		t.Errorf("orgs = %+v", b.Orgs)
	}
	if len(b.Records) != 1 {
		t.Fatalf("%d records", len(b.Records))
	}
	r := b.Records[0]
	want := Record{Where: Location{File: b.Files[0].Name, Line: 4}, Profile: model.Student, ExternalID: "2000000",
		LastName: "NOM", FirstName: "Prenom", BirthDate: model.Date{Year: 2000, Month: 1, Day: 1},
		Classes: []string{"3000$1AQUA"}, OrgExternalID: "1000"}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("pupil =\n%+v, want\n%+v", r, want)
	}
	if len(b.Classes) != 1 || b.Classes[0] != (ClassDef{Code: "3000$1AQUA", Name: "1AQUA", Level: "1E", ExternalID: "3000$1AQUA", OrgExternalID: "3000", Local: "1AQUA"}) {
		t.Errorf("classes = %+v", b.Classes)
	}
	// The school's UAI has a wrong check letter (0000000 calls for A), and the pupil is
	// attached to structure 1000, which the feed does not define: both warn, neither refuses.
	rules := map[model.Rule]string{}
	for _, w := range b.Warnings.List {
		rules[w.Rule] = w.Value
	}
	if !reflect.DeepEqual(rules, map[model.Rule]string{model.RuleUAI: "0000000V", aaf.RuleUndefinedStructure: "1000"}) {
		t.Errorf("warnings = %v", b.Warnings.List)
	}
}

func TestSampleAAFPositions(t *testing.T) {
	t.Parallel()
	before := mustParse(t, Options{}, sample(t, "aaf/positions-2024/before"))
	if len(before.Orgs) != 1 || before.Orgs[0].Code != "0123456A" || before.Orgs[0].Name != "CLG INTEGRATION" {
		t.Errorf("orgs = %+v", before.Orgs)
	}
	if got := profiles(before); !reflect.DeepEqual(got, map[model.Profile]int{model.Staff: 1, model.Teacher: 1}) {
		t.Errorf("profiles = %v", got)
	}
	aaaa := person(t, before, "Prénom AAAA", "AAAA")
	wantFn := []string{"DIR$DIRECTION$D0011$CHEF D'ETABLISSEMENT ADJOINT", "AEH$ACCOMPAGNEMENT$D0021$ACCOMPAGNEMENT ELEVES SITUATION HANDICAP"}
	if !reflect.DeepEqual(aaaa.Functions, wantFn) || aaaa.Email != "aaaa@mailinator.fr" || aaaa.ExternalID != "314159" || aaaa.OrgExternalID != "43" {
		t.Errorf("AAAA = %+v", aaaa)
	}
	if !reflect.DeepEqual(aaaa.Subjects, []string{"PHILOSOPHIE"}) {
		t.Errorf("AAAA's subjects = %q", aaaa.Subjects)
	}
	bbbb := person(t, before, "Prénom BBBB", "BBBB")
	if bbbb.Profile != model.Teacher || !reflect.DeepEqual(bbbb.Functions, []string{"ENS$ENSEIGNEMENT DEVANT ELEVES$G0170$ENSEIGNER EN SEGPA OU EREA"}) {
		t.Errorf("BBBB = %+v", bbbb)
	}

	after := mustParse(t, Options{}, sample(t, "aaf/positions-2024/after"))
	if len(after.Records) != 3 || len(after.Orgs) != 0 {
		t.Fatalf("%d records, orgs %+v", len(after.Records), after.Orgs)
	}
	aaaa = person(t, after, "Prénom AAAA", "AAAA")
	if aaaa.Functions[0] != "DIR$PRESTATIONS$D0011$ENTRETIEN" {
		t.Errorf("AAAA's functions after = %q", aaaa.Functions)
	}
	cccc := person(t, after, "Prénom CCCC", "CCCC")
	if cccc.Profile != model.Staff || len(cccc.Functions) != 3 {
		t.Errorf("CCCC = %+v", cccc)
	}
	// Structure 43 is defined by the first feed, not this one.
	if w := after.Warnings.List; len(w) != 1 || w[0].Rule != aaf.RuleUndefinedStructure || w[0].Value != "43" {
		t.Errorf("warnings = %v", after.Warnings.List)
	}
}
