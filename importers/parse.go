package importers

import (
	"context"
	"errors"

	"rollcall/importers/roster"
	"rollcall/importers/table"
)

// Parse reads all inputs as one import. It returns (nil, *Errors) when any file or row is
// invalid, listing every problem up to opts.MaxErrors; (nil, ctx.Err()) when ctx is cancelled;
// and an *fs.PathError (wrapped) when an input cannot be read at all. progress, which may be nil,
// is called from the calling goroutine every few thousand rows and at the end of each file.
func Parse(ctx context.Context, inputs []Input, opts Options, progress func(Progress)) (*Batch, error) {
	var report func(string, int)
	if progress != nil {
		report = func(file string, rows int) { progress(Progress{File: file, Rows: rows}) }
	}
	job := roster.NewJob(ctx, opts.MaxErrors, report)
	job.Strict = opts.Strict
	ld := &loader{errs: job.Errs, skipped: job.Batch.Skipped, lim: defaultLimits}
	defer ld.close()
	sources, err := ld.load(inputs)
	if err != nil {
		return nil, err
	}
	units := plan(sources, opts.Format, job.Errs)
	format := checkMixed(units, job.Errs)
	for _, u := range units {
		err := parseUnit(job, u, opts)
		if errors.Is(err, roster.ErrTooManyRows) {
			return nil, job.Errs.Err() // the job holds the error, located
		}
		if err != nil {
			return nil, err
		}
	}
	unread(units, job.Batch)
	nothingToImport(inputs, units, job)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := job.Errs.Err(); err != nil {
		return nil, err
	}
	job.Batch.Format = format
	return job.Batch, nil
}

// checkMixed refuses an import whose files are of different families: their ids, classes and
// profiles mean different things, so one sync cannot apply them together. It returns the format
// of the import, the first unit's.
func checkMixed(units []unit, errs *table.Errors) Format {
	if len(units) == 0 {
		return ""
	}
	first := units[0].spec.Format
	for _, u := range units[1:] {
		if u.spec.Format != first {
			errs.Add(&table.RowError{File: u.files[0].Name, Rule: table.RuleMixedFormats, Value: string(u.spec.Format), Expected: string(first)})
		}
	}
	return first
}

func parseUnit(job *roster.Job, u unit, opts Options) error {
	return u.spec.Parse(job, roster.Unit{Files: u.files, Probe: u.probe, Profile: opts.Profile})
}

// unread lists the files of a set that its format did not read (a OneRoster set's lineItems.csv,
// SDS's userFlags.csv): the admin sees what was left out.
func unread(units []unit, b *Batch) {
	read := make(map[string]bool, len(b.Files))
	for _, f := range b.Files {
		read[f.Name] = true
	}
	for _, u := range units {
		if !u.spec.Set() {
			continue
		}
		for _, f := range u.files {
			if !read[f.Name] {
				b.Skipped.Add(&table.RowError{File: f.Name, Rule: table.RuleNotInSet, Expected: string(u.spec.Format)})
			}
		}
	}
}

// nothingToImport refuses an import in which no file is a roster (an empty folder, a zip of
// PDFs): each skipped file becomes an error saying why, so the import never reports "0 created"
// for files it did not understand.
func nothingToImport(inputs []Input, units []unit, job *roster.Job) {
	if len(units) > 0 || job.Errs.Len() > 0 {
		return
	}
	for _, s := range job.Batch.Skipped.List {
		job.Add(s)
	}
	if job.Errs.Len() == 0 {
		for _, in := range inputs {
			job.Add(&table.RowError{File: in.Path, Rule: table.RuleNothingToImport, Expected: readableKinds})
		}
	}
}
