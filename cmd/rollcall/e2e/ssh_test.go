package e2e

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
)

// lockedBuffer collects a child's stderr while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// sshFixture is a database with a verified French admin, the demo school and the admin's key,
// served by `rollcall serve` on 127.0.0.1.
type sshFixture struct {
	dir, db, key, known, port string
	fingerprint               string
	serve                     *exec.Cmd
	log                       *lockedBuffer
}

func newSSHFixture(t *testing.T) *sshFixture {
	t.Helper()
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("the OpenSSH client is not installed (.ci/run installs openssh-client)")
	}
	dir := t.TempDir()
	f := &sshFixture{dir: dir, db: filepath.Join(dir, "rollcall.db"), key: filepath.Join(dir, "id_ed25519"),
		known: filepath.Join(dir, "known_hosts"), log: &lockedBuffer{}}
	var s struct{ Code string }
	json.Unmarshal([]byte(rollcall(t, f.dir, "", "signup", "--name", "Marie Curie", "--email", email,
		"--language", "fr", "--country", "FR", "--json")), &s)
	rollcall(t, f.dir, s.Code+"\n"+password+"\n", "verify", "--email", email, "--password-stdin")
	rollcall(t, f.dir, password+"\n", "login", "--email", email, "--password-stdin")
	rollcall(t, f.dir, "", "accept-terms", "--adult", "--accept")
	rollcall(t, f.dir, "", "demo")
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	block, _ := ssh.MarshalPrivateKey(priv, "marie@laptop")
	os.WriteFile(f.key, pem.EncodeToMemory(block), 0o600)
	sshPub, _ := ssh.NewPublicKey(pub)
	rollcall(t, f.dir, strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sshPub)))+" marie@laptop\n", "ssh-keys", "add", "-")
	f.fingerprint = ssh.FingerprintSHA256(sshPub)

	hostKey := filepath.Join(dir, "host_key")
	f.serve = exec.Command(binary, "--db", f.db, "serve", "--listen", "127.0.0.1:0", "--host-key", hostKey)
	f.serve.Env = []string{"LANG=C.UTF-8", "HOME=" + dir, "PATH=" + os.Getenv("PATH")}
	f.serve.Stderr = f.log
	if err := f.serve.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = f.serve.Process.Signal(syscall.SIGTERM)
		_ = f.serve.Wait()
	})
	re := regexp.MustCompile(`127\.0\.0\.1:(\d+)`)
	end := time.Now().Add(deadline)
	for f.port == "" {
		if m := re.FindStringSubmatch(f.log.String()); m != nil {
			f.port = m[1]
		} else if time.Now().After(end) {
			t.Fatalf("the server did not start:\n%s", f.log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	hostPub, err := os.ReadFile(hostKey + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(f.known, []byte("[127.0.0.1]:"+f.port+" "+string(hostPub)), 0o600)
	return f
}

// sshCommand is the ssh command line of the fixture, checking the host key strictly.
func (f *sshFixture) sshCommand(extra string) string {
	return "ssh -F /dev/null -p " + f.port + " -i " + shellQuote(f.key) + " -o IdentitiesOnly=yes -o BatchMode=yes" +
		" -o UserKnownHostsFile=" + shellQuote(f.known) + " -o StrictHostKeyChecking=yes " + extra + " 127.0.0.1"
}

// TestConsoleOverOpenSSH drives the console through the OpenSSH client in a real terminal:
// signed in by the key alone, resized, the Admins screen, an invitation, and a clean exit.
func TestConsoleOverOpenSSH(t *testing.T) {
	t.Parallel()
	f := newSSHFixture(t)
	term := startTerminal(t, f.sshCommand("-t")+"; echo EXITED:$?; sleep 600")
	term.waitText("Accueil", "Connecté : Marie Curie <marie@example.org> · Collège Jean Moulin, École élémentaire Les Tilleuls")

	// A narrower window reaches the console: the header is cut to the new width, and back.
	if out, err := term.cmd("resize-window", "-x", "60", "-y", "30").CombinedOutput(); err != nil {
		t.Fatalf("tmux resize-window: %v\n%s", err, out)
	}
	// tmux alone would only clip the old 120×40 picture, losing its bottom rows: the help line
	// back at the foot of 30 rows shows the console itself drew the new size.
	narrow := term.waitFor("the console redrawn at 60×30", func(screen string) bool {
		rows := strings.Split(strings.TrimRight(screen, "\n "), "\n")
		foot := rows[len(rows)-1]
		return strings.Contains(screen, "Connecté : Marie Curie") && !strings.Contains(screen, "Les Tilleuls") &&
			len(rows) == 30 && strings.Contains(foot, "•")
	})
	for _, line := range strings.Split(narrow, "\n") {
		if n := len([]rune(line)); n > 60 {
			t.Errorf("a line of %d columns in a 60-column window: %q", n, line)
		}
	}
	term.cmd("resize-window", "-x", "120", "-y", "40").Run()
	term.waitText("École élémentaire Les Tilleuls")

	for range 5 {
		term.keys("Down")
	}
	term.keys("Enter")
	term.waitText(" Administrateurs (1) ", " Mes clés SSH (1) ", "Marie Curie (vous)")
	term.keys("Tab", "Tab")
	term.waitText(f.fingerprint, "marie@laptop")

	term.keys("i")
	term.waitText("Inviter un administrateur")
	term.keys("Enter") // the first school
	term.fill("Son e-mail (facultatif)", "paul@example.org")
	code := term.waitMatch(regexp.MustCompile(`Invitation pour paul@example\.org : code ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})`))[1]
	term.waitText(" Invitations (1) ")

	term.keys("q")
	term.waitText("EXITED:0")

	// The invitation made in the console is in the store: an exec on the same server sees it.
	out, err := exec.Command("sh", "-c", f.sshCommand("")+" admins list --json").Output()
	if err != nil || !strings.Contains(string(out), "paul@example.org") {
		t.Fatalf("admins list over ssh: %v\n%s\nserver:\n%s", err, out, f.log.String())
	}
	if strings.Contains(f.log.String(), code) {
		t.Error("the server logged the invitation code")
	}
}
