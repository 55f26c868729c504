package importers

import (
	"path/filepath"
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
)

// unit is one thing to parse: a set of files read together, or one file.
type unit struct {
	spec  roster.FormatSpec
	files []*roster.File
	probe *roster.Probe // one-file units: the file as detection read it
	fit   roster.Fit
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
	forced, isForced := spec(force)
	if isForced && forced.Set() {
		return []unit{{spec: forced, files: files, fit: roster.Fit{Format: force, OK: true}}}
	}
	if force == "" {
		if s, fit, ok := sniffSet(files); ok {
			return []unit{{spec: s, files: files, fit: fit}}
		}
	}
	var units []unit
	for _, f := range files {
		u, ok := planFile(f, force)
		if !ok {
			errs.Add(unknownFormat(u.probe, files))
			continue
		}
		units = append(units, u)
	}
	return units
}

// setFits lists the set formats' verdicts on a group of files.
func setFits(files []*roster.File) []roster.Fit {
	var fits []roster.Fit
	for _, s := range formats {
		if s.Set() {
			fits = append(fits, s.SniffSet(files))
		}
	}
	return fits
}

func sniffSet(files []*roster.File) (roster.FormatSpec, roster.Fit, bool) {
	for _, s := range formats {
		if s.Set() {
			if fit := s.SniffSet(files); fit.OK {
				return s, fit, true
			}
		}
	}
	return roster.FormatSpec{}, roster.Fit{}, false
}

// planFile detects the format of one file, trying the one-file formats in registry order. A
// forced format is taken whatever its verdict, as long as it reads files of this kind.
func planFile(f *roster.File, force Format) (unit, bool) {
	p := roster.NewProbe(f)
	u := unit{files: []*roster.File{f}, probe: p}
	if p.Binary() {
		u.fit = roster.Fit{Missing: []string{"text"}}
		return u, false
	}
	for _, s := range formats {
		if s.Set() || (force != "" && s.Format != force) {
			continue
		}
		fit := fileFit(s, p)
		switch {
		case force == "" && fit.OK:
			u.spec, u.fit = s, fit
			return u, true
		case force != "":
			u.spec, u.fit = s, fit
			return u, s.Accepts(p.Kind())
		}
	}
	return u, false
}

// fileFit is a one-file format's verdict on a file; a file of a kind it does not read (a
// workbook for a CSV format) lacks "CSV".
func fileFit(s roster.FormatSpec, p *roster.Probe) roster.Fit {
	if !s.Accepts(p.Kind()) {
		return roster.Fit{Format: s.Format, Missing: []string{"CSV"}}
	}
	return s.SniffFile(p)
}

// unknownFormat builds the error for a file no format fits, listing what each one missed.
func unknownFormat(p *roster.Probe, group []*roster.File) *table.RowError {
	e := &table.RowError{File: p.File.Name, Line: 1, Rule: table.RuleUnknownFormat}
	var tried []string
	add := func(fit roster.Fit) {
		e.Tried = append(e.Tried, table.Attempt{Format: string(fit.Format), Missing: fit.Missing})
		tried = append(tried, string(fit.Format))
	}
	for _, sf := range setFits(group) {
		add(sf)
	}
	if p.Binary() {
		e.Line = 0
		e.Expected = "text"
		return e
	}
	for _, s := range formats {
		if !s.Set() && s.Accepts(p.Kind()) {
			add(fileFit(s, p))
		}
	}
	e.Expected = strings.Join(tried, "|")
	return e
}
