package importers

import (
	"reflect"
	"strings"
	"testing"

	"rollcall/importers/siecle"
	"rollcall/importers/xmlfeed"
	"rollcall/model"
)

func TestSampleSIECLETwoValidPupils(t *testing.T) {
	t.Parallel()
	b := mustParse(t, Options{}, sample(t, "siecle/edge-cases/siecle-with-two-valid-students.xml"))
	if b.Format != siecle.Format || len(b.Records) != 2 || len(b.Orgs) != 1 || b.Orgs[0].Code != "123ABC" {
		t.Fatalf("format %q, %d records, orgs %+v", b.Format, len(b.Records), b.Orgs)
	}
	// ISO-8859-15: the œ of "Cocœ" is byte 0xBD there (½ in Windows-1252).
	harry := person(t, b, "Harry", "COJAUNE")
	if harry.ExternalID != "0002" || !reflect.DeepEqual(harry.Classes, []string{"4A"}) || !reflect.DeepEqual(harry.Groups, []string{"42"}) ||
		harry.BirthDate != (model.Date{Year: 1994, Month: 7, Day: 1}) || harry.OrgExternalID != "123ABC" {
		t.Errorf("Harry = %+v", harry)
	}
	if l := person(t, b, "Luciole", "HANDMADE"); l.Profile != model.Student || l.Groups != nil {
		t.Errorf("Luciole = %+v", l)
	}
	// "123ABC" is no UAI: the school is kept, with a warning.
	if w := b.Warnings.List; len(w) != 1 || w[0].Rule != model.RuleUAI {
		t.Errorf("warnings = %v", w)
	}
}

func TestSampleSIECLEOnlyPupilsInADivisionAreCurrent(t *testing.T) {
	t.Parallel()
	b := mustParse(t, Options{}, sample(t, "siecle/edge-cases/siecle-with-registrations-no-longer-in-school.xml"))
	// 0001 has no structure, 0002 is in "Inactifs", 0004 only in a group, 0005 left
	// (DATE_SORTIE): only 0003 is a current pupil.
	if len(b.Records) != 1 || b.Records[0].ExternalID != "0003" || b.Records[0].FirstName != "Grégory" ||
		!reflect.DeepEqual(b.Records[0].Classes, []string{"4e 1"}) {
		t.Fatalf("records = %+v", b.Records)
	}
}

func TestSampleSIECLEDuplicateINEIsRefused(t *testing.T) {
	t.Parallel()
	es := mustFail(t, Options{}, sample(t, "siecle/edge-cases/siecle-with-duplicate-national-student-id.xml"))
	if len(es.List) != 1 || es.List[0].Rule != RuleDuplicateID || es.List[0].Value != "00000000123" || es.List[0].Line != 25 || es.List[0].Other.Line != 9 {
		t.Errorf("errors = %+v", es.List)
	}
}

func TestSampleSIECLETruncatedIsALocatedError(t *testing.T) {
	t.Parallel()
	es := mustFail(t, Options{}, sample(t, "siecle/edge-cases/siecle-broken.xml"))
	if len(es.List) != 1 || es.List[0].Rule != xmlfeed.RuleBadXML || es.List[0].Line != 4 || !strings.Contains(es.List[0].Expected, "<PARAMETRES> is not closed") {
		t.Errorf("errors = %+v", es.List)
	}
}

func TestSampleSIECLEStructuresAndNomenclatureZips(t *testing.T) {
	t.Parallel()
	b := mustParse(t, Options{}, sample(t, "siecle/structures/ExportXML_Nomenclature.zip"), sample(t, "siecle/structures/ExportXML_Structures.zip"))
	if b.Format != siecle.Format || len(b.Records) != 0 || len(b.Files) != 2 || len(b.Orgs) != 1 || b.Orgs[0].Code != "0740032H" {
		t.Fatalf("format %q, %d records, files %+v, orgs %+v", b.Format, len(b.Records), b.Files, b.Orgs)
	}
	if len(b.Classes) != 30 {
		t.Fatalf("%d classes", len(b.Classes))
	}
	if c := b.Classes[0]; c.Code != "3A" || c.Name != "3ème SEGPA" {
		t.Errorf("first class = %+v", c)
	}
	if b.Warnings.Len() != 0 {
		t.Errorf("warnings = %v (0740032H is a valid UAI)", b.Warnings.List)
	}
}
