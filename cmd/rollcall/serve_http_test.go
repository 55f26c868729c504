package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var servedRE = regexp.MustCompile(`(https?://127\.0\.0\.1:\d+)`)

// serveHTTP starts `rollcall serve` with only --http (plus extra) and returns the pages' address.
func (c *cli) serveHTTP(extra ...string) (*server, string) {
	c.t.Helper()
	s := &server{t: c.t, stderr: &syncBuffer{}, done: make(chan error, 1)}
	s.cmd = exec.Command(binPath, append([]string{"--db", c.db, "serve", "--http", "127.0.0.1:0"}, extra...)...)
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
	var url string
	s.waitLog("the pages to be served", func(log string) bool {
		m := servedRE.FindStringSubmatch(log)
		if m != nil {
			url = m[1]
		}
		return m != nil
	})
	return s, url
}

// --http alone serves the account pages and no SSH; cards of a school without an activation
// address then point to the address it served.
func TestServeHTTPAloneAndItsAddressOnTheCards(t *testing.T) {
	t.Parallel()
	c := mergeCLI(t)
	s, url := c.serveHTTP()
	resp, err := http.Get(url + "/activate?login=nobody&code=SECRET1234")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") { // a wrong code, said so
		t.Errorf("GET /activate: %d, CSP %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
	if strings.Contains(s.stderr.String(), "SSH") && strings.Contains(s.stderr.String(), "listening on") {
		t.Errorf("--http alone started SSH too:\n%s", s.stderr.String())
	}
	// The request is logged once answered: wait for its line.
	s.waitLog("the request's log line", func(log string) bool { return strings.Contains(log, "path=/activate") })
	if strings.Contains(s.stderr.String(), "SECRET1234") {
		t.Errorf("the log of a request:\n%s", s.stderr.String())
	}
	if code := s.stop(); code != 0 {
		t.Fatalf("stop: exit %d\n%s", code, s.stderr.String())
	}
	out := filepath.Join(t.TempDir(), "cards.pdf")
	c.must("", "merge", "pdf", "--activated", "no", "--profile", "student", "--class", "6e A", "-o", out)
	text, err := exec.Command(popplerTool(t, "pdftotext"), out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	host := strings.TrimPrefix(url, "http://")
	if !strings.Contains(string(text), host) {
		t.Errorf("the cards do not point to %s:\n%.600s", url, text)
	}
}

// Under TLS the pages send HSTS and their cookies are Secure, with the __Host- prefix.
func TestServeHTTPWithTLS(t *testing.T) {
	t.Parallel()
	c := mergeCLI(t)
	cert, key := selfSigned(t)
	if r := c.run("", "serve", "--http", "127.0.0.1:0", "--tls-cert", cert); r.code == 0 {
		t.Errorf("--tls-cert without --tls-key: exit 0")
	}
	_, url := c.serveHTTP("--tls-cert", cert, "--tls-key", key)
	if !strings.HasPrefix(url, "https://") {
		t.Fatalf("served at %s", url)
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	resp, err := client.Get(url + "/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if hsts := resp.Header.Get("Strict-Transport-Security"); !strings.Contains(hsts, "max-age=") {
		t.Errorf("no HSTS under TLS")
	}
	cookies := resp.Cookies()
	if len(cookies) == 0 {
		t.Fatal("no cookie")
	}
	for _, ck := range cookies {
		if !ck.Secure || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || !strings.HasPrefix(ck.Name, "__Host-") {
			t.Errorf("cookie %s: secure %v httponly %v samesite %v", ck.Name, ck.Secure, ck.HttpOnly, ck.SameSite)
		}
	}
}

// selfSigned writes a certificate and key for 127.0.0.1.
func selfSigned(t *testing.T) (certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600); err != nil {
		t.Fatal(err)
	}
	return certFile, keyFile
}
