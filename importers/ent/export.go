package ent

import (
	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// SniffExport says whether a header row is the ENT's specific CSV export: it needs the ENT id
// and the profile, which the import templates never have.
func SniffExport(cells []string) roster.Fit {
	h := exportSchema.Match(cells, 1)
	fit := roster.Fit{Format: ExportFormat, Matched: h.Matched()}
	fit.Missing = h.Missing(colENTID, colProfile, colLastName, colFirstName)
	fit.OK = len(fit.Missing) == 0
	return fit
}

// ParseExport reads one ENT export file, which holds every profile, one per row.
func ParseExport(j *roster.Job, f *roster.File, t *table.Text) error {
	rows, err := j.Read(roster.Table{Name: f.Name, Src: t.Rows(), Schema: exportSchema, Rows: t.Lines()},
		func(h *table.Header) bool {
			ok := true
			for _, k := range []string{colENTID, colProfile, colLastName, colFirstName} {
				if !h.Has(k) {
					j.Add(h.MissingColumn(table.Location{File: f.Name}, k))
					ok = false
				}
			}
			return ok
		},
		func(r *roster.Row) { exportRow(j, r) })
	j.FileDone(f.Info(rows))
	return err
}

func exportRow(j *roster.Job, r *roster.Row) {
	rec := roster.Record{Where: r.At}
	var i int
	rec.ExternalID = r.Required(colENTID)
	rec.LastName = r.Required(colLastName)
	rec.FirstName = r.Required(colFirstName)
	if v := r.Required(colProfile); v != "" {
		p, ok := model.ParseProfile(v)
		if !ok {
			r.Fail(r.H.Index(colProfile), v, model.RuleUnknownValue, profileValues)
		}
		rec.Profile = p
	}
	// The ENT id is unique across profiles in the ENT, so one scope for the whole file.
	r.UniqueID("ent-export", rec.ExternalID, r.H.Index(colENTID))
	rec.Login, _ = r.Get(colLogin)
	rec.Email = r.Email(colEmail)
	rec.BirthDate = r.Date(colBirthDate, model.DMY, dateLayout)
	for _, i = range r.H.Indexes(colClasses) {
		rec.Classes = roster.AppendUnique(rec.Classes, j.ClassByName(table.Value(r.Fields, i), ""))
	}
	for _, i = range r.H.Indexes(colGroups) {
		rec.Groups = roster.AppendUnique(rec.Groups, table.Clean(table.Value(r.Fields, i)))
	}
	if !r.Bad {
		j.Batch.Records = append(j.Batch.Records, rec)
	}
}
