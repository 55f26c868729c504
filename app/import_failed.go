package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"

	"rollcall/importers"
	"rollcall/model"
	"rollcall/storage"
)

// attempt is what a run knew when it stopped: what it read and where it was going.
type attempt struct {
	batch  *importers.Batch
	target model.ID
}

// recordFailure keeps a run that the files or the deletion guard stopped in the history, with
// its errors; other failures (a cancel, the store) are not the files' and are not kept.
func (a *App) recordFailure(ctx context.Context, admin model.Admin, inputs []importers.Input, opts ImportOptions, at *attempt, cause error) error {
	run := model.ImportRun{ID: model.TempID(1), At: a.now(), AdminID: admin.ID, Failed: true}
	var rows *importers.Errors
	var tooMany *model.TooManyDeletionsError
	switch {
	case errors.As(cause, &rows):
		run.Problems, run.Failure.Omitted = keptProblems(rows)
	case errors.As(cause, &tooMany):
		run.Failure.TooManyDeletions, run.Failure.Would, run.Failure.Of = true, tooMany.Would, tooMany.Of
	case errors.Is(cause, model.ErrNoOrganization):
		run.Failure.NoOrganization = true
	default:
		return nil
	}
	if b := at.batch; b != nil {
		run.Format = string(b.Format)
		run.Source = importSource(opts.Source, b.Format)
		for _, f := range b.Files {
			run.Files = append(run.Files, model.ImportFile{Name: f.Name, SHA256: f.SHA256, Rows: f.Rows})
		}
	} else {
		run.Source = importSource(opts.Source, opts.Format)
		for _, in := range inputs {
			run.Files = append(run.Files, model.ImportFile{Name: in.Path, SHA256: fileSHA256(in.Path)})
		}
	}
	switch {
	case at.target != 0:
		run.OrgIDs = []model.ID{at.target}
	case opts.OrgID != 0 && adminOf(admin, opts.OrgID):
		run.OrgIDs = []model.ID{opts.OrgID}
	case opts.OrgID == 0 && len(admin.OrgIDs) == 1:
		run.OrgIDs = []model.ID{admin.OrgIDs[0]}
	}
	_, err := a.store.Apply(context.WithoutCancel(ctx), storage.Batch{Import: &run})
	return err
}

// fileSHA256 is the hex SHA-256 of a regular file's bytes, read as a stream; "" for a folder,
// a file that cannot be read, or anything but a regular file.
func fileSHA256(path string) string {
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		return "" // never open a pipe or a device: opening a pipe waits for a writer
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ImportRun returns a past run the admin may see; RunFailure gives what stopped a failed one.
func (s *Session) ImportRun(ctx context.Context, id model.ID) (_ model.ImportRun, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.importRun(ctx, admin, id)
}

func (a *App) importRun(ctx context.Context, admin model.Admin, id model.ID) (model.ImportRun, error) {
	runs, err := a.store.ListImports(ctx)
	if err != nil {
		return model.ImportRun{}, err
	}
	for _, r := range runs {
		if r.ID == id && r.Kind == model.RunImport && a.runVisible(admin, r) {
			return r, nil
		}
	}
	return model.ImportRun{}, notFound(model.ThingImport, id)
}

// RunFailure rebuilds the error that stopped a failed run, for either face to put in words: its
// located errors (importers.Errors), or the deletion guard's or the missing school's error; nil
// for a completed run.
func RunFailure(r model.ImportRun) error {
	switch {
	case !r.Failed:
		return nil
	case r.Failure.TooManyDeletions:
		return &model.TooManyDeletionsError{Would: r.Failure.Would, Of: r.Failure.Of}
	case r.Failure.NoOrganization:
		return model.ErrNoOrganization
	}
	return rowErrors(r.Problems, r.Failure.Omitted)
}

// RunWarnings are the warnings a completed run's files gave, as its report listed them; nil
// when there were none.
func RunWarnings(r model.ImportRun) *importers.Errors {
	if len(r.Warnings) == 0 && r.WarningsOmitted == 0 {
		return nil
	}
	return rowErrors(r.Warnings, r.WarningsOmitted)
}

// keptProblems is how located errors or warnings are kept in the history.
func keptProblems(es *importers.Errors) ([]model.ImportProblem, int) {
	if es == nil {
		return nil, 0
	}
	out := make([]model.ImportProblem, 0, len(es.List))
	for _, e := range es.List {
		out = append(out, model.ImportProblem{File: e.File, Sheet: e.Sheet, Line: e.Line,
			Column: e.Column, Letter: e.Letter, Value: e.Value, Rule: e.Rule, Expected: e.Expected})
	}
	return out, es.Omitted
}

// rowErrors turns kept problems back into located errors, for either face to put in words.
func rowErrors(list []model.ImportProblem, omitted int) *importers.Errors {
	errs := importers.Errors{Omitted: omitted}
	for _, p := range list {
		errs.List = append(errs.List, &importers.RowError{File: p.File, Sheet: p.Sheet, Line: p.Line, Column: p.Column,
			Letter: p.Letter, Value: p.Value, Rule: p.Rule, Expected: p.Expected})
	}
	return &errs
}
