package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rollcall/model"
)

// writeENT writes an English ENT students file of n rows; every changeEvery-th row gets a
// new class (0: none).
func writeENT(b *testing.B, dir string, n, changeEvery int) string {
	var sb strings.Builder
	sb.Grow(n * 60)
	sb.WriteString("externalID;First name*;Last name*;Birthdate*;Email;Class\n")
	for i := range n {
		class := fmt.Sprintf("C%03d", i%400)
		if changeEvery > 0 && i%changeEvery == 0 {
			class = fmt.Sprintf("C%03d", (i+1)%400)
		}
		fmt.Fprintf(&sb, "S%06d;%s;%s;%02d/%02d/20%02d;;%s\n", i, demoFirstNames[i%len(demoFirstNames)],
			demoLastNames[(i/7)%len(demoLastNames)], i%28+1, i%12+1, 10+i%8, class)
	}
	path := filepath.Join(dir, fmt.Sprintf("CSV_Students_%d.csv", changeEvery))
	if err := os.WriteFile(path, []byte(sb.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	return path
}

func benchApp(b *testing.B, backend string) (*App, model.Admin) {
	st := benchOpener(b, backend)()
	ctx := context.Background()
	org := model.Organization{Name: "Lycée"}
	if err := st.CreateOrg(ctx, &org); err != nil {
		b.Fatal(err)
	}
	admin := model.Admin{Email: "a@example.fr", OrgIDs: []model.ID{org.ID}}
	if err := st.CreateAdmin(ctx, &admin); err != nil {
		b.Fatal(err)
	}
	return New(st, Options{}), admin
}

// BenchmarkImport100k imports 100,000 students (ENT CSV, no passwords) into an empty store,
// on each backend.
func BenchmarkImport100k(b *testing.B) {
	path := writeENT(b, b.TempDir(), 100_000, 0)
	for _, backend := range benchBackends {
		b.Run(backend, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				a, admin := benchApp(b, backend)
				b.StartTimer()
				rep, err := a.importFiles(context.Background(), admin, inputs(path), ImportOptions{}, nil)
				if err != nil || rep.Counts.Created != 100_000 {
					b.Fatalf("%+v %v", rep.Counts, err)
				}
			}
		})
	}
}

// BenchmarkReimport100k1pct re-imports the same 100,000 students with 1% of them changed.
func BenchmarkReimport100k1pct(b *testing.B) {
	dir := b.TempDir()
	first, changed := writeENT(b, dir, 100_000, 0), writeENT(b, dir, 100_000, 100)
	for _, backend := range benchBackends {
		b.Run(backend, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				a, admin := benchApp(b, backend)
				if _, err := a.importFiles(context.Background(), admin, inputs(first), ImportOptions{}, nil); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				rep, err := a.importFiles(context.Background(), admin, inputs(changed), ImportOptions{}, nil)
				if err != nil || rep.Counts.Updated != 1000 || rep.Counts.Unchanged != 99_000 {
					b.Fatalf("%+v %v", rep.Counts, err)
				}
			}
		})
	}
}
