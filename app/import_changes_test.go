package app

import (
	"context"
	"testing"
)

// TestImportListsChangesOnlyWhenAsked: the per-user list is built for the faces that show it
// (a dry run's diff, --json with changes, the console) and only then; the counts are the same.
func TestImportListsChangesOnlyWhenAsked(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	path := writeStudents(t, t.TempDir(), classRoster(12))
	for _, tc := range []struct {
		opts ImportOptions
		want int
	}{{ImportOptions{DryRun: true}, 0}, {ImportOptions{DryRun: true, Changes: true}, 12}, {ImportOptions{}, 0}} {
		rep, err := f.app.importFiles(ctx, admin, inputs(path), tc.opts, nil)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Counts.Created != 12 || len(rep.Changes) != tc.want {
			t.Errorf("%+v: %d created, %d changes listed; want 12 and %d", tc.opts, rep.Counts.Created, len(rep.Changes), tc.want)
		}
	}
}
