package importers

import (
	"context"

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
	sources, err := load(inputs, job.Errs, defaultLimits)
	if err != nil {
		return nil, err
	}
	units := plan(sources, opts.Format, job.Errs)
	format := checkMixed(units, job.Errs)
	for _, u := range units {
		if err := parseUnit(job, u, opts); err != nil {
			return nil, err
		}
	}
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
