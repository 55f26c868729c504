package e2e

import (
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// deadline bounds every wait for the screen: generous, because the machine is shared and the
// binary hashes passwords with production argon2 parameters.
const deadline = 60 * time.Second

// binary is the rollcall built once for every test of the package, by TestMain; read-only after.
var binary string

// TestMain builds the binary once: linking it is the slowest part of these tests.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rollcall-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "rollcall")
	out, err := exec.Command("go", "build", "-o", binary, "rollcall/cmd/rollcall").CombinedOutput()
	code := 1
	if err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
	} else {
		code = m.Run()
	}
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// terminal is one tmux server on its own socket, with one window running a command.
type terminal struct {
	t      *testing.T
	socket string
}

// startTerminal runs command (a shell command line) in a 120×40 tmux window. The server is
// killed when the test ends.
func startTerminal(t *testing.T, command string) *terminal {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end console test needs it (CI installs it)")
	}
	// A socket of our own: never the developer's tmux server, never another test's.
	term := &terminal{t: t, socket: fmt.Sprintf("rollcall-e2e-%d-%s", os.Getpid(), rand.Text()[:10])}
	t.Cleanup(func() { _ = term.cmd("kill-server").Run() })
	if out, err := term.cmd("new-session", "-d", "-x", "120", "-y", "40", command).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	return term
}

func (term *terminal) cmd(args ...string) *exec.Cmd {
	c := exec.Command("tmux", append([]string{"-L", term.socket, "-f", "/dev/null"}, args...)...)
	// A UTF-8 locale for tmux itself, so accented text is captured as is.
	c.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
	return c
}

// capture returns the visible screen as text.
func (term *terminal) capture() string {
	term.t.Helper()
	out, err := term.cmd("capture-pane", "-p").Output()
	if err != nil {
		term.t.Fatalf("tmux capture-pane: %v", err)
	}
	return string(out)
}

// keys sends tmux key names: "Enter", "Up", "BTab", "C-c", or single characters.
func (term *terminal) keys(keys ...string) {
	term.t.Helper()
	if out, err := term.cmd(append([]string{"send-keys"}, keys...)...).CombinedOutput(); err != nil {
		term.t.Fatalf("tmux send-keys %v: %v\n%s", keys, err, out)
	}
}

// text types s literally.
func (term *terminal) text(s string) {
	term.t.Helper()
	if out, err := term.cmd("send-keys", "-l", s).CombinedOutput(); err != nil {
		term.t.Fatalf("tmux send-keys -l: %v\n%s", err, out)
	}
}

// waitFor polls the screen until ok holds; the poll interval is not a synchronisation, the
// condition is.
func (term *terminal) waitFor(what string, ok func(screen string) bool) string {
	term.t.Helper()
	end := time.Now().Add(deadline)
	for {
		screen := term.capture()
		if ok(screen) {
			return screen
		}
		if time.Now().After(end) {
			term.t.Fatalf("timed out waiting for %s; screen:\n%s", what, screen)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// waitText waits until the screen shows every one of texts.
func (term *terminal) waitText(texts ...string) string {
	term.t.Helper()
	return term.waitFor(strings.Join(texts, ", "), func(screen string) bool {
		for _, s := range texts {
			if !strings.Contains(screen, s) {
				return false
			}
		}
		return true
	})
}

// waitMatch waits until re matches the screen and returns the submatches.
func (term *terminal) waitMatch(re *regexp.Regexp) []string {
	term.t.Helper()
	var m []string
	term.waitFor(re.String(), func(screen string) bool {
		m = re.FindStringSubmatch(screen)
		return m != nil
	})
	return m
}

// waitFocus waits until the form field titled title has focus (Huh marks it with ┃). Keys sent
// before that would still go to the previous field.
func (term *terminal) waitFocus(title string) {
	term.t.Helper()
	term.waitMatch(regexp.MustCompile(`(?m)^\s*┃ ` + regexp.QuoteMeta(title) + `\s*$`))
}

// fill waits for a field's focus, types value and presses enter.
func (term *terminal) fill(title, value string) {
	term.t.Helper()
	term.waitFocus(title)
	term.text(value)
	term.keys("Enter")
}

// shellQuote quotes s for sh.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
