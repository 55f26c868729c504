package importers

import (
	"reflect"
	"slices"
	"testing"

	"rollcall/model"
)

// The dialects other writers produce, each a set under testdata/ written from its published
// specification: what is read, and what becomes a warning rather than a failure.

func wantWarnings(t *testing.T, b *Batch, want []errKey) {
	t.Helper()
	if got := keys(b.Warnings); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n got %+v\nwant %+v", got, want)
	}
}

func ids(rs []PersonRef) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ExternalID)
	}
	return out
}

// TestOneRoster10: no manifest, 1.0's column names (agents, grade, termSourcedId, schoolYearId,
// demographics keyed by userSourcedId with "birthdate"), "Users.csv" capitalised, CRLF, an
// "inactive" pupil left out, a title-less class named after its course.
func TestOneRoster10(t *testing.T) {
	t.Parallel()
	dir := fixture("oneroster/v1.0")
	b := mustParse(t, Options{}, dir)
	if b.Format != FormatOneRoster || b.Delta || len(b.Records) != 4 || len(b.Files) != 7 {
		t.Fatalf("format %q delta %v, %d records, %d files", b.Format, b.Delta, len(b.Records), len(b.Files))
	}
	if p := profiles(b); p[model.Student] != 2 || p[model.Teacher] != 1 || p[model.Parent] != 1 {
		t.Errorf("profiles %v", p)
	}
	bart := byID(t, b, "u-1")
	if bart.Login != "bart.s" || bart.BirthDate.String() != "2007-04-01" || !slices.Equal(bart.Classes, []string{"cls-1"}) || bart.OrgExternalID != "sch-1" {
		t.Errorf("bart %+v", bart)
	}
	lisa := byID(t, b, "u-2")
	if lisa.BirthDate.String() != "2008-05-09" || !slices.Equal(lisa.Classes, []string{"cls-1", "cls-2"}) {
		t.Errorf("lisa %+v", lisa)
	}
	if marge := byID(t, b, "p-1"); !slices.Equal(ids(marge.Children), []string{"u-1", "u-2"}) || marge.Email != "marge@springfield.example" {
		t.Errorf("marge %+v", marge)
	}
	if c := class(t, b, "cls-1"); c.Name != "Grade 3 Homeroom" || c.Level != "03" || c.OrgExternalID != "sch-1" {
		t.Errorf("class %+v", c)
	}
	if len(b.Orgs) != 2 || b.Orgs[1].ParentExternalID != "dist-1" || b.Orgs[1].Code != "0690001A" {
		t.Errorf("orgs %+v", b.Orgs)
	}
	wantWarnings(t, b, nil)
	ds, err := Detect(inputs(dir))
	if err != nil || len(ds) != 1 || ds[0].Format != FormatOneRoster || ds[0].Headers[0] != "sourcedId" {
		t.Errorf("detect %+v, %v", ds, err)
	}
}

// TestOneRosterVendor11: a 1.1 set as vendors write it, columns in any order, "userSourcedId"
// for the users' id, "ORGS.csv", ext_* and metadata.* columns, primary=yes, and references to
// what the files do not define: a district parent, a course, an agent, a class and a user of
// the enrollments, a second org of a user. Each is a warning and the row is imported without
// the link; with Strict each is an error.
func TestOneRosterVendor11(t *testing.T) {
	t.Parallel()
	dir := fixture("oneroster/v1.1-vendor")
	b := mustParse(t, Options{}, dir)
	if len(b.Records) != 3 || len(b.Classes) != 2 || len(b.Orgs) != 1 {
		t.Fatalf("%d records, %d classes, %d orgs", len(b.Records), len(b.Classes), len(b.Orgs))
	}
	ana := byID(t, b, "stu-1")
	if ana.FirstName != "Ana" || ana.Email != "ana.lopez@lincoln.example" || ana.BirthDate.String() != "2007-02-14" ||
		!slices.Equal(ana.Classes, []string{"cls-m1"}) || ana.OrgExternalID != "org-10" {
		t.Errorf("ana %+v", ana)
	}
	if ben := byID(t, b, "stu-2"); !slices.Equal(ben.Classes, []string{"cls-m1"}) || ben.OrgExternalID != "org-10" {
		t.Errorf("ben %+v", ben)
	}
	if b.Orgs[0].ParentExternalID != "" {
		t.Errorf("an undefined parent was kept: %+v", b.Orgs[0])
	}
	users, orgs, classes, enroll := dir+"/users.csv", dir+"/ORGS.csv", dir+"/classes.csv", dir+"/enrollments.csv"
	want := []errKey{
		{orgs, 2, "parentSourcedId", "D", "district-404", RuleUnknownOrg, "", 0},
		{classes, 3, "courseSourcedId", "D", "crs-sci-404", RuleUnknownCourse, "", 0},
		{users, 3, "orgSourcedIds", "E", "district-404", RuleUnknownOrg, "", 0},
		{enroll, 4, "classSourcedId", "B", "cls-404", RuleUnknownClass, "", 0},
		{enroll, 6, "userSourcedId", "A", "stu-404", RuleUnknownUser, "", 0},
		{users, 2, "agentSourcedIds", "H", "guard-404", RuleUnknownUser, "", 0},
	}
	wantWarnings(t, b, want)
	// Strict: the same, as errors; the class refused for its course is then unknown to the
	// enrollment that names it.
	strict := slices.Insert(slices.Clone(want), 4, errKey{enroll, 6, "classSourcedId", "B", "cls-s1", RuleUnknownClass, "", 0})
	es := mustFail(t, Options{Strict: true}, dir)
	if got := keys(es); !reflect.DeepEqual(got, strict) {
		t.Errorf("strict errors:\n got %+v\nwant %+v", got, strict)
	}
}

// TestSDSUK: the "UK format" of SDS v1: "DfE Number" and "ID" for "SIS ID", "School DfE
// Number", "Section ID", UK-only columns (Year Group, Registration Group). A pupil of a school
// the files lack keeps no school; an enrollment in an undefined section is a warning.
func TestSDSUK(t *testing.T) {
	t.Parallel()
	dir := fixture("sds/uk")
	b := mustParse(t, Options{}, dir)
	if b.Format != FormatSDSv1 || len(b.Records) != 4 || len(b.Classes) != 2 || len(b.Orgs) != 1 {
		t.Fatalf("format %q, %d records, %d classes, %d orgs", b.Format, len(b.Records), len(b.Classes), len(b.Orgs))
	}
	if b.Orgs[0].ExternalID != "3304012" || b.Orgs[0].Name != "Oakfield Primary School" {
		t.Errorf("org %+v", b.Orgs[0])
	}
	amelia := byID(t, b, "P001")
	if amelia.Profile != model.Student || amelia.Login != "ahughes" || amelia.BirthDate.String() != "2016-03-14" ||
		!slices.Equal(amelia.Classes, []string{"sec-5b"}) || amelia.OrgExternalID != "3304012" {
		t.Errorf("amelia %+v", amelia)
	}
	if isla := byID(t, b, "P003"); isla.OrgExternalID != "" || !slices.Equal(isla.Classes, []string{"sec-5r"}) {
		t.Errorf("isla %+v", isla)
	}
	if grace := byID(t, b, "T01"); grace.Profile != model.Teacher || !slices.Equal(grace.Classes, []string{"sec-5b", "sec-5r"}) {
		t.Errorf("grace %+v", grace)
	}
	wantWarnings(t, b, []errKey{
		{dir + "/Student.csv", 4, "School DfE Number", "B", "9999999", RuleUnknownOrg, "", 0},
		{dir + "/StudentEnrollment.csv", 5, "Section ID", "A", "sec-9x", RuleUnknownClass, "", 0},
	})
}

// TestSDSv2: SDS v2, before v2.1: the role and the orgs are users.csv's columns and there is no
// roles.csv; roles are capitalised and from SDS's list (Professor, Lecturer, aide).
func TestSDSv2(t *testing.T) {
	t.Parallel()
	dir := fixture("sds/v2")
	b := mustParse(t, Options{}, dir)
	if b.Format != FormatSDSv2 || len(b.Records) != 6 {
		t.Fatalf("format %q, %d records", b.Format, len(b.Records))
	}
	if p := profiles(b); p[model.Student] != 2 || p[model.Teacher] != 3 || p[model.Staff] != 1 {
		t.Errorf("profiles %v", p)
	}
	ora := byID(t, b, "13001")
	if ora.Login != "oklein@contoso.example" || ora.OrgExternalID != "10001" || !slices.Equal(ora.Classes, []string{"11001"}) {
		t.Errorf("ora %+v", ora)
	}
	if tammie := byID(t, b, "14011"); tammie.Profile != model.Teacher || tammie.OrgExternalID != "10003" || !slices.Equal(tammie.Classes, []string{"11003"}) {
		t.Errorf("tammie %+v", tammie)
	}
	wantWarnings(t, b, []errKey{
		{dir + "/orgs.csv", 2, "parentSourcedId", "D", "10000", RuleUnknownOrg, "", 0},
		{dir + "/enrollments.csv", 6, "classSourcedId", "A", "11009", RuleUnknownClass, "", 0},
	})
}

// TestSDSv1LowerCaseNames: a v1 set whose files are named in lower case (student.csv) and whose
// columns come in another order.
func TestSDSv1LowerCaseNames(t *testing.T) {
	t.Parallel()
	b := mustParse(t, Options{}, fixture("sds/v1-lowercase"))
	if b.Format != FormatSDSv1 || len(b.Records) != 2 {
		t.Fatalf("format %q, %d records", b.Format, len(b.Records))
	}
	if minh := byID(t, b, "st1"); minh.FirstName != "Minh" || minh.BirthDate.String() != "2009-01-31" || !slices.Equal(minh.Classes, []string{"c1"}) {
		t.Errorf("minh %+v", minh)
	}
	wantWarnings(t, b, nil)
}
