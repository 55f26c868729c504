package pgtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"time"
)

// startScratch starts a throwaway server from the highest Debian postgresql version installed,
// in a new folder under the temporary directory, on a free loopback port; it runs as the
// postgres user when the tests run as root, and dies with the test process. skip says why no
// server could be found.
func startScratch() (url, skip string, err error) {
	bin := serverBin()
	if bin == "" {
		return "", fmt.Sprintf("no PostgreSQL server binary (initdb): install Debian's postgresql package or set %s", EnvURL), nil
	}
	removeStale()
	dir, err := os.MkdirTemp("", "rollcall-pgtest-")
	if err != nil {
		return "", "", err
	}
	cred, err := serverUser(dir)
	if err != nil {
		return "", "", err
	}
	data := filepath.Join(dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres",
		"-E", "UTF8", "--locale=C", "--no-sync")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		return "", "", fmt.Errorf("initdb: %v: %s", err, out)
	}
	port, err := freePort()
	if err != nil {
		return "", "", err
	}
	srv := exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-p", strconv.Itoa(port), "-k", dir,
		"-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
		"-c", "full_page_writes=off", "-c", "max_connections=300")
	log, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		return "", "", err
	}
	srv.Stdout, srv.Stderr = log, log
	// SIGQUIT is PostgreSQL's immediate shutdown: the server goes when the test process does.
	srv.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGQUIT, Setpgid: true}
	if err := srv.Start(); err != nil {
		return "", "", fmt.Errorf("start postgres: %w", err)
	}
	go func() { _ = srv.Wait() }()
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port), "", nil
}

// serverBin is the bin folder of the newest installed server, or of initdb on the PATH.
func serverBin() string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int { return version(b) - version(a) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p)
	}
	return ""
}

func version(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

// serverUser is who runs the server: the postgres user when we are root (the server refuses
// to run as root), ourselves otherwise. The folder is given to that user.
func serverUser(dir string) (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root needs the postgres user to run the server: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return nil, err
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// removeStale deletes the folders of earlier scratch servers that are no longer running: an
// immediate shutdown removes postmaster.pid, so a folder without one is free.
func removeStale() {
	old, _ := filepath.Glob(filepath.Join(os.TempDir(), "rollcall-pgtest-*"))
	for _, d := range old {
		info, err := os.Stat(d)
		if err != nil || time.Since(info.ModTime()) < time.Minute {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "data", "postmaster.pid")); os.IsNotExist(err) {
			_ = os.RemoveAll(d)
		}
	}
}
