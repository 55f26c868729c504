package be1d

import (
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

const dateLayout = "YYYY-MM-DD"

// Sniff says whether a header row is one of the BE1D files. Each file is recognised by its own
// columns ("Nom Elève", "Nom responsable", "Directeur"), which ENT files never have.
func Sniff(cells []string) roster.Fit {
	best := roster.Fit{Format: Format}
	for _, k := range kinds {
		h := k.schema.Match(cells, 1)
		missing := h.Missing(k.needs...)
		if len(missing) == 0 {
			return roster.Fit{Format: Format, OK: true, Matched: h.Matched(), Profile: k.profile}
		}
		if best.Missing == nil || len(missing) < len(best.Missing) {
			best.Missing, best.Matched = missing, h.Matched()
		}
	}
	return best
}

// Parse reads one BE1D file, whichever of the three it is.
func Parse(j *roster.Job, f *roster.File, t *table.Text) error {
	head, _ := table.ReadHeader(t.Rows())
	k := students
	for _, c := range kinds {
		if len(c.schema.Match(head.Fields, 1).Missing(c.needs...)) == 0 {
			k = c
			break
		}
	}
	rows, err := j.Read(roster.Table{Name: f.Name, Src: t.Rows(), Schema: k.schema, Rows: t.Lines()},
		func(h *table.Header) bool {
			ok := true
			for _, key := range k.needs {
				if !h.Has(key) {
					j.Add(h.MissingColumn(table.Location{File: f.Name}, key))
					ok = false
				}
			}
			j.SetColumns(table.Location{File: f.Name}, columnKeys.Of(h))
			return ok
		},
		func(r *roster.Row) { row(j, k, r) })
	j.FileDone(f.Info(rows))
	return err
}

// columnKeys are the columns the import planner's errors name, as the file writes them.
var columnKeys = roster.ColumnKeys{ID: []string{colINE}, Email: []string{colEmail}, Classes: []string{colClass},
	Name: []string{colLast, colFirst, colBirth}, Children: []string{colChildLast, colChildFirst, colChildClass}}

// row reads one person. The usage name ("nom d'usage") is the one the person goes by, so it is
// the record's last name when given; children are matched the same way.
func row(j *roster.Job, k kind, r *roster.Row) {
	rec := roster.Record{Where: r.At, Profile: k.profile}
	rec.LastName = r.Required(colLast)
	if usage, i := r.Get(colUsage); usage != "" {
		rec.LastName = r.TooLong(usage, i)
	}
	rec.FirstName = r.Required(colFirst)
	switch k.profile {
	case model.Student:
		if v := r.Required(colBirth); v != "" {
			rec.BirthDate = r.DateValue(v, r.H.Index(colBirth), model.DMY, dateLayout)
		}
		level, _ := r.Get(colLevel)
		class, _ := r.Get(colClass)
		rec.Classes = roster.AppendUnique(nil, j.ClassByName(class, level))
		var i int
		rec.ExternalID, i = r.Get(colINE)
		r.UniqueID("be1d-student", rec.ExternalID, i)
	case model.Teacher:
		rec.Email = r.Email(colEmail)
		for _, i := range r.H.Indexes(colClass) {
			rec.Classes = roster.AppendUnique(rec.Classes, j.ClassByName(table.Value(r.Fields, i), ""))
		}
	case model.Parent:
		rec.Email = r.Email(colEmail)
		rec.Children = children(j, r)
		rec.Address = address(r)
	}
	if !r.Bad {
		j.Batch.Records = append(j.Batch.Records, rec)
	}
}

// address is a guardian's address, postcode and town on one line.
func address(r *roster.Row) string {
	var parts []string
	for _, col := range []string{colAddress, colPostcode, colTown} {
		if v, _ := r.Get(col); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " ")
}

// children reads the repeated (usage name, family name, first name, classes) groups.
func children(j *roster.Job, r *roster.Row) []roster.PersonRef {
	usage, last := r.H.Indexes(colChildUsage), r.H.Indexes(colChildLast)
	first, class := r.H.Indexes(colChildFirst), r.H.Indexes(colChildClass)
	cell := func(idx []int, k int) (string, int) {
		if k >= len(idx) {
			return "", -1
		}
		return table.Clean(table.Value(r.Fields, idx[k])), idx[k]
	}
	var out []roster.PersonRef
	for k := 0; k < max(len(last), len(first)); k++ {
		u, _ := cell(usage, k)
		l, li := cell(last, k)
		fn, fi := cell(first, k)
		c, _ := cell(class, k)
		if u == "" && l == "" && fn == "" && c == "" {
			continue
		}
		if u != "" {
			l, li = u, -1
		}
		if l == "" {
			r.Fail(li, "", model.RuleRequired, "")
		}
		if fn == "" {
			r.Fail(fi, "", model.RuleRequired, "")
		}
		out = append(out, roster.PersonRef{LastName: l, FirstName: fn, Class: j.ClassByName(c, "")})
	}
	return out
}
