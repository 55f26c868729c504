package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// binPath is the rollcall binary built once for the CLI and end-to-end tests.
var binPath string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rollcall-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binPath = filepath.Join(dir, "rollcall")
	build := exec.Command("go", "build", "-o", binPath, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building rollcall:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// cli runs the built binary against one database, as one OS user.
type cli struct {
	t    testing.TB
	db   string
	user string
	env  []string
}

func newCLI(t testing.TB) *cli {
	t.Helper()
	return &cli{t: t, db: filepath.Join(t.TempDir(), "rollcall.db"), user: "tester", env: []string{"LANG=C"}}
}

// result is what one run printed and how it exited.
type result struct {
	stdout, stderr string
	code           int
}

func (c *cli) run(stdin string, args ...string) result {
	c.t.Helper()
	cmd := exec.Command(binPath, append([]string{"--db", c.db}, args...)...)
	cmd.Env = append([]string{"ROLLCALL_USER=" + c.user, "HOME=" + c.t.TempDir(), "PATH=" + os.Getenv("PATH")}, c.env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		c.t.Fatalf("running rollcall %v: %v", args, err)
	}
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

// must runs a command that has to succeed.
func (c *cli) must(stdin string, args ...string) result {
	c.t.Helper()
	r := c.run(stdin, args...)
	if r.code != 0 {
		c.t.Fatalf("rollcall %v: exit %d\nstdout: %s\nstderr: %s", args, r.code, r.stdout, r.stderr)
	}
	return r
}

func (c *cli) json(v any, stdin string, args ...string) {
	c.t.Helper()
	r := c.must(stdin, append(args, "--json")...)
	if err := json.Unmarshal([]byte(r.stdout), v); err != nil {
		c.t.Fatalf("rollcall %v --json: %v\n%s", args, err, r.stdout)
	}
}

// signUpAndLogin creates a verified admin and signs in; it returns the admin's email.
func (c *cli) signUpAndLogin(email, password string) {
	c.t.Helper()
	var s signupJSON
	c.json(&s, "", "signup", "--name", "Marie Curie", "--email", email, "--language", "fr", "--country", "FR")
	c.must(s.Code+"\n"+password+"\n", "verify", "--email", email, "--password-stdin")
	c.must(password+"\n", "login", "--email", email, "--password-stdin")
	c.must("", "accept-terms", "--adult", "--accept")
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

// firstOrg is the id of the signed-in admin's first organization, for --org.
func (c *cli) firstOrg() string {
	c.t.Helper()
	var orgs []orgJSON
	c.json(&orgs, "", "orgs", "list")
	if len(orgs) == 0 {
		c.t.Fatal("the admin has no organization")
	}
	return strconv.FormatUint(uint64(orgs[0].ID), 10)
}
