package app

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"rollcall/importers"
)

// TestImportWarnsAboutReferencesOutsideTheFiles: a OneRoster set whose org names a district the
// files lack and whose enrollments name an undefined class imports, with those references in
// the report's warnings; with Strict it is refused and nothing is written.
func TestImportWarnsAboutReferencesOutsideTheFiles(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	set := filepath.Join("..", "importers", "testdata", "oneroster", "v1.1-vendor")
	_, err := f.app.importFiles(ctx, admin, inputs(set), ImportOptions{Strict: true}, nil)
	var es *importers.Errors
	if !errors.As(err, &es) || es.Len() != 7 {
		t.Fatalf("strict import: %v, want the 7 unresolved references as errors", err)
	}
	if n, _ := f.store.CountUsers(ctx); n != 0 {
		t.Fatalf("a refused import wrote %d users", n)
	}
	rep, err := f.app.importFiles(ctx, admin, inputs(set), ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Counts.Created != 3 || rep.Warnings == nil || rep.Warnings.Len() != 6 {
		t.Fatalf("created %d, warnings %+v", rep.Counts.Created, rep.Warnings)
	}
	if w := rep.Warnings.List[0]; w.Value != "district-404" || w.Rule != importers.RuleUnknownOrg || w.Line != 2 {
		t.Errorf("first warning %+v", w)
	}
}
