package ent

import (
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// SniffExport says whether a header row is the ENT's specific CSV export: it needs the ENT id
// and the profile, which the import templates never have. An export keyed by login instead of
// the ENT id (rollcall users export --format ent-export) fits when every column is one of the
// export's, so that another file with a Profil and an Identifiant is not taken for one.
func SniffExport(cells []string) roster.Fit {
	h := exportSchema.Match(cells, 1)
	fit := roster.Fit{Format: ExportFormat, Matched: h.Matched()}
	key := colENTID
	if !h.Has(colENTID) && h.Has(colLogin) && allKnown(h) {
		key = colLogin
	}
	fit.Missing = h.Missing(key, colProfile, colLastName, colFirstName)
	fit.OK = len(fit.Missing) == 0
	return fit
}

// allKnown says whether every named cell of the header is a column of the export.
func allKnown(h *table.Header) bool {
	named, known := 0, 0
	for _, c := range h.Cells {
		if table.HeaderKey(c) != "" {
			named++
		}
	}
	for _, col := range exportSchema {
		known += len(h.Indexes(col.Key))
	}
	return known == named
}

// byLogin says whether an export's users are keyed by their login (no ENT id column): such a
// file is Rollcall's own export, whose logins are the ones Rollcall gave.
func byLogin(h *table.Header) bool { return !h.Has(colENTID) && h.Has(colLogin) }

// exportColumnKeys are the columns of an export the import planner's errors name, as written.
var exportColumnKeys = roster.ColumnKeys{ID: []string{colENTID}, Login: []string{colLogin}, Email: []string{colEmail},
	Classes: []string{colClasses}, Groups: []string{colGroups}, Name: []string{colLastName, colFirstName, colBirthDate}}

// ParseExport reads one ENT export file, which holds every profile, one per row.
func ParseExport(j *roster.Job, f *roster.File, t *table.Text) error {
	rows, err := j.Read(roster.Table{Name: f.Name, Src: t.Rows(), Schema: exportSchema, Rows: t.Lines()},
		func(h *table.Header) bool {
			ok, key := true, colENTID
			if byLogin(h) {
				key = colLogin
				j.Batch.FromRollcall = true
			}
			for _, k := range []string{key, colProfile, colLastName, colFirstName} {
				if !h.Has(k) {
					j.Add(h.MissingColumn(table.Location{File: f.Name}, k))
					ok = false
				}
			}
			j.SetColumns(table.Location{File: f.Name}, exportColumnKeys.Of(h))
			return ok
		},
		func(r *roster.Row) { exportRow(j, r) })
	j.FileDone(f.Info(rows))
	return err
}

func exportRow(j *roster.Job, r *roster.Row) {
	rec := roster.Record{Where: r.At}
	var i int
	if byLogin(r.H) {
		rec.Login = r.Required(colLogin)
		r.UniqueID("ent-export-login", strings.ToLower(rec.Login), r.H.Index(colLogin))
	} else {
		rec.ExternalID = r.Required(colENTID)
		// The ENT id is unique across profiles in the ENT, so one scope for the whole file.
		r.UniqueID("ent-export", rec.ExternalID, r.H.Index(colENTID))
		rec.Login, _ = r.Get(colLogin)
	}
	rec.LastName = r.Required(colLastName)
	rec.FirstName = r.Required(colFirstName)
	if v := r.Required(colProfile); v != "" {
		p, ok := model.ParseProfile(v)
		if !ok {
			r.Fail(r.H.Index(colProfile), v, model.RuleUnknownValue, profileValues)
		}
		rec.Profile = p
	}
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
