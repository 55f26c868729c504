package imports

import (
	"os"
	"path/filepath"
	"testing"

	"rollcall/model"
)

// TestReportShowsWarnings: a set whose enrollments and org name what the files lack imports, and
// the diff lists the first warnings above the changes, with how many more there are.
func TestReportShowsWarnings(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "set")
	src := filepath.Join("..", "..", "importers", "testdata", "oneroster", "v1.1-vendor")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(dir, 0o755)
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, e.Name()), raw, 0o600)
	}
	f := newFixture(t, model.English, 1, filepath.Dir(dir))
	f.dryRun(dir)
	f.d.WaitView("3 created", "warning: ", "district-404", "… and 3 more warnings")
}
