package sheet

import (
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// profileValues is the detail of errors about a profile.
const profileValues = "student|teacher"

// SniffCSV says whether a CSV header row is a template: names plus "Code classe" or one of the
// template-only columns.
func SniffCSV(name string, cells []string) roster.Fit {
	h := schema.Match(cells, 1)
	return fit(h, name, "")
}

func fit(h *table.Header, file, sheetName string) roster.Fit {
	f := roster.Fit{Format: Format, Matched: h.Matched()}
	f.Missing = h.Missing(colLast, colFirst)
	// "Code classe" marks the template; a bare "Classe" column is every format's.
	marked := h.Has(colClass) && strings.HasPrefix(table.HeaderKey(h.Cells[h.Index(colClass)]), "code")
	marked = marked || h.Has(colClass) && strings.HasPrefix(table.HeaderKey(h.Cells[h.Index(colClass)]), "cohort") // Moodle
	for _, m := range markers {
		marked = marked || h.Has(m)
	}
	if !marked {
		f.Missing = append(f.Missing, h.Name(colClass))
	}
	f.OK = len(f.Missing) == 0
	f.Profile, _ = guessProfile(file, sheetName, h)
	return f
}

// ParseCSV reads a template saved as CSV.
func ParseCSV(j *roster.Job, f *roster.File, t *table.Text, profile model.Profile) error {
	rows, err := readTable(j, roster.Table{Name: f.Name, Src: t.Rows(), Schema: schema, Rows: t.Lines()}, profile)
	j.FileDone(f.Info(rows))
	return err
}

// guessProfile reads the profile from the sheet's name ("Élèves", "Enseignants"), then the file's,
// then the columns: only the students' template has "Code classe" as a required column.
func guessProfile(file, sheetName string, h *table.Header) (model.Profile, bool) {
	if p, ok := roster.ProfileFromName(sheetName); ok {
		return p, true
	}
	if p, ok := roster.ProfileFromName(file); ok {
		return p, true
	}
	if h.Has(colProfile) || h.Has(colDepartment) {
		return model.ProfileUnknown, false
	}
	if h.Has(colClass) {
		return model.Student, true
	}
	return model.Teacher, true
}

// readTable reads one CSV file or worksheet.
func readTable(j *roster.Job, t roster.Table, override model.Profile) (int, error) {
	var profile model.Profile
	return j.Read(t, func(h *table.Header) bool {
		profile = override
		j.Batch.FromRollcall = j.Batch.FromRollcall || fromRollcall(h) || fromMoodle(h)
		if profile == model.ProfileUnknown {
			profile, _ = guessProfile(t.Name, t.Sheet, h)
		}
		need := []string{colLast, colFirst}
		if profile == model.Student {
			need = append(need, colClass)
		}
		ok := true
		for _, k := range need {
			if !h.Has(k) {
				j.Add(h.MissingColumn(table.Location{File: t.Name, Sheet: t.Sheet}, k))
				ok = false
			}
		}
		j.SetColumns(table.Location{File: t.Name, Sheet: t.Sheet}, columnKeys.Of(h))
		return ok
	}, func(r *roster.Row) { row(j, r, profile) })
}

// columnKeys are the columns the import planner's errors name, as the file writes them.
var columnKeys = roster.ColumnKeys{Login: []string{colLogin}, Email: []string{colEmail}, Classes: []string{colClass},
	Groups: []string{colGroup}, Name: []string{colLast, colFirst}}

func row(j *roster.Job, r *roster.Row, profile model.Profile) {
	rec := roster.Record{Where: r.At, Profile: profile}
	if v, i := r.Get(colProfile); v != "" {
		p, ok := model.ParseProfile(v)
		if !ok {
			r.Fail(i, v, model.RuleUnknownValue, profileValues)
		}
		rec.Profile = p
	} else if v, i := r.Get(colDepartment); v != "" && profile == model.ProfileUnknown {
		// A Moodle user upload: its department is the profile when it names one.
		p, ok := model.ParseProfile(v)
		if !ok {
			r.Fail(i, v, model.RuleUnknownValue, profileValues)
		}
		rec.Profile = p
	} else if profile == model.ProfileUnknown {
		r.Fail(r.H.Index(colProfile), "", model.RuleRequired, profileValues)
	}
	var i int
	rec.LastName = r.Required(colLast)
	rec.LastName = r.TooLong(rec.LastName, r.H.Index(colLast))
	rec.FirstName = r.Required(colFirst)
	rec.FirstName = r.TooLong(rec.FirstName, r.H.Index(colFirst))
	rec.Login, i = r.Get(colLogin)
	// Templates have no id column; the login is what the publisher keys accounts on, so two rows
	// with one login are the same duplicate an id would be.
	r.UniqueID("sheet-login", rec.Login, i)
	rec.Email = r.Email(colEmail)
	for _, i := range r.H.Indexes(colClass) {
		for _, c := range splitList(table.Value(r.Fields, i)) {
			rec.Classes = roster.AppendUnique(rec.Classes, j.ClassByName(c, ""))
		}
	}
	if rec.Profile == model.Student && len(rec.Classes) == 0 && !j.Batch.FromRollcall { // Rollcall exports pupils without a class too
		r.Fail(r.H.Index(colClass), "", model.RuleRequired, "")
	}
	for _, i := range r.H.Indexes(colGroup) {
		for _, g := range splitList(table.Value(r.Fields, i)) {
			rec.Groups = roster.AppendUnique(rec.Groups, g)
		}
	}
	if pw, i := r.H.Get(r.Fields, colPassword); pw != "" {
		// The school's password policy is app's to apply (it knows the school); the cell is kept
		// so its errors name it.
		rec.Password, rec.PasswordCell = pw, r.H.CellError(r.At, i, "", "", "")
	}
	if !r.Bad {
		j.Batch.Records = append(j.Batch.Records, rec)
	}
}

// splitList splits a cell holding several classes or groups ("6A, 6B" or "6A;6B"), which is how
// a spreadsheet cell lists them.
func splitList(s string) []string {
	if !strings.ContainsAny(s, ",;") {
		if s = table.Clean(s); s == "" {
			return nil
		}
		return []string{s}
	}
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if p = table.Clean(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
