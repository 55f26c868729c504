package bolt

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rollcall/storage"
)

// Environment of the helper process: the file to open and whether read-only.
const (
	helperPathEnv = "ROLLCALL_BOLT_LOCK_HELPER_PATH"
	helperROEnv   = "ROLLCALL_BOLT_LOCK_HELPER_RO"
)

// Exit codes of the helper process.
const (
	helperOpened = 0
	helperLocked = 3
	helperFailed = 4
)

// TestHelperProcess is not a test: TestSecondProcess runs the test binary again with only this
// function selected, as a second Rollcall process opening the same file.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv(helperPathEnv)
	if path == "" {
		t.Skip("helper process for TestSecondProcess")
	}
	start := time.Now()
	s, err := Open(path, Options{ReadOnly: os.Getenv(helperROEnv) != ""})
	elapsed := time.Since(start).Round(time.Millisecond)
	switch {
	case err == nil:
		fmt.Printf("opened after %v\n", elapsed)
		s.Close()
		os.Exit(helperOpened)
	case errors.Is(err, storage.ErrLocked):
		fmt.Printf("locked after %v: %v\n", elapsed, err)
		os.Exit(helperLocked)
	}
	fmt.Printf("failed after %v: %v\n", elapsed, err)
	os.Exit(helperFailed)
}

// runHelper opens path in a child process and returns its exit code and output. The deadline
// is generous: it only catches a child that hangs instead of giving up after Options.Timeout.
func runHelper(t *testing.T, path string, readOnly bool) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperPathEnv+"="+path)
	if readOnly {
		cmd.Env = append(cmd.Env, helperROEnv+"=1")
	}
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("the second process hung (killed after 15s): %s", out)
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running the helper: %v", err)
	}
	return cmd.ProcessState.ExitCode(), string(out)
}

func TestSecondProcessGetsErrLocked(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "rollcall.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, readOnly := range []bool{false, true} {
		code, out := runHelper(t, path, readOnly)
		if code != helperLocked || !strings.Contains(out, "locked") || !strings.Contains(out, path) {
			t.Errorf("second process (read-only %v) while the file is held: exit %d, output %q; want exit %d "+
				"with ErrLocked naming the path", readOnly, code, out, helperLocked)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if code, out := runHelper(t, path, false); code != helperOpened {
		t.Errorf("second process after Close: exit %d, output %q; want it to open the file", code, out)
	}
}

func TestReadersShareAFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "rollcall.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if code, out := runHelper(t, path, true); code != helperOpened {
		t.Errorf("second read-only process: exit %d, output %q; want it to open the file", code, out)
	}
	if code, out := runHelper(t, path, false); code != helperLocked {
		t.Errorf("writer while a reader holds the file: exit %d, output %q; want ErrLocked", code, out)
	}
}
