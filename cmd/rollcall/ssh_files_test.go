package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// openSSH runs the OpenSSH client against srv with the admin's key; it returns stdout and the
// exit code.
type openSSH struct {
	t              *testing.T
	bin, key, port string
	known, host    string
}

func newOpenSSH(t *testing.T, srv *server, keyPath string) *openSSH {
	t.Helper()
	bin, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("OpenSSH client not installed (.ci/run installs openssh-client)")
	}
	host, port, _ := strings.Cut(srv.addr, ":")
	known := t.TempDir() + "/known_hosts"
	pub, err := os.ReadFile(srv.hostKey + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(known, []byte("[127.0.0.1]:"+port+" "+string(pub)), 0o600)
	return &openSSH{t: t, bin: bin, key: keyPath, port: port, known: known, host: host}
}

// opts are the client options every OpenSSH tool here takes (-o …).
func (o *openSSH) opts() []string {
	return []string{"-F", "/dev/null", "-i", o.key, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
		"-o", "UserKnownHostsFile=" + o.known, "-o", "StrictHostKeyChecking=yes"}
}

func (o *openSSH) run(stdin []byte, args ...string) ([]byte, string, int) {
	o.t.Helper()
	cmd := exec.Command(o.bin, append(append(o.opts(), "-p", o.port, o.host), args...)...)
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		o.t.Fatal(err)
	}
	return out.Bytes(), errb.String(), code
}

func TestRemoteAdminImportsAndPrintsThroughOpenSSH(t *testing.T) {
	t.Parallel()
	zip, err := os.ReadFile(filepath.Join(samples(t), "oneroster", "zip", "Test_minimal_data_set.zip"))
	if err != nil {
		t.Fatal(err)
	}
	c, keyPath, _ := sshAdmin(t)
	srv := c.serve()
	o := newOpenSSH(t, srv, keyPath)

	// ssh server import - --format F < file
	out, stderr, code := o.run(zip, "import", "-", "--format", "oneroster", "--json")
	var rep importJSON
	if code != 0 || json.Unmarshal(out, &rep) != nil || rep.Counts.Created == 0 {
		t.Fatalf("import - over SSH: exit %d, %s\n%s", code, out, stderr)
	}
	if _, stderr, code := o.run(nil, "import", "-"); code != exitUsage || !strings.Contains(stderr, "--format") {
		t.Errorf("import - without --format: exit %d, %q", code, stderr)
	}
	if _, _, code := o.run(nil, "import", "/etc/passwd"); code != exitUsage {
		t.Errorf("import of a server path: exit %d, want 2", code)
	}

	// ssh server merge pdf … -o - > cards.pdf
	pdf, stderr, code := o.run(nil, "merge", "pdf", "--per-sheet", "8", "--activation-url", "https://comptes.example.fr", "-o", "-")
	if code != 0 || !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf[len(pdf)-64:], []byte("%%EOF")) {
		t.Fatalf("merge pdf -o - over SSH: exit %d, %d bytes starting %q\n%s", code, len(pdf), pdf[:min(len(pdf), 16)], stderr)
	}
	if pdfinfo, err := exec.LookPath("pdfinfo"); err == nil {
		path := filepath.Join(t.TempDir(), "cards.pdf")
		os.WriteFile(path, pdf, 0o600)
		if info, err := exec.Command(pdfinfo, path).CombinedOutput(); err != nil || !strings.Contains(string(info), "Pages:") {
			t.Errorf("pdfinfo on the PDF from stdout: %v\n%s", err, info)
		}
	}

	// ssh server users export -o - > users.csv
	csv, stderr, code := o.run(nil, "users", "export", "--format", "csv", "-o", "-")
	lines := strings.Count(string(csv), "\n")
	if code != 0 || !bytes.HasPrefix(csv, []byte("\ufeff")) || lines != rep.Counts.Created+1 {
		t.Errorf("users export -o - over SSH: exit %d, %d lines for %d users\n%s", code, lines, rep.Counts.Created, stderr)
	}
	if _, _, code := o.run(nil, "users", "export", "-o", "/tmp/x.csv"); code != exitUsage {
		t.Errorf("users export to a server path: exit %d, want 2", code)
	}
}

// tool runs another OpenSSH tool (sftp, scp) with the client's options against srv.
func (o *openSSH) tool(name string, stdin string, args ...string) (string, int) {
	o.t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		o.t.Skipf("%s not installed (.ci/run installs openssh-client)", name)
	}
	cmd := exec.Command(bin, append(append(o.opts(), "-P", o.port), args...)...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		o.t.Fatal(err)
	}
	return string(out), code
}

func TestRemoteAdminSendsFilesToTheInbox(t *testing.T) {
	t.Parallel()
	c, keyPath, signer := sshAdmin(t)
	srv := c.serve()
	o := newOpenSSH(t, srv, keyPath)
	src := filepath.Join(samples(t), "oneroster", "zip", "Test_minimal_data_set.zip")
	inbox := filepath.Join(filepath.Dir(c.db), "inbox", "1")
	want, _ := os.ReadFile(src)
	landed := func(name string) {
		t.Helper()
		got, err := os.ReadFile(filepath.Join(inbox, name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s in the inbox: %d bytes, %v; want the %d sent", name, len(got), err, len(want))
		}
	}

	// sftp: put and list; no folder, no way out of the inbox.
	batch := filepath.Join(t.TempDir(), "batch")
	os.WriteFile(batch, []byte("put "+src+" roster.zip\nls -l\n-mkdir sub\n-put "+src+" ../../escape.zip\n-put "+src+" /tmp/escape.zip\n-symlink roster.zip link\n"), 0o600)
	out, code := o.tool("sftp", "", "-b", batch, o.host)
	if code != 0 || !strings.Contains(out, "roster.zip") {
		t.Fatalf("sftp: exit %d\n%s\nserver:\n%s", code, out, srv.stderr.String())
	}
	landed("roster.zip")
	entries, _ := os.ReadDir(inbox)
	for _, e := range entries {
		if e.Name() != "roster.zip" && e.Name() != "escape.zip" { // ../../escape.zip is the inbox's own
			t.Errorf("the inbox holds %s", e.Name())
		}
	}
	for _, p := range []string{filepath.Join(filepath.Dir(c.db), "escape.zip"), "/tmp/escape.zip", filepath.Join(inbox, "sub"), filepath.Join(inbox, "link")} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s was made outside the rules", p)
		}
	}

	// scp, over SFTP (OpenSSH 9's default) and the old protocol (-O).
	if out, code := o.tool("scp", "", src, o.host+":by-scp.zip"); code != 0 {
		t.Errorf("scp: exit %d\n%s\nserver:\n%s", code, out, srv.stderr.String())
	}
	landed("by-scp.zip")
	if out, code := o.tool("scp", "", "-O", src, o.host+":legacy.zip"); code != 0 {
		t.Errorf("scp -O: exit %d\n%s", code, out)
	}
	landed("legacy.zip")

	// The console's import picker over SSH shows the inbox.
	con := openConsole(t, srv.mustDial(signer), 110, 32)
	con.waitText(0, "Accueil")
	con.send("\x1b[B\x1b[B\x1b[B\r") // the fourth area: Imports
	con.waitText(0, "roster.zip", "by-scp.zip", "legacy.zip")
}
