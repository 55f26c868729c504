package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
)

func glyphs(f *Font, s string) []uint16 {
	var out []uint16
	for _, r := range s {
		out = append(out, f.Glyph(r))
	}
	return out
}

// TestTextExtracts writes a two-page document and reads it back with poppler: page count,
// page size and every accented character must survive.
func TestTextExtracts(t *testing.T) {
	pdftotext, err1 := exec.LookPath("pdftotext")
	pdfinfo, err2 := exec.LookPath("pdfinfo")
	if err1 != nil || err2 != nil {
		t.Skip("pdftotext/pdfinfo not installed (Debian package poppler-utils): skipping")
	}
	f, err := ParseFont(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := NewWriter(&buf, Info{Title: "Cartes élèves", Producer: "test"})
	res, err := w.AddFont(f)
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{"Élève Chloé Bénédicte Ça", "œuvre Straße Muñoz", "ABCD-EFGH"}
	var d Deflater
	for page, line := range lines[:2] {
		var c Content
		c.BeginText()
		c.SetFont(res, 12)
		c.TextAt(72, 700)
		c.ShowGlyphs(glyphs(f, line))
		if page == 1 {
			c.TextAt(72, 680)
			c.ShowGlyphs(glyphs(f, lines[2]))
		}
		c.EndText()
		c.Rect(10.5, 10.25, 20, 20)
		c.Fill()
		content := c.Bytes()
		deflated := page == 1
		if deflated {
			content = d.Deflate(content)
		}
		if err := w.WritePage(612, 792, content, deflated); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command(pdfinfo, path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
	for _, want := range []string{"Pages:           2\n", "612 x 792 pts", "Cartes élèves"} {
		if !strings.Contains(string(info), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	text, err := exec.Command(pdftotext, path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, text)
	}
	if strings.Contains(string(text)+string(info), "Error") {
		t.Errorf("poppler reports errors:\n%s\n%s", info, text)
	}
	for _, want := range lines {
		if !strings.Contains(string(text), want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

func TestAppendNumber(t *testing.T) {
	for v, want := range map[float64]string{
		0: "0", 1: "1", -1.5: "-1.5", 595.2756: "595.276", 0.0004: "0", 12.100: "12.1", -0.25: "-0.25",
	} {
		if got := string(AppendNumber(nil, v)); got != want {
			t.Errorf("AppendNumber(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestFontBasics(t *testing.T) {
	f, err := ParseFont(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "éèçœßñÉÀ·—" {
		if f.Glyph(r) == f.Glyph('?') {
			t.Errorf("no glyph for %q", r)
		}
	}
	if f.Glyph('\U0001F600') != f.Glyph('?') {
		t.Error("missing rune does not fall back to '?'")
	}
	if w := f.Width("MM", 10); w <= f.Width("ii", 10) {
		t.Errorf("width of MM %v not above ii", w)
	}
	if _, err := ParseFont([]byte("not a font")); err == nil {
		t.Error("garbage parsed as a font")
	}
}
