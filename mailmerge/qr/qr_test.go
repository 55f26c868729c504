package qr

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/boombuler/barcode/qr"
)

// text returns a string of n bytes mixing ASCII and UTF-8, like real URLs and names.
func text(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString("https://ent.example.fr/a?c=ABCD-EFGH&n=é")
	}
	s := []byte(b.String())[:n]
	return string(s)
}

// TestMatchesReferenceEncoder compares our matrices with boombuler/barcode's, an independent
// encoder, for every level and versions 1 to 40: same data, same masking, same format bits.
// Mask choice may differ when both penalties tie differently, so any of our 8 masks may match.
func TestMatchesReferenceEncoder(t *testing.T) {
	levels := []Level{L, M, Q, H}
	refLevels := []qr.ErrorCorrectionLevel{qr.L, qr.M, qr.Q, qr.H}
	lengths := []int{1, 10, 17, 30, 45, 80, 120, 200, 300, 500, 800, 1200, 1800, 2300}
	if testing.Short() {
		lengths = lengths[:6]
	}
	var e Encoder
	for li, level := range levels {
		for _, n := range lengths {
			s := text(n)
			var got Code
			if err := e.Encode(s, level, &got); err != nil {
				if errors.Is(err, ErrTooLong) {
					continue
				}
				t.Fatal(err)
			}
			ref, err := qr.Encode(s, refLevels[li], qr.Unicode)
			if err != nil {
				t.Fatalf("reference: %v", err)
			}
			if ref.Bounds().Dx() != got.Size {
				t.Fatalf("level %d len %d: size %d, reference %d", level, n, got.Size, ref.Bounds().Dx())
			}
			if !matchesSomeMask(&e, &got, level, ref.(interface{ Get(x, y int) bool })) {
				t.Errorf("level %d len %d (version %d): matrix differs from reference", level, n, got.Version)
			}
		}
	}
}

func matchesSomeMask(e *Encoder, c *Code, level Level, ref interface{ Get(x, y int) bool }) bool {
	vt := e.versions[c.Version]
	for m := 0; m < 8; m++ {
		trial := append([]byte(nil), c.modules...)
		applyMask(trial, vt.masks[c.Mask])
		applyMask(trial, vt.masks[m])
		vt.drawFormat(trial, level, m)
		same := true
		for y := 0; y < c.Size && same; y++ {
			for x := 0; x < c.Size; x++ {
				if (trial[y*c.Size+x] == 1) != ref.Get(x, y) {
					same = false
					break
				}
			}
		}
		if same {
			return true
		}
	}
	return false
}

func TestAlignmentPositions(t *testing.T) {
	// Spot values from ISO/IEC 18004 Annex E, including the irregular version 32.
	want := map[int][]int{
		2: {6, 18}, 7: {6, 22, 38}, 16: {6, 26, 50, 74}, 32: {6, 34, 60, 86, 112, 138},
		36: {6, 24, 50, 76, 102, 128, 154}, 40: {6, 30, 58, 86, 114, 142, 170},
	}
	for ver, w := range want {
		if got := alignmentPositions(ver); fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("version %d: %v, want %v", ver, got, w)
		}
	}
}

func TestTooLong(t *testing.T) {
	if _, err := Encode(strings.Repeat("x", 3000), L); !errors.Is(err, ErrTooLong) {
		t.Fatalf("err = %v, want ErrTooLong", err)
	}
	if _, err := Encode("x", Level(9)); err == nil {
		t.Fatal("invalid level accepted")
	}
}

// TestZbarDecodes proves the codes are real: zbarimg (Debian zbar-tools) reads them back.
func TestZbarDecodes(t *testing.T) {
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Skip("zbarimg not installed (Debian package zbar-tools): skipping decode check")
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		s     string
		level Level
	}{
		{"https://rollcall.example/activate?code=ABCD-EFGH", M},
		{text(150), L},
		{text(400), H},
		{"x", Q},
	} {
		c, err := Encode(tc.s, tc.level)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, fmt.Sprintf("v%d.png", c.Version))
		writePNG(t, path, c)
		out, err := exec.Command(zbar, "--quiet", "--raw", "-Sbinary", path).Output()
		if err != nil {
			t.Fatalf("zbarimg version %d: %v", c.Version, err)
		}
		if got := strings.TrimSuffix(string(out), "\n"); got != tc.s {
			t.Errorf("version %d decoded %q, want %q", c.Version, got, tc.s)
		}
	}
}

func writePNG(t *testing.T, path string, c *Code) {
	t.Helper()
	const scale, quiet = 4, 4
	side := (c.Size + 2*quiet) * scale
	img := image.NewGray(image.Rect(0, 0, side, side))
	for y := 0; y < side; y++ {
		for x := 0; x < side; x++ {
			v := color.Gray{Y: 255}
			if c.Dark(x/scale-quiet, y/scale-quiet) {
				v.Y = 0
			}
			img.SetGray(x, y, v)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkEncodeURL(b *testing.B) {
	b.ReportAllocs()
	var e Encoder
	var c Code
	for i := 0; b.Loop(); i++ {
		s := fmt.Sprintf("https://rollcall.example/activate?code=AB%06d", i)
		if err := e.Encode(s, M, &c); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPackedPenaltyMatchesBytePenalty checks the word-operation scoring against the plain
// module-by-module scoring on random matrices and on real codes.
func TestPackedPenaltyMatchesBytePenalty(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		size := 21 + 4*rng.IntN(11)
		m := make([]byte, size*size)
		for j := range m {
			// Biased noise gives long runs and finder look-alikes, not just checkerboards.
			if rng.IntN(100) < 30+i%40 {
				m[j] = 1
			}
		}
		if i%3 == 0 { // plant a finder-like pattern in row 0
			copy(m[size-11:size], []byte{0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1})
		}
		rows, cols := packLines(m, size)
		if got, want := penaltyPacked(rows, cols, size), penalty(m, size); got != want {
			t.Fatalf("matrix %d (size %d): packed %d, bytes %d", i, size, got, want)
		}
	}
}

// FuzzEncode: any text either is too long or gives a well-formed matrix with its three
// finder patterns and the dark module where the standard puts them.
func FuzzEncode(f *testing.F) {
	f.Add("hello", uint8(0))
	f.Add(strings.Repeat("é", 700), uint8(3))
	f.Fuzz(func(t *testing.T, s string, level uint8) {
		l := Level(level % 4)
		c, err := Encode(s, l)
		if errors.Is(err, ErrTooLong) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if c.Size != 4*c.Version+17 || len(c.modules) != c.Size*c.Size {
			t.Fatalf("version %d size %d modules %d", c.Version, c.Size, len(c.modules))
		}
		for _, p := range [][2]int{{0, 0}, {6, 6}, {c.Size - 1, 0}, {0, c.Size - 1}, {3, 3}, {8, c.Size - 8}} {
			if !c.Dark(p[0], p[1]) {
				t.Fatalf("module %v should be dark", p)
			}
		}
	})
}
