package importers

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rollcall/importers/be1d"
	"rollcall/importers/ent"
	"rollcall/importers/google"
	"rollcall/importers/oneroster"
	"rollcall/importers/sds"
	"rollcall/importers/sheet"
	"rollcall/model"
)

// The registered formats' names, for the tests' tables.
const (
	FormatENT       = ent.Format
	FormatENTExport = ent.ExportFormat
	FormatBE1D      = be1d.Format
	FormatSheet     = sheet.Format
	FormatOneRoster = oneroster.Format
	FormatSDSv1     = sds.V1Format
	FormatSDSv2     = sds.V2Format
	FormatGoogle    = google.Format
)

// repoRoot walks up from the test's folder to the one holding go.mod.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test folder")
		}
		dir = parent
	}
}

// sample returns the path of a shared sample, skipping the test where shared/ is absent.
func sample(t testing.TB, rel string) string {
	t.Helper()
	shared := filepath.Join(repoRoot(t), "..", "shared", "samples")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared samples not found at %s (../shared is absent beside the repo): %v", shared, err)
	}
	return filepath.Join(shared, rel)
}

// fixture returns the path of one of our own test files.
func fixture(rel string) string { return filepath.Join("testdata", rel) }

func inputs(paths ...string) []Input {
	in := make([]Input, len(paths))
	for i, p := range paths {
		in[i] = Input{Path: p}
	}
	return in
}

// mustParse parses and fails the test on any error, listing the row errors.
func mustParse(t *testing.T, opts Options, paths ...string) *Batch {
	t.Helper()
	b, err := Parse(context.Background(), inputs(paths...), opts, nil)
	if err != nil {
		var es *Errors
		if errors.As(err, &es) {
			for _, e := range es.List {
				t.Errorf("row error: %v", e)
			}
		}
		t.Fatalf("Parse(%v) = %v", paths, err)
	}
	return b
}

// mustFail parses and returns the row errors, failing the test when there are none.
func mustFail(t *testing.T, opts Options, paths ...string) *Errors {
	t.Helper()
	b, err := Parse(context.Background(), inputs(paths...), opts, nil)
	var es *Errors
	if !errors.As(err, &es) {
		t.Fatalf("Parse(%v) = %v, %v; want *Errors", paths, b, err)
	}
	if b != nil {
		t.Errorf("Parse returned a batch with its errors")
	}
	if !errors.Is(err, model.ErrInvalid) {
		t.Errorf("errors.Is(%v, model.ErrInvalid) = false", err)
	}
	return es
}

// profiles counts records per profile.
func profiles(b *Batch) map[model.Profile]int {
	m := map[model.Profile]int{}
	for _, r := range b.Records {
		m[r.Profile]++
	}
	return m
}

// person finds a record by first and last name.
func person(t *testing.T, b *Batch, first, last string) Record {
	t.Helper()
	for _, r := range b.Records {
		if r.FirstName == first && r.LastName == last {
			return r
		}
	}
	t.Fatalf("no record for %s %s", first, last)
	return Record{}
}

// byID finds a record by external id.
func byID(t *testing.T, b *Batch, id string) Record {
	t.Helper()
	for _, r := range b.Records {
		if r.ExternalID == id {
			return r
		}
	}
	t.Fatalf("no record with id %s", id)
	return Record{}
}

func class(t *testing.T, b *Batch, code string) ClassDef {
	t.Helper()
	for _, c := range b.Classes {
		if c.Code == code {
			return c
		}
	}
	t.Fatalf("no class %q among %+v", code, b.Classes)
	return ClassDef{}
}

func date(y, m, d int) model.Date {
	v, _ := model.NewDate(y, m, d)
	return v
}

// baseNames keeps the last path element of each file, so assertions do not depend on where
// the repository sits.
func baseNames(files []FileInfo) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = filepath.Base(strings.ReplaceAll(f.Name, `\`, "/"))
	}
	return out
}
