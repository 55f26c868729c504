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

// TestImportMemoryBudget holds the built binary to the import memory budget (200 MB plus 1.5 KB
// a user, app.ImportMemoryBudget) on the two biggest kinds of input: 100,000 users in one ENT
// file, and an académie feed of 100,000 persons (150 MB of XML in numbered files). What is
// measured is the child process's peak resident set as the kernel reports it, never a time.
// Before the budget was kept they peaked at 449 MB and 557 MB, over their 350 MB.
func TestImportMemoryBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 200,000 people")
	}
	const n = 100_000
	ent := filepath.Join(t.TempDir(), "CSV_Students.csv")
	writeStudents(t, ent, n)
	feed := t.TempDir()
	counts, err := aaftest.Write(feed, aaftest.Feed{Persons: n})
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		input string
		users int
	}{"ENT file": {ent, n}, "AAF feed": {feed, counts.Pupils + counts.Guardians + counts.Staff}} {
		c := newCLI(t)
		c.signUpAndLogin("admin@example.fr", "motdepasse1")
		c.must("", "orgs", "create", "--name", "Lycée Budget", "--city", "Paris", "--country", "FR")
		cmd := exec.Command(binPath, "--db", c.db, "--lang", "en", "import", tc.input)
		cmd.Env = append([]string{"ROLLCALL_USER=" + c.user, "HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, c.env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		if want := fmt.Sprintf("%d,%03d created", tc.users/1000, tc.users%1000); !strings.Contains(string(out), want) {
			t.Errorf("%s: no %q in\n%s", name, want, out)
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		peak, budget := ru.Maxrss*1024, app.ImportMemoryBudget(tc.users) // Maxrss is in kilobytes on Linux
		if peak > budget {
			t.Errorf("%s: %d users peaked at %d MB, over the budget of %d MB", name, tc.users, peak/1e6, budget/1e6)
		}
		t.Logf("%s: %d users, peak RSS %d MB (budget %d MB)", name, tc.users, peak/1e6, budget/1e6)
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
