package mailmerge

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Helpers around Debian's poppler-utils and zbar-tools. Each skips the test with a clear
// message when its tool is missing; CI installs both.

func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed (Debian package %s): skipping", name, pkg)
	}
	return p
}

// writeTestPDF renders src with layout into a file in t.TempDir().
func writeTestPDF(t *testing.T, src CardSource, layout Layout, tpl *Templates) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(context.Background(), &buf, src, layout, tpl, nil); err != nil {
		t.Fatalf("WritePDF: %v", err)
	}
	path := filepath.Join(t.TempDir(), "cards.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

type pdfInfo struct {
	pages         int
	width, height float64
}

var (
	pagesRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)
	sizeRE  = regexp.MustCompile(`(?m)^Page size:\s+([\d.]+) x ([\d.]+) pts`)
)

func readPDFInfo(t *testing.T, path string) pdfInfo {
	t.Helper()
	out, err := exec.Command(needTool(t, "pdfinfo", "poppler-utils"), path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	if bytes.Contains(out, []byte("Error")) {
		t.Fatalf("pdfinfo reports errors:\n%s", out)
	}
	pm, sm := pagesRE.FindSubmatch(out), sizeRE.FindSubmatch(out)
	if pm == nil || sm == nil {
		t.Fatalf("pdfinfo output not understood:\n%s", out)
	}
	var info pdfInfo
	info.pages, _ = strconv.Atoi(string(pm[1]))
	info.width, _ = strconv.ParseFloat(string(sm[1]), 64)
	info.height, _ = strconv.ParseFloat(string(sm[2]), 64)
	return info
}

// pdfPagesText returns the text of each page, as pdftotext extracts it.
func pdfPagesText(t *testing.T, path string) []string {
	t.Helper()
	cmd := exec.Command(needTool(t, "pdftotext", "poppler-utils"), "-enc", "UTF-8", path, "-")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("pdftotext: %v\n%s", err, stderr.String())
	}
	pages := strings.Split(string(out), "\f")
	return pages[:len(pages)-1] // the last form feed ends the last page
}

// decodeQRCodes rasterizes one page and returns the QR contents zbarimg finds on it, one
// per line (ASCII contents only: without -Sbinary zbar may re-encode other bytes).
func decodeQRCodes(t *testing.T, path string, page int) []string {
	t.Helper()
	zbar := needTool(t, "zbarimg", "zbar-tools")
	ppm := needTool(t, "pdftoppm", "poppler-utils")
	prefix := filepath.Join(t.TempDir(), "page")
	p := strconv.Itoa(page)
	if out, err := exec.Command(ppm, "-r", "150", "-png", "-f", p, "-l", p, "-singlefile", path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	out, err := exec.Command(zbar, "--quiet", "--raw", prefix+".png").Output()
	if err != nil {
		t.Fatalf("zbarimg found no code: %v", err)
	}
	var codes []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		codes = append(codes, strings.TrimSpace(l))
	}
	return codes
}
