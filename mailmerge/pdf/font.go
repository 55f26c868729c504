package pdf

import (
	"fmt"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Font is a TrueType font ready to embed whole (no subsetting) as a CIDFontType2 with
// Identity-H encoding: text is written as glyph ids, and a ToUnicode map lets readers
// (pdftotext, search, copy and paste) get the characters back. A Font is immutable once
// parsed and safe for concurrent use.
type Font struct {
	ttf        []byte
	name       string // PostScript name, as a PDF name
	unitsPerEm int
	ascent     int // font units, above the baseline
	descent    int // font units, below the baseline (negative)
	capHeight  int
	bbox       [4]int
	advances   []uint16 // per glyph, font units
	bmp        []uint16 // glyph id per rune below U+10000; 0 when missing
	unicode    []rune   // first rune mapped to each glyph, for ToUnicode; 0 when none
	fallback   uint16   // glyph drawn for runes the font lacks ('?')
}

// ParseFont reads a TrueType font. Only the Basic Multilingual Plane is mapped: that covers
// every script Rollcall's fonts have glyphs for.
func ParseFont(ttf []byte) (*Font, error) {
	sf, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("pdf: parse font: %w", err)
	}
	var b sfnt.Buffer
	upem := int(sf.UnitsPerEm())
	ppem := fixed.I(upem) // at this size, 26.6 values are font units × 64
	f := &Font{ttf: ttf, unitsPerEm: upem, name: "Font"}
	if n, err := sf.Name(&b, sfnt.NameIDPostScript); err == nil && n != "" {
		f.name = pdfName(n)
	}
	m, err := sf.Metrics(&b, ppem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("pdf: font metrics: %w", err)
	}
	f.ascent, f.descent, f.capHeight = m.Ascent.Round(), -m.Descent.Round(), m.CapHeight.Round()
	bounds, err := sf.Bounds(&b, ppem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("pdf: font bounds: %w", err)
	}
	f.bbox = [4]int{bounds.Min.X.Round(), -bounds.Max.Y.Round(), bounds.Max.X.Round(), -bounds.Min.Y.Round()}
	if err := f.readGlyphs(sf, &b, ppem); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *Font) readGlyphs(sf *sfnt.Font, b *sfnt.Buffer, ppem fixed.Int26_6) error {
	n := sf.NumGlyphs()
	f.advances = make([]uint16, n)
	for g := 0; g < n; g++ {
		adv, err := sf.GlyphAdvance(b, sfnt.GlyphIndex(g), ppem, font.HintingNone)
		if err != nil {
			return fmt.Errorf("pdf: glyph %d advance: %w", g, err)
		}
		f.advances[g] = uint16(adv.Round())
	}
	f.bmp = make([]uint16, 0x10000)
	f.unicode = make([]rune, n)
	for r := rune(0x20); r < 0x10000; r++ {
		if r >= 0xD800 && r < 0xE000 { // surrogates are not characters
			continue
		}
		g, err := sf.GlyphIndex(b, r)
		if err != nil || g == 0 || int(g) >= n {
			continue
		}
		f.bmp[r] = uint16(g)
		if f.unicode[g] == 0 {
			f.unicode[g] = r
		}
	}
	f.fallback = f.bmp['?']
	return nil
}

// Name returns the font's PostScript name.
func (f *Font) Name() string { return f.name }

// Glyph returns the glyph id drawing r, or the '?' glyph when the font lacks r.
func (f *Font) Glyph(r rune) uint16 {
	if r >= 0 && r < 0x10000 {
		if g := f.bmp[r]; g != 0 {
			return g
		}
	}
	return f.fallback
}

// Advance returns a glyph's advance width in font units.
func (f *Font) Advance(g uint16) int {
	if int(g) < len(f.advances) {
		return int(f.advances[g])
	}
	return 0
}

// UnitsPerEm returns the font's design grid: a glyph advance of UnitsPerEm is one em.
func (f *Font) UnitsPerEm() int { return f.unitsPerEm }

// Ascent returns the height above the baseline of the tallest letters, in font units.
func (f *Font) Ascent() int { return f.ascent }

// Descent returns the depth below the baseline (a negative number), in font units.
func (f *Font) Descent() int { return f.descent }

// Width returns the width of s set at size points.
func (f *Font) Width(s string, size float64) float64 {
	units := 0
	for _, r := range s {
		units += f.Advance(f.Glyph(r))
	}
	return float64(units) * size / float64(f.unitsPerEm)
}

// pdfName keeps the characters a PDF name may hold without escapes.
func pdfName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 0x7F && !strings.ContainsRune("()<>[]{}/%#", r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "Font"
	}
	return b.String()
}
