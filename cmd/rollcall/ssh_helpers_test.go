package main

import (
	"bytes"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/crypto/ssh"
)

func pemEncode(b *pem.Block) []byte { return pem.EncodeToMemory(b) }

// syncBuffer is a bytes.Buffer safe to write from one goroutine and read from another.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// server is `rollcall serve` running as a child process on 127.0.0.1, on a port the kernel chose.
type server struct {
	t           testing.TB
	cmd         *exec.Cmd
	addr        string
	fingerprint string
	hostKey     string
	stderr      *syncBuffer
	done        chan error
}

var (
	listeningRE = regexp.MustCompile(`listening on (127\.0\.0\.1:\d+)`)
	hostKeyRE   = regexp.MustCompile(`Host key (SHA256:\S+) \(`)
)

// serve starts the server on c's database; it is stopped when the test ends.
func (c *cli) serve(extra ...string) *server {
	c.t.Helper()
	s := &server{t: c.t, hostKey: c.t.TempDir() + "/host_key", stderr: &syncBuffer{}, done: make(chan error, 1)}
	args := append([]string{"--db", c.db, "serve", "--listen", "127.0.0.1:0", "--host-key", s.hostKey}, extra...)
	s.cmd = exec.Command(binPath, args...)
	s.cmd.Env = append([]string{"HOME=" + c.t.TempDir(), "PATH=" + os.Getenv("PATH")}, c.env...)
	s.cmd.Stderr = s.stderr
	if err := s.cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	go func() { s.done <- s.cmd.Wait() }()
	c.t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			_ = s.cmd.Process.Kill()
			<-s.done
		}
	})
	s.waitLog("the server to listen", func(log string) bool {
		m, h := listeningRE.FindStringSubmatch(log), hostKeyRE.FindStringSubmatch(log)
		if m == nil || h == nil {
			return false
		}
		s.addr, s.fingerprint = m[1], h[1]
		return true
	})
	return s
}

// waitLog waits until the server's stderr satisfies cond.
func (s *server) waitLog(what string, cond func(string) bool) {
	s.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond(s.stderr.String()) {
		select {
		case err := <-s.done:
			s.done <- err
			s.t.Fatalf("server exited (%v) before %s:\n%s", err, what, s.stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out waiting for %s:\n%s", what, s.stderr.String())
		}
	}
}

// stop sends SIGTERM and returns the exit code.
func (s *server) stop() int {
	s.t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		s.t.Fatal(err)
	}
	select {
	case err := <-s.done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		} else if err != nil {
			s.t.Fatal(err)
		}
		return 0
	case <-time.After(60 * time.Second):
		s.t.Fatalf("the server did not stop on SIGTERM:\n%s", s.stderr.String())
	}
	return -1
}

// dial connects as the holder of signer, checking the host key against the fingerprint the
// server printed.
func (s *server) dial(auth ...ssh.AuthMethod) (*ssh.Client, error) {
	cfg := &ssh.ClientConfig{User: "rollcall", Auth: auth, Timeout: 20 * time.Second,
		HostKeyCallback: func(_ string, _ net.Addr, key ssh.PublicKey) error {
			if got := ssh.FingerprintSHA256(key); got != s.fingerprint {
				return fmt.Errorf("host key %s, the server printed %s", got, s.fingerprint)
			}
			return nil
		}}
	return ssh.Dial("tcp", s.addr, cfg)
}

// mustDial connects with a key or fails the test.
func (s *server) mustDial(signer ssh.Signer) *ssh.Client {
	s.t.Helper()
	client, err := s.dial(ssh.PublicKeys(signer))
	if err != nil {
		s.t.Fatalf("dial: %v\nserver log:\n%s", err, s.stderr.String())
	}
	s.t.Cleanup(func() { client.Close() })
	return client
}

// execResult is what one SSH exec printed and its exit status.
type execResult struct {
	stdout, stderr string
	code           int
}

// execSSH runs one command line over a new session of client.
func execSSH(t testing.TB, client *ssh.Client, stdin, cmdline string) execResult {
	t.Helper()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatalf("new session: %v", err)
	}
	defer sess.Close()
	var out, errb bytes.Buffer
	sess.Stdout, sess.Stderr, sess.Stdin = &out, &errb, strings.NewReader(stdin)
	err = sess.Run(cmdline)
	code := 0
	var ee *ssh.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitStatus()
	case err != nil:
		t.Fatalf("ssh %q: %v", cmdline, err)
	}
	return execResult{stdout: out.String(), stderr: errb.String(), code: code}
}

// console is a PTY session showing the TUI.
type console struct {
	t    *testing.T
	sess *ssh.Session
	in   io.WriteCloser
	out  *syncBuffer
}

// openConsole starts a shell session with a terminal of the given size.
func openConsole(t *testing.T, client *ssh.Client, width, height int) *console {
	t.Helper()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	if err := sess.RequestPty("xterm-256color", height, width, ssh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &console{t: t, sess: sess, in: in, out: &syncBuffer{}}
	sess.Stdout = c.out
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return c
}

// text is everything the console printed so far, without escape sequences.
func (c *console) text() string { return ansi.Strip(c.out.String()) }

// waitText waits until the console printed every one of texts, after mark bytes of output.
func (c *console) waitText(mark int, texts ...string) {
	c.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		all := c.out.String()
		seen := ansi.Strip(all[min(mark, len(all)):])
		ok := true
		for _, s := range texts {
			ok = ok && strings.Contains(seen, s)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("timed out waiting for %q; the console showed:\n%s", texts, seen)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// mark is the current length of the output, to wait for what comes after it.
func (c *console) mark() int { return len(c.out.String()) }

// send types keys: raw bytes as a terminal sends them.
func (c *console) send(keys string) {
	c.t.Helper()
	if _, err := io.WriteString(c.in, keys); err != nil {
		c.t.Fatal(err)
	}
}
