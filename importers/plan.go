package importers

import (
	"path/filepath"
	"strings"

	"rollcall/importers/be1d"
	"rollcall/importers/ent"
	"rollcall/importers/oneroster"
	"rollcall/importers/roster"
	"rollcall/importers/sds"
	"rollcall/importers/sheet"
	"rollcall/importers/table"
)

// unit is one thing to parse: a set of files read together, or one file.
type unit struct {
	format Format
	files  []*roster.File
	text   *table.Text // the decoded file, for one-file CSV units
	fit    roster.Fit
}

// plan detects the format of every source and groups files into units. A folder or archive is
// first tried as a set (OneRoster, SDS); if it is none, each of its files stands alone, which is
// how a folder of ENT files (one per profile) is read. Loose files from the same folder are
// tried as a set too, so users.csv, orgs.csv, … picked one by one still make a set.
func plan(sources []source, force Format, errs *table.Errors) []unit {
	var units []unit
	loose := map[string][]*roster.File{}
	var dirs []string
	for _, s := range sources {
		if s.set {
			units = append(units, planGroup(s.files, force, errs)...)
			continue
		}
		d := filepath.Dir(s.files[0].Name)
		if _, ok := loose[d]; !ok {
			dirs = append(dirs, d)
		}
		loose[d] = append(loose[d], s.files...)
	}
	for _, d := range dirs {
		units = append(units, planGroup(loose[d], force, errs)...)
	}
	return units
}

// planGroup turns files that came together into units.
func planGroup(files []*roster.File, force Format, errs *table.Errors) []unit {
	if len(files) == 0 {
		return nil
	}
	if force.Set() {
		return []unit{{format: force, files: files, fit: roster.Fit{Format: force, OK: true}}}
	}
	if force == "" {
		if fit, ok := sniffSet(files); ok {
			return []unit{{format: fit.Format, files: files, fit: fit}}
		}
	}
	var units []unit
	for _, f := range files {
		u, ok := planFile(f, force)
		if !ok {
			errs.Add(unknownFormat(f.Name, u.fit, files))
			continue
		}
		units = append(units, u)
	}
	return units
}

// setFits lists the set formats' verdicts on a group of files.
func setFits(files []*roster.File) []roster.Fit {
	return []roster.Fit{oneroster.SniffSet(files), sds.SniffV2(files), sds.SniffV1(files)}
}

func sniffSet(files []*roster.File) (roster.Fit, bool) {
	for _, fit := range setFits(files) {
		if fit.OK {
			return fit, true
		}
	}
	return roster.Fit{}, false
}

// planFile detects the format of one file. The order matters: the ENT export and BE1D have
// distinctive headers, spreadsheet templates have "Code classe" or a password column, and the
// ENT import files need only names, so they are tried last.
func planFile(f *roster.File, force Format) (unit, bool) {
	if sheet.IsWorkbook(f.Name, f.Raw) {
		fit := sheet.SniffWorkbook(f)
		if force != "" && force != roster.Sheet {
			fit = roster.Fit{Format: force, Missing: []string{"CSV"}}
			return unit{format: force, files: []*roster.File{f}, fit: fit}, false
		}
		return unit{format: roster.Sheet, files: []*roster.File{f}, fit: fit}, fit.OK || force == roster.Sheet
	}
	t := table.NewText(f.Name, f.Raw)
	u := unit{files: []*roster.File{f}, text: t}
	if table.Binary(t.Text) {
		u.fit = roster.Fit{Missing: []string{"text"}}
		return u, false
	}
	fits := fileFits(f.Name, t)
	for _, fit := range fits {
		if (force == "" && fit.OK) || (force != "" && fit.Format == force) {
			u.format, u.fit = fit.Format, fit
			return u, true
		}
	}
	return u, false
}

// fileFits lists the one-file formats' verdicts on a text file, in detection order.
func fileFits(name string, t *table.Text) []roster.Fit {
	head, _ := table.ReadHeader(t.Rows())
	cells := head.Fields
	return []roster.Fit{
		ent.SniffExport(cells),
		be1d.Sniff(cells),
		sheet.SniffCSV(name, cells),
		ent.Sniff(name, cells),
	}
}

// unknownFormat builds the error for a file no format fits, listing what each one missed.
func unknownFormat(name string, fit roster.Fit, group []*roster.File) *table.RowError {
	e := &table.RowError{File: name, Line: 1, Rule: table.RuleUnknownFormat}
	var tried []string
	add := func(fit roster.Fit) {
		e.Tried = append(e.Tried, table.Attempt{Format: string(fit.Format), Missing: fit.Missing})
		tried = append(tried, string(fit.Format))
	}
	for _, sf := range setFits(group) {
		add(sf)
	}
	f := &roster.File{Name: name}
	for _, g := range group {
		if g.Name == name {
			f = g
		}
	}
	if sheet.IsWorkbook(f.Name, f.Raw) {
		add(sheet.SniffWorkbook(f))
	} else if t := table.NewText(f.Name, f.Raw); !table.Binary(t.Text) {
		for _, ff := range fileFits(name, t) {
			add(ff)
		}
	} else {
		e.Line = 0
		e.Expected = "text"
	}
	if e.Expected == "" {
		e.Expected = strings.Join(tried, "|")
	}
	return e
}
