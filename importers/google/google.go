package google

import (
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// Format names the Google Workspace bulk upload CSV.
const Format roster.Format = "google"

// Spec registers Google's bulk upload. Its users are known by their login (Employee ID), the
// one Rollcall gave them when it wrote the file.
var Spec = roster.FormatSpec{
	Format:    Format,
	Source:    string(Format),
	SniffFile: func(p *roster.Probe) roster.Fit { return Sniff(p.Header()) },
	Parse: func(j *roster.Job, u roster.Unit) error {
		return Parse(j, u.Files[0], u.Probe.Text())
	},
}

const (
	colFirst      = "first_name"
	colLast       = "last_name"
	colEmail      = "email"
	colLogin      = "employee_id"
	colProfile    = "employee_type"
	colDepartment = "department"
)

// schema lists the columns read, named as Google's template names them. Password, Org Unit Path
// and the rest of Google's columns are left out, so they are never read.
var schema = table.Schema{
	{Key: colFirst, English: []string{"First Name [Required]"}},
	{Key: colLast, English: []string{"Last Name [Required]"}},
	{Key: colEmail, English: []string{"Email Address [Required]"}},
	{Key: colLogin, English: []string{"Employee ID"}},
	{Key: colProfile, English: []string{"Employee Type"}},
	{Key: colDepartment, English: []string{"Department"}},
}

// columnKeys are the columns the import planner's errors name, as Google's template writes them.
var columnKeys = roster.ColumnKeys{Login: []string{colLogin}, Email: []string{colEmail},
	Classes: []string{colDepartment}, Name: []string{colLast, colFirst}}

// profileValues is the detail of errors about a profile: what Rollcall writes in Employee Type.
const profileValues = "Élève|Enseignant|Parent|Personnel|Invité|Student|Teacher|Staff|Guest"

// firstKey is Google's first column, as HeaderKey folds it: the template always starts with it.
var firstKey = table.HeaderKey("First Name [Required]")

// Sniff says whether a header row is Google's template: it starts with "First Name [Required]"
// and has "Email Address [Required]", names no other format uses (Moodle's upload has a
// department too, but starts with username).
func Sniff(cells []string) roster.Fit {
	h := schema.Match(cells, 1)
	fit := roster.Fit{Format: Format, Matched: h.Matched()}
	if len(h.Cells) == 0 || table.HeaderKey(h.Cells[0]) != firstKey {
		fit.Missing = append(fit.Missing, h.Name(colFirst))
	}
	fit.Missing = append(fit.Missing, h.Missing(colLast, colEmail)...)
	fit.OK = len(fit.Missing) == 0
	return fit
}

// Parse reads one bulk upload file, every profile in it.
func Parse(j *roster.Job, f *roster.File, t *table.Text) error {
	rows, err := j.Read(roster.Table{Name: f.Name, Src: t.Rows(), Schema: schema, Rows: t.Lines()},
		func(h *table.Header) bool {
			ok := true
			for _, k := range []string{colFirst, colLast, colEmail, colLogin, colProfile} {
				if !h.Has(k) {
					j.Add(h.MissingColumn(table.Location{File: f.Name}, k))
					ok = false
				}
			}
			// Rollcall's own export: Employee ID is the login Rollcall gave, so users are found by it.
			j.Batch.FromRollcall = j.Batch.FromRollcall || ok
			j.SetColumns(table.Location{File: f.Name}, columnKeys.Of(h))
			return ok
		},
		func(r *roster.Row) { row(j, r) })
	hidePasswords(j, f.Name)
	j.FileDone(f.Info(rows))
	return err
}

// hidePasswords blanks the value of any error about a password cell of the file (a control
// character, a cell too long): the rows' own checks saw it, but a password never reaches a
// report, a terminal or a log.
func hidePasswords(j *roster.Job, file string) {
	for _, e := range j.Errs.List {
		if e.File == file && strings.HasPrefix(table.HeaderKey(e.Column), "password") {
			e.Value = ""
		}
	}
}

func row(j *roster.Job, r *roster.Row) {
	rec := roster.Record{Where: r.At}
	rec.FirstName = r.TooLong(r.Required(colFirst), r.H.Index(colFirst))
	rec.LastName = r.TooLong(r.Required(colLast), r.H.Index(colLast))
	rec.Login = r.Required(colLogin)
	r.UniqueID("google-login", strings.ToLower(rec.Login), r.H.Index(colLogin))
	if v := r.Required(colEmail); v != "" {
		rec.Email = r.EmailValue(v, r.H.Index(colEmail))
	}
	// Google's own files leave Employee Type empty: the profile is then unknown, an error.
	v, i := r.Get(colProfile)
	p, ok := model.ParseProfile(v)
	if !ok {
		rule := model.RuleUnknownValue
		if v == "" {
			rule = model.RuleRequired
		}
		r.Fail(i, v, rule, profileValues)
	}
	rec.Profile = p
	if d, _ := r.Get(colDepartment); d != "" {
		for _, c := range strings.Split(d, ", ") {
			if c = table.Clean(c); c != "" {
				rec.Classes = roster.AppendUnique(rec.Classes, j.ClassByName(c, ""))
			}
		}
	}
	if !r.Bad {
		j.Batch.Records = append(j.Batch.Records, rec)
	}
}
