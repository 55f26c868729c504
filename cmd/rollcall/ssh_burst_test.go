package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
)

// burstRSSBound is the peak resident memory `rollcall serve --password-auth` may reach while
// 80 wrong passwords arrive at once, from 80 addresses, for 80 emails: each check costs
// 64 MiB of argon2, and at most one per core (four at most) runs at a time. Before that bound
// 50 guesses took the server from 163 MB to 2.9 GB.
const burstRSSBound = 600 << 20

func TestSSHPasswordBurstKeepsTheServerSmall(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads the peak RSS from /proc")
	}
	c, _, _ := sshAdmin(t)
	srv := c.serve("--password-auth")
	const n = 80
	var wg sync.WaitGroup
	var mu sync.Mutex
	accepted := 0
	for i := range n {
		wg.Go(func() {
			// Each guess comes from its own loopback address, so the per-address throttle does
			// not serialize them: every one reaches an argon2 check.
			local := &net.TCPAddr{IP: net.IPv4(127, 0, 1, byte(i+1))}
			d := net.Dialer{LocalAddr: local, Timeout: 60 * time.Second}
			conn, err := d.Dial("tcp", srv.addr)
			if err != nil {
				t.Errorf("dial from %v: %v", local, err)
				return
			}
			defer conn.Close()
			cfg := &ssh.ClientConfig{User: fmt.Sprintf("guess%d@example.fr", i), Auth: []ssh.AuthMethod{ssh.Password("wrong-guess1")},
				HostKeyCallback: ssh.InsecureIgnoreHostKey(), Timeout: 60 * time.Second}
			if _, _, _, err := ssh.NewClientConn(conn, srv.addr, cfg); err == nil {
				mu.Lock()
				accepted++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if accepted != 0 {
		t.Fatalf("%d wrong passwords were accepted", accepted)
	}
	srv.waitLog("every guess refused", func(log string) bool { return strings.Count(log, "ssh password refused") >= n })
	peak := peakRSS(t, srv.cmd.Process.Pid)
	t.Logf("peak RSS of the server after %d parallel wrong passwords: %d MB", n, peak>>20)
	if peak > burstRSSBound {
		t.Errorf("the server peaked at %d MB, want under %d MB", peak>>20, burstRSSBound>>20)
	}
	// The server still answers the right password.
	client, err := srv.dial(ssh.Password("motdepasse1"))
	if err == nil {
		client.Close()
	}
}

// peakRSS is a process's peak resident set size (VmHWM), in bytes.
func peakRSS(t *testing.T, pid int) int64 {
	t.Helper()
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmHWM in /proc status")
	return 0
}
