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
	"time"
)

// TestKilledImportLeavesNothingHalfWritten kills the process (SIGKILL, no chance to clean up)
// while it writes a 100,000-user import, then checks that the store opens and holds either the
// whole import, with its history entry, or nothing of it.
func TestKilledImportLeavesNothingHalfWritten(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 100,000 users")
	}
	t.Parallel()
	c := newCLI(t)
	c.signUpAndLogin("admin@example.fr", "motdepasse1")
	c.must("", "orgs", "create", "--name", "Lycée")
	var b strings.Builder
	b.WriteString("externalID;First name*;Last name*;Birthdate*;Email;Class\n")
	for i := range 100_000 {
		fmt.Fprintf(&b, "S%06d;Léa%d;MARTIN;%02d/03/2012;;C%03d\n", i, i, i%28+1, i%300)
	}
	path := filepath.Join(t.TempDir(), "CSV_Students.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(binPath, "--db", c.db, "--lang", "en", "import", path)
	cmd.Env = []string{"ROLLCALL_USER=" + c.user, "HOME=" + t.TempDir(), "LANG=C", "PATH=" + os.Getenv("PATH")}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stderr)
	killed := false
	var seen []string
	for lines.Scan() {
		seen = append(seen, lines.Text())
		if strings.HasPrefix(lines.Text(), "Writing") {
			cmd.Process.Signal(syscall.SIGKILL) // mid-write: the transaction is being committed
			killed = true
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatalf("the import ended before it reached the writing stage: %q", seen)
	}

	deadline := time.Now().Add(30 * time.Second)
	var list usersListJSON
	for {
		r := c.run("", "users", "list", "--limit", "1", "--json")
		if r.code == 0 {
			if err := jsonUnmarshal(r.stdout, &list); err != nil {
				t.Fatal(err)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the store does not open after the kill: exit %d %s", r.code, r.stderr)
		}
		time.Sleep(100 * time.Millisecond) // the dead process's lock goes with it; retry briefly
	}
	var history []struct {
		ID int `json:"id"`
	}
	c.json(&history, "", "import", "history")
	switch {
	case list.Total == 0 && len(history) == 0:
		t.Log("the kill came before the commit: nothing was written")
	case list.Total == 100_000 && len(history) == 1:
		t.Log("the commit finished before the kill: everything was written")
	default:
		t.Fatalf("half-written import: %d users and %d history entries", list.Total, len(history))
	}
	// Either way the same import can run (again) and ends complete.
	c.must("", "import", path)
	c.json(&list, "", "users", "list", "--limit", "1")
	if list.Total != 100_000 {
		t.Errorf("after re-running the import: %d users", list.Total)
	}
}
