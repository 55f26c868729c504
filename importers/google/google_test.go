package google

import (
	"context"
	"slices"
	"strings"
	"testing"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// header is Google's blank template (Directory > Users > Bulk update users), as Google gives it.
const header = "First Name [Required],Last Name [Required],Email Address [Required],Password [Required]," +
	"Password Hash Function [UPLOAD ONLY],Org Unit Path [Required],New Primary Email [UPLOAD ONLY],Recovery Email," +
	"Home Secondary Email,Work Secondary Email,Recovery Phone [MUST BE IN THE E.164 FORMAT],Work Phone,Home Phone," +
	"Mobile Phone,Work Address,Home Address,Employee ID,Employee Type,Employee Title,Manager Email,Department," +
	"Cost Center,Building ID,Floor Name,Floor Section,Change Password at Next Sign-In,New Status [UPLOAD ONLY]," +
	"New Licenses [UPLOAD ONLY],Advanced Protection Program enrollment"

// line builds a data row of the template from the cells Rollcall fills.
func line(first, last, email, password, login, profile, classes string) string {
	row := make([]string, 29)
	row[0], row[1], row[2], row[3], row[5] = first, last, email, password, "/"
	row[16], row[17], row[20], row[25] = login, profile, `"`+classes+`"`, "TRUE"
	return strings.Join(row, ",")
}

func parse(t *testing.T, text string) *roster.Job {
	t.Helper()
	j := roster.NewJob(context.Background(), 0, nil)
	raw := []byte(text)
	if err := Parse(j, &roster.File{Name: "google.csv", Raw: raw}, table.NewText("google.csv", raw)); err != nil {
		t.Fatal(err)
	}
	return j
}

// Google's template is told by its first column and its email column; Moodle's upload, which has
// a department too, and the spreadsheet templates are not taken for it.
func TestSniff(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		header string
		ok     bool
	}{
		{header, true},
		{"\ufeff" + header, true},
		{"First Name [Required],Last Name [Required],Email Address [Required],Password [Required],Org Unit Path [Required]", true},
		{"username,firstname,lastname,email,department,cohort1", false},
		{"Last Name [Required],First Name [Required],Email Address [Required]", false},
		{"First Name [Required],Last Name [Required],Password [Required]", false},
		{"Nom,Prénom,Code classe,Identifiant", false},
	} {
		fit := Sniff(strings.Split(tc.header, ","))
		if fit.OK != tc.ok || !fit.OK && len(fit.Missing) == 0 {
			t.Errorf("%.50q: %+v", tc.header, fit)
		}
	}
}

// Each row gives names, email, login, profile (the French or English label) and classes; the
// password is not read, and users are found by login.
func TestParse(t *testing.T) {
	t.Parallel()
	j := parse(t, "\ufeff"+header+"\r\n"+
		line("Léa", "Colin", "lea.colin@college.example", "S3cret!pass", "lea.colin", "Élève", "6e A, 6e B")+"\r\n"+
		line("Tom", "Martin", "tom@college.example", "Other!pass1", "tmartin", "Teacher", "")+"\r\n")
	if j.Errs.Len() != 0 {
		t.Fatalf("errors: %+v", j.Errs.List)
	}
	recs := j.Batch.Records
	if !j.Batch.FromRollcall || len(recs) != 2 {
		t.Fatalf("FromRollcall %v, %d records", j.Batch.FromRollcall, len(recs))
	}
	lea := recs[0]
	if lea.FirstName != "Léa" || lea.LastName != "Colin" || lea.Email != "lea.colin@college.example" || lea.Login != "lea.colin" ||
		lea.Profile != model.Student || len(lea.Classes) != 2 || lea.Where.Line != 2 {
		t.Errorf("%+v", lea)
	}
	var names []string
	for _, c := range j.Batch.Classes {
		names = append(names, c.Name)
	}
	if !slices.Equal(names, []string{"6e A", "6e B"}) {
		t.Errorf("classes %q", names)
	}
	if recs[1].Profile != model.Teacher || len(recs[1].Classes) != 0 {
		t.Errorf("%+v", recs[1])
	}
	for _, r := range recs {
		if r.Password != "" {
			t.Errorf("%s: the password was read", r.Login)
		}
	}
}

// Bad rows are errors naming the file, the line, the column and what was expected: Google's own
// files leave Employee Type empty, so the profile is unknown.
func TestErrorsAreLocated(t *testing.T) {
	t.Parallel()
	j := parse(t, header+"\n"+
		line("Léa", "Colin", "lea@college.example", "x", "lea", "", "")+"\n"+
		line("Tom", "Martin", "tom@college.example", "x", "tom", "Chef", "")+"\n"+
		line("Ana", "", "not-an-address", "x", "", "Student", "")+"\n"+
		line("Zoé", "Roy", "zoe@college.example", "x", "LEA", "Staff", "")+"\n")
	type at struct {
		line   int
		column string
		rule   model.Rule
	}
	var got []at
	for _, e := range j.Errs.List {
		if e.File != "google.csv" {
			t.Errorf("%+v", e)
		}
		if e.Rule == model.RuleUnknownValue || e.Rule == model.RuleRequired && e.Column == "Employee Type" {
			if !strings.Contains(e.Expected, "Élève") || !strings.Contains(e.Expected, "Student") {
				t.Errorf("expected %q", e.Expected)
			}
		}
		got = append(got, at{e.Line, e.Column, e.Rule})
	}
	want := []at{
		{2, "Employee Type", model.RuleRequired},
		{3, "Employee Type", model.RuleUnknownValue},
		{4, "Last Name [Required]", model.RuleRequired},
		{4, "Employee ID", model.RuleRequired},
		{4, "Email Address [Required]", model.RuleEmail},
		{5, "Employee ID", table.RuleDuplicateID},
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors\n got %+v\nwant %+v", got, want)
	}
	if len(j.Batch.Records) != 0 {
		t.Errorf("bad rows imported: %+v", j.Batch.Records)
	}
	j = parse(t, "First Name [Required],Last Name [Required],Email Address [Required]\nA,B,a@b.example\n")
	var missing []string
	for _, e := range j.Errs.List {
		if e.Rule == table.RuleMissingColumn && e.Line == 1 {
			missing = append(missing, e.Column)
		}
	}
	if !slices.Equal(missing, []string{"Employee ID", "Employee Type"}) {
		t.Errorf("missing columns %q", missing)
	}
}

// A password cell is never read, and an error about one (a control character) does not repeat it.
func TestPasswordNeverInErrors(t *testing.T) {
	t.Parallel()
	j := parse(t, header+"\n"+line("Léa", "Colin", "lea@college.example", "Secret\x01pw", "lea", "Élève", "6e A")+"\n")
	if j.Errs.Len() != 1 || j.Errs.List[0].Column != "Password [Required]" || j.Errs.List[0].Line != 2 {
		t.Fatalf("errors %+v", j.Errs.List)
	}
	if e := j.Errs.List[0]; strings.Contains(e.Value, "Secret") || e.Rule == "" {
		t.Errorf("the password is in the error: %+v", e)
	}
}
