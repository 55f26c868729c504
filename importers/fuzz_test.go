package importers

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"

	"rollcall/importers/roster"
	"rollcall/importers/table"
)

// FuzzZip reads arbitrary bytes as an archive and plans its files: no panic, no entry past the
// limits, no unsafe name let through.
//
// Seeds are a few hundred bytes built here, and the limits small, so that one execution costs
// microseconds and .ci/fuzz's budget of executions explores instead of inflating megabytes.
func FuzzZip(f *testing.F) {
	f.Add(tinyZip(f, map[string]string{"set/manifest.csv": "propertyName,value\nfile.users,bulk\n",
		"set/users.csv": "sourcedId,givenName,familyName,role\nu1,A,B,student\n", "set/README.md": "x"}))
	f.Add(tinyZip(f, map[string]string{"../evil.csv": "a\n", "__MACOSX/._x.csv": "junk"}))
	lim := limits{file: 64 << 10, archive: 256 << 10, total: 256 << 10, entries: 50}
	f.Fuzz(func(t *testing.T, raw []byte) {
		errs := table.NewErrors(0)
		ld := &loader{errs: errs, skipped: table.NewErrors(0), lim: lim}
		files := ld.readZipBytes("set.zip", raw)
		total := 0
		for _, file := range files {
			rc, err := file.Open()
			if err != nil {
				t.Fatal(err)
			}
			n, _ := io.Copy(io.Discard, rc)
			rc.Close()
			if n > lim.file {
				t.Fatalf("%s: %d bytes", file.Name, n)
			}
			if unsafeEntry(file.Name[len("set.zip/"):]) {
				t.Fatalf("unsafe entry %q read", file.Name)
			}
			total += int(n)
		}
		if total > int(lim.archive) {
			t.Fatalf("%d bytes inflated", total)
		}
		_ = plan([]source{{input: "set.zip", files: files, set: true}}, "", errs)
	})
}

// FuzzDetectFile runs format detection on one arbitrary file.
func FuzzDetectFile(f *testing.F) {
	f.Add([]byte("Prénom*;Nom*\nLéa;COLIN\n"), "CSV_Eleves.csv")
	f.Fuzz(func(t *testing.T, raw []byte, name string) {
		errs := table.NewErrors(0)
		units := plan([]source{{input: name, files: []*roster.File{{Name: name, Raw: raw}}}}, "", errs)
		for _, u := range units {
			_ = detection(u)
		}
	})
}

// readZipBytes reads an archive held in memory, as readZip reads one on disk.
func (ld *loader) readZipBytes(name string, raw []byte) []*roster.File {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		ld.errs.Add(&table.RowError{File: name, Rule: table.RuleBadZip, Expected: "zip"})
		return nil
	}
	return ld.readZip(name, zr)
}

// tinyZip builds a small archive in memory.
func tinyZip(tb testing.TB, entries map[string]string) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, body := range entries {
		e, err := w.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		e.Write([]byte(body))
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
