package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"rollcall/importers"
	"rollcall/model"
)

// A run the files stop is in the history as failed, with its errors, which can be read again;
// it is not undone by undo, and a dry run is never kept.
func TestFailedRunsAreKeptWithTheirErrors(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	bad := filepath.Join(t.TempDir(), "CSV_Eleves.csv")
	os.WriteFile(bad, []byte("Prénom*;Nom*;Date de naissance*;Classes*\r\nLéa;COLIN;31/02/2014;CP\r\n"), 0o600)
	if _, err := f.app.importFiles(ctx, admin, inputs(bad), ImportOptions{DryRun: true}, nil); err == nil {
		t.Fatal("the dry run of a bad file passed")
	}
	if runs, _ := f.app.importHistory(ctx, admin); len(runs) != 0 {
		t.Fatalf("a dry run was kept: %+v", runs)
	}
	_, err := f.app.importFiles(ctx, admin, inputs(bad), ImportOptions{}, nil)
	if err == nil {
		t.Fatal("a bad file imported")
	}
	runs, _ := f.app.importHistory(ctx, admin)
	if len(runs) != 1 || !runs[0].Failed || len(runs[0].Problems) != 1 || runs[0].Files[0].SHA256 == "" {
		t.Fatalf("history = %+v", runs)
	}
	run, err := f.app.importRun(ctx, admin, runs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var errs *importers.Errors
	if !errors.As(RunFailure(run), &errs) || len(errs.List) != 1 || errs.List[0].Line != 2 || errs.List[0].Column != "Date de naissance*" {
		t.Fatalf("the kept errors = %v", RunFailure(run))
	}
	if _, err := f.app.undoLastImport(ctx, admin, true); !errors.Is(err, model.ErrNothingToUndo) {
		t.Fatalf("undo of a failed run: %v", err)
	}
	// The deletion guard's stop is kept too, and the run of another admin is not shown.
	other := f.verifiedAdmin(t, "other@example.fr", "password1")
	if _, err := f.app.importRun(ctx, other, runs[0].ID); err == nil {
		t.Fatal("another admin reads the run")
	}
}
