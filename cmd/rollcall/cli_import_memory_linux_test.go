package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"rollcall/app"
	"rollcall/importers/aaf/aaftest"
)

// bigBombsEnv, set, makes the bombs of TestImportMemoryBudget the size (255 MB a CSV)
// instead of CI's (64 MB): the same code path, four times the reading.
const bigBombsEnv = "ROLLCALL_TEST_BIG_BOMBS"

// TestImportMemoryBudget holds the built binary to the import memory budget (200 MB plus 1.5 KB
// a user, app.ImportMemoryBudget) on the biggest kinds of input: 100,000 users in one ENT file,
// an académie feed of 100,000 persons (150 MB of XML in numbered files), and bombs of few users:
// a CSV file, a OneRoster zip of two CSVs and a workbook, each hundreds of megabytes once read.
// What is measured is the child process's peak resident set as the kernel reports it, never a
// time. Before the budget was kept the first two peaked at 449 MB and 557 MB, over their 350 MB;
// before files were streamed the CSV bomb of 255 MB took 610 MB for 10 pupils, the zip of two
// 262 MB CSVs 542 MB.
func TestImportMemoryBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 200,000 people and reads bombs")
	}
	const n = 100_000
	bomb := int64(64 << 20)
	if os.Getenv(bigBombsEnv) != "" {
		bomb = 255 << 20
	}
	dir := t.TempDir()
	ent := filepath.Join(dir, "CSV_Students.csv")
	writeStudents(t, ent, n)
	feed := t.TempDir()
	counts, err := aaftest.Write(feed, aaftest.Feed{Persons: n})
	if err != nil {
		t.Fatal(err)
	}
	csvBomb, zipBomb, xlsxBomb := writeCSVBomb(t, dir, bomb), writeZipBomb(t, dir, bomb), writeSharedStringsBomb(t, dir, 250<<20)
	for _, tc := range []struct {
		name  string
		args  []string
		users int
		want  string // in the output; an error exits 3
	}{
		{"ENT file", []string{ent}, n, "100,000 created"},
		{"AAF feed", []string{feed}, counts.Pupils + counts.Guardians + counts.Staff, ""},
		{"CSV bomb", []string{csvBomb}, 10, "10 created"},
		{"zip bomb", []string{zipBomb}, 10, "10 created"},
		{"XLSX shared strings bomb", []string{xlsxBomb, "--classes", "create"}, 0, "too large"},
	} {
		c := newCLI(t)
		c.signUpAndLogin("admin@example.fr", "motdepasse1")
		c.must("", "orgs", "create", "--name", "Lycée Budget", "--city", "Paris", "--country", "FR")
		cmd := exec.Command(binPath, append([]string{"--db", c.db, "--lang", "en", "import"}, tc.args...)...)
		cmd.Env = append([]string{"ROLLCALL_USER=" + c.user, "HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, c.env...)
		out, err := cmd.CombinedOutput()
		if code := cmd.ProcessState.ExitCode(); code != 0 && (tc.users > 0 || code != 3) {
			t.Fatalf("%s: %v\n%s", tc.name, err, out)
		}
		want := tc.want
		if want == "" {
			want = fmt.Sprintf("%d,%03d created", tc.users/1000, tc.users%1000)
		}
		if !strings.Contains(string(out), want) {
			t.Errorf("%s: no %q in\n%s", tc.name, want, out)
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		peak, budget := ru.Maxrss*1024, app.ImportMemoryBudget(tc.users) // Maxrss is in kilobytes on Linux
		if peak > budget {
			t.Errorf("%s: %d users peaked at %d MB, over the budget of %d MB", tc.name, tc.users, peak/1e6, budget/1e6)
		}
		t.Logf("%s: %d users, peak RSS %d MB (budget %d MB)", tc.name, tc.users, peak/1e6, budget/1e6)
	}
}

// writeStudents writes an English ENT students file of n rows.
func writeStudents(t *testing.T, path string, n int) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	first := []string{"Léa", "Hugo", "Chloé", "Louis", "Emma", "Jules", "Inès", "Gabriel"}
	last := []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Lefèbvre", "Petit", "Durand", "Moreau"}
	w.WriteString("externalID;First name*;Last name*;Birthdate*;Email;Class\r\n")
	for i := range n {
		fmt.Fprintf(w, "S%07d;%s;%s;%02d/%02d/20%02d;;C%03d\r\n", i, first[i%len(first)], last[(i/7)%len(last)], i%28+1, i%12+1, 10+i%8, i%400)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}
