package importers

import (
	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// PreviewRows is how many data rows a Detection shows.
const PreviewRows = 5

// Detection says what one file or set is, for the preview screen.
type Detection struct {
	Path      string        // the file, or the folder or archive of a set
	Format    Format        // "" when no format fits; Problem says why
	Source    string        // the source its users belong to when the admin names none
	Set       bool          // a set (OneRoster, SDS) whose files name their organizations
	Encoding  Encoding      // of the previewed file ("" for workbooks)
	Delimiter rune          // of the previewed file (0 for workbooks)
	Headers   []string      // the previewed file's header row, as written
	Preview   [][]string    // its first PreviewRows data rows
	Profile   model.Profile // of a one-profile file, when its name or headers say it
	Files     []string      // a set's files; the previewed one is users.csv (or Student.csv)
	Sheet     string        // the previewed worksheet of a workbook
	Problem   *RowError     // why the input cannot be read: unknown format (see Tried), bad zip, …
}

// Detect says which format each input is, reading only headers and a few rows. A set (folder or
// zip) gives one Detection; a folder of one-profile files gives one per file, so the result may
// be longer than inputs. Inputs that cannot be opened return an error, like Parse.
func Detect(inputs []Input) ([]Detection, error) {
	errs := table.NewErrors(MaxArchiveEntries)
	ld := &loader{errs: errs, skipped: table.NewErrors(MaxArchiveEntries), lim: defaultLimits}
	defer ld.close()
	sources, err := ld.load(inputs)
	if err != nil {
		return nil, err
	}
	var out []Detection
	units := plan(sources, "", errs)
	for _, u := range units {
		out = append(out, detection(u))
	}
	if len(units) == 0 && errs.Len() == 0 { // nothing is a roster: say why of each file, as Parse does
		for _, sk := range ld.skipped.List {
			errs.Add(sk)
		}
		if errs.Len() == 0 {
			for _, in := range inputs {
				errs.Add(&table.RowError{File: in.Path, Rule: table.RuleNothingToImport, Expected: readableKinds})
			}
		}
	}
	for _, e := range errs.List {
		out = append(out, Detection{Path: e.File, Problem: e})
	}
	return out, nil
}

func detection(u unit) Detection {
	d := Detection{Format: u.spec.Format, Source: SourceOf(u.spec.Format), Set: u.spec.Set(), Profile: u.fit.Profile}
	f := u.files[0]
	d.Path = f.Name
	if u.spec.Set() {
		d.Path = roster.SetName(u.files)
		for _, g := range u.files {
			d.Files = append(d.Files, g.Name)
		}
		for _, n := range u.spec.Preview {
			if m := roster.FindFile(u.files, n); m != nil {
				f = m
				break
			}
		}
	}
	if u.spec.PreviewFile != nil {
		if part, head, rows, ok := u.spec.PreviewFile(f, PreviewRows); ok {
			d.Sheet, d.Headers, d.Preview = part, head, rows
			return d
		}
	}
	var t *table.Text
	if u.probe != nil && u.probe.File == f {
		t = u.probe.Text()
	}
	if t == nil {
		var err error
		if t, err = f.Text(); err != nil {
			return d
		}
	}
	d.Encoding, d.Delimiter = t.Encoding, t.Comma
	rows := t.Rows()
	defer rows.Close()
	head, ok := table.ReadHeader(rows)
	if !ok {
		return d
	}
	d.Headers = append([]string(nil), head.Fields...)
	for len(d.Preview) < PreviewRows {
		r, ok := rows.Next()
		if !ok {
			break
		}
		if !r.Blank() {
			d.Preview = append(d.Preview, append([]string(nil), r.Fields...))
		}
	}
	return d
}
