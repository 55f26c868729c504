package ent

import (
	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// dateLayout is how the ENT writes dates; ISO dates are accepted too.
const dateLayout = "DD/MM/YYYY"

// profileValues is the detail of RuleUnknownValue for a Profil cell.
const profileValues = "student|teacher|parent|staff|guest"

// Sniff says whether a header row is an ENT import file: it needs a first and a last name.
func Sniff(name string, cells []string) roster.Fit {
	h := importSchema.Match(cells, 1)
	fit := roster.Fit{Format: Format, Matched: h.Matched()}
	fit.Missing = h.Missing(colFirstName, colLastName)
	fit.OK = len(fit.Missing) == 0
	fit.Profile, _ = guessProfile(name, h)
	return fit
}

// Parse reads one ENT import file. profile overrides what the file's name and headers say.
// It returns only the context's error; problems go to the job.
func Parse(j *roster.Job, f *roster.File, t *table.Text, profile model.Profile) error {
	p := parser{job: j}
	rows, err := j.Read(roster.Table{Name: f.Name, Src: t.Rows(), Schema: importSchema, Rows: t.Lines()},
		func(h *table.Header) bool { return p.start(f.Name, h, profile) },
		p.row)
	j.FileDone(f.Info(rows))
	return err
}

type parser struct {
	job      *roster.Job
	profile  model.Profile // of the file; a Profil column overrides it per row
	required []int         // cells that must not be empty
	children childCols
}

// start checks the header: the profile must be known (from the override, a Profil column, the
// file name or the headers) and the columns that profile needs must be there.
func (p *parser) start(name string, h *table.Header, override model.Profile) bool {
	at := table.Location{File: name}
	p.profile = override
	if p.profile == model.ProfileUnknown {
		p.profile, _ = guessProfile(name, h)
	}
	if p.profile == model.ProfileUnknown && !h.Has(colProfile) {
		p.job.Add(&table.RowError{File: name, Line: h.Line, Rule: table.RuleUnknownProfile, Expected: profileValues})
		return false
	}
	need := []string{colFirstName, colLastName}
	if p.profile == model.Student {
		need = append(need, colBirthDate, colClasses)
	}
	ok := true
	for _, k := range need {
		if !h.Has(k) {
			p.job.Add(h.MissingColumn(at, k))
			ok = false
		}
	}
	// A '*' in the file marks a required value; names always are, and a student's birth date is
	// what tells two homonyms apart.
	for i, starred := range h.Starred {
		if starred {
			p.required = append(p.required, i)
		}
	}
	p.required = appendMissing(p.required, h.Index(colFirstName), h.Index(colLastName))
	if p.profile == model.Student {
		p.required = appendMissing(p.required, h.Index(colBirthDate))
	}
	p.children = childColumns(h)
	p.job.SetColumns(at, columnKeys.Of(h))
	return ok
}

// columnKeys are the columns the import planner's errors name, as the file writes them.
var columnKeys = roster.ColumnKeys{ID: []string{colExternalID}, Login: []string{colLogin}, Email: []string{colEmail},
	Classes: []string{colClasses}, Groups: []string{colGroups}, Name: []string{colLastName, colFirstName, colBirthDate},
	Children: []string{colChildID, colChildLast, colChildFirst, colChildClass}}

func appendMissing(list []int, xs ...int) []int {
next:
	for _, x := range xs {
		if x < 0 {
			continue
		}
		for _, y := range list {
			if y == x {
				continue next
			}
		}
		list = append(list, x)
	}
	return list
}

// row turns one data row into a record.
func (p *parser) row(r *roster.Row) {
	for _, i := range p.required {
		if table.Value(r.Fields, i) == "" {
			r.Fail(i, "", model.RuleRequired, "")
		}
	}
	rec := roster.Record{Where: r.At, Profile: p.profile}
	if v, i := r.Get(colProfile); v != "" {
		if pr, ok := model.ParseProfile(v); ok {
			rec.Profile = pr
		} else {
			r.Fail(i, v, model.RuleUnknownValue, profileValues)
		}
	} else if rec.Profile == model.ProfileUnknown {
		r.Fail(r.H.Index(colProfile), "", model.RuleRequired, profileValues)
	}
	var i int
	rec.FirstName, i = r.Get(colFirstName)
	rec.FirstName = r.TooLong(rec.FirstName, i)
	rec.LastName, i = r.Get(colLastName)
	rec.LastName = r.TooLong(rec.LastName, i)
	rec.BirthDate = r.Date(colBirthDate, model.DMY, dateLayout)
	rec.Email = r.Email(colEmail)
	rec.Login, _ = r.Get(colLogin)
	rec.ExternalID, i = r.Get(colExternalID)
	r.UniqueID(rec.Profile.String(), rec.ExternalID, i)
	if ix := r.H.Indexes(colClasses); len(ix) > 0 {
		rec.Classes = make([]string, 0, len(ix))
	}
	for _, i := range r.H.Indexes(colClasses) {
		rec.Classes = roster.AppendUnique(rec.Classes, p.job.ClassByName(table.Value(r.Fields, i), ""))
	}
	for _, i := range r.H.Indexes(colGroups) {
		rec.Groups = roster.AppendUnique(rec.Groups, table.Clean(table.Value(r.Fields, i)))
	}
	rec.Children = p.children.read(r)
	if !r.Bad {
		p.job.Batch.Records = append(p.job.Batch.Records, rec)
	}
}
