package importers

import (
	"testing"

	"rollcall/importers/roster"
	"rollcall/importers/table"
)

// FuzzZip reads arbitrary bytes as an archive and plans its files: no panic, no entry past the
// limits, no unsafe name let through.
func FuzzZip(f *testing.F) {
	lim := limits{file: 1 << 20, archive: 4 << 20, total: 4 << 20, entries: 50}
	f.Fuzz(func(t *testing.T, raw []byte) {
		errs := table.NewErrors(0)
		ld := &loader{errs: errs, skipped: table.NewErrors(0), lim: lim}
		files := ld.readZip("set.zip", raw)
		total := 0
		for _, file := range files {
			if len(file.Raw) > int(lim.file) {
				t.Fatalf("%s: %d bytes", file.Name, len(file.Raw))
			}
			if unsafeEntry(file.Name[len("set.zip/"):]) {
				t.Fatalf("unsafe entry %q read", file.Name)
			}
			total += len(file.Raw)
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
