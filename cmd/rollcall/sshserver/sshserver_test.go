package sshserver

import (
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"rollcall/model"
)

func TestHostKeyIsCreatedPrivateAndKept(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "keys", "host_key")
	first, err := LoadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if first.PublicKey().Type() != gossh.KeyAlgoED25519 {
		t.Errorf("host key type %s, want Ed25519", first.PublicKey().Type())
	}
	st, err := os.Stat(path)
	if err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o600) {
		t.Fatalf("host key file: %v, mode %v; want 0600", err, st.Mode().Perm())
	}
	pub, err := os.ReadFile(path + ".pub")
	if err != nil || !strings.HasPrefix(string(pub), "ssh-ed25519 ") {
		t.Errorf("public half: %q, %v", pub, err)
	}
	again, err := LoadHostKey(path)
	if err != nil || gossh.FingerprintSHA256(again.PublicKey()) != gossh.FingerprintSHA256(first.PublicKey()) {
		t.Errorf("the second start has another host key (%v): clients would see a changed identity", err)
	}
	if runtime.GOOS != "windows" {
		os.Chmod(path, 0o644)
		if _, err := LoadHostKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
			t.Errorf("a world-readable host key: %v, want a refusal saying how to fix it", err)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad")
	os.WriteFile(bad, []byte("not a key"), 0o600)
	if _, err := LoadHostKey(bad); err == nil {
		t.Error("a corrupt host key file was accepted")
	}
}

func TestAddressThrottle(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	th := newAddrThrottle(model.SignInThrottle{FreeAttempts: 3, Base: 2 * time.Second, Max: time.Minute}, func() time.Time { return now })
	for i := range 3 {
		if !th.blockedUntil("10.0.0.1").IsZero() {
			t.Fatalf("blocked after %d failures, the first 3 are free", i)
		}
		th.failed("10.0.0.1")
	}
	if th.blockedUntil("10.0.0.1").IsZero() {
		t.Fatal("not blocked after 3 failures")
	}
	if !th.blockedUntil("10.0.0.2").IsZero() {
		t.Error("another address is blocked too")
	}
	now = now.Add(3 * time.Second)
	if !th.blockedUntil("10.0.0.1").IsZero() {
		t.Error("still blocked once the wait is over")
	}
	th.failed("10.0.0.1")
	if until := th.blockedUntil("10.0.0.1"); until.Sub(now) != 4*time.Second {
		t.Errorf("the fourth failure waits %v, want the doubled 4s", until.Sub(now))
	}
	th.succeeded("10.0.0.1")
	if !th.blockedUntil("10.0.0.1").IsZero() {
		t.Error("a success did not clear the address")
	}
	for i := range maxTracked + 10 {
		th.failed(net.IPv4(10, byte(i>>16), byte(i>>8), byte(i)).String())
	}
	if n := len(th.fails); n > maxTracked {
		t.Errorf("%d addresses tracked, want at most %d", n, maxTracked)
	}
}

func TestClientLang(t *testing.T) {
	t.Parallel()
	cases := map[string][]string{
		"":            {"TERM=xterm"},
		"fr_FR.UTF-8": {"LANG=fr_FR.UTF-8"},
		"en_GB.UTF-8": {"LANG=fr_FR.UTF-8", "LC_ALL=en_GB.UTF-8"},
		"de_DE":       {"LC_MESSAGES=de_DE", "LANG=fr_FR"},
	}
	for want, env := range cases {
		if got := clientLang(env); got != want {
			t.Errorf("clientLang(%v) = %q, want %q", env, got, want)
		}
	}
}

func TestHostIgnoresThePort(t *testing.T) {
	t.Parallel()
	a := &net.TCPAddr{IP: net.IPv4(203, 0, 113, 7), Port: 51234}
	b := &net.TCPAddr{IP: net.IPv4(203, 0, 113, 7), Port: 40000}
	if host(a) != host(b) || host(a) != "203.0.113.7" {
		t.Errorf("host(%v) = %q, host(%v) = %q", a, host(a), b, host(b))
	}
}
