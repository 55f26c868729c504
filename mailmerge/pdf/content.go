package pdf

import (
	"compress/zlib"
	"math"
	"strconv"
)

// Content builds a page content stream. Its methods append PDF operators to a buffer that is
// reused after Reset, so rendering thousands of pages allocates little. Coordinates are in
// points (1/72 inch) from the bottom-left corner unless a transform (Transform) is in force.
// A Content is not safe for concurrent use.
type Content struct {
	buf []byte
}

// Reset empties the content, keeping its storage.
func (c *Content) Reset() { c.buf = c.buf[:0] }

// Bytes returns the operators written so far. The slice is valid until the next call.
func (c *Content) Bytes() []byte { return c.buf }

// Raw appends pre-built operators, such as cut marks shared by every page.
func (c *Content) Raw(ops []byte) { c.buf = append(c.buf, ops...) }

// Save pushes the graphics state (q).
func (c *Content) Save() { c.buf = append(c.buf, "q\n"...) }

// Restore pops the graphics state (Q).
func (c *Content) Restore() { c.buf = append(c.buf, "Q\n"...) }

// Transform concatenates the matrix [a b c d e f] to the current transform (cm).
func (c *Content) Transform(a, b, cc, d, e, f float64) {
	c.nums(a, b, cc, d, e, f)
	c.buf = append(c.buf, "cm\n"...)
}

// FillGray sets the fill colour to a grey level, 0 black to 1 white (g).
func (c *Content) FillGray(v float64) {
	c.num(v)
	c.buf = append(c.buf, "g\n"...)
}

// StrokeGray sets the stroke colour to a grey level (G).
func (c *Content) StrokeGray(v float64) {
	c.num(v)
	c.buf = append(c.buf, "G\n"...)
}

// LineWidth sets the stroke width in points (w).
func (c *Content) LineWidth(v float64) {
	c.num(v)
	c.buf = append(c.buf, "w\n"...)
}

// Line strokes a straight segment (m l S).
func (c *Content) Line(x1, y1, x2, y2 float64) {
	c.nums(x1, y1)
	c.buf = append(c.buf, "m "...)
	c.nums(x2, y2)
	c.buf = append(c.buf, "l S\n"...)
}

// Rect adds a rectangle to the current path (re); Fill paints the path.
func (c *Content) Rect(x, y, w, h float64) {
	c.nums(x, y, w, h)
	c.buf = append(c.buf, "re\n"...)
}

// RectInt adds a rectangle with integer coordinates, the compact form used for QR modules
// drawn in a module-sized coordinate system.
func (c *Content) RectInt(x, y, w, h int) {
	c.buf = appendSmallInt(c.buf, x)
	c.buf = appendSmallInt(c.buf, y)
	c.buf = appendSmallInt(c.buf, w)
	c.buf = appendSmallInt(c.buf, h)
	c.buf = append(c.buf, "re\n"...)
}

// appendSmallInt appends v and a space; QR module coordinates are below 1000, and writing
// their digits directly is measurably faster than strconv on 25 million numbers.
func appendSmallInt(b []byte, v int) []byte {
	switch {
	case v >= 0 && v < 10:
		return append(b, byte('0'+v), ' ')
	case v >= 10 && v < 100:
		return append(b, byte('0'+v/10), byte('0'+v%10), ' ')
	}
	b = strconv.AppendInt(b, int64(v), 10)
	return append(b, ' ')
}

// Fill fills the current path with the non-zero rule (f).
func (c *Content) Fill() { c.buf = append(c.buf, "f\n"...) }

// BeginText starts a text object (BT).
func (c *Content) BeginText() { c.buf = append(c.buf, "BT\n"...) }

// EndText ends a text object (ET).
func (c *Content) EndText() { c.buf = append(c.buf, "ET\n"...) }

// SetFont selects a font resource (as returned by Writer.AddFont) and size (Tf).
func (c *Content) SetFont(resource string, size float64) {
	c.buf = append(c.buf, '/')
	c.buf = append(c.buf, resource...)
	c.buf = append(c.buf, ' ')
	c.num(size)
	c.buf = append(c.buf, "Tf\n"...)
}

// TextAt moves the text position to (x, y) in user space (Tm with an identity scale).
func (c *Content) TextAt(x, y float64) {
	c.buf = append(c.buf, "1 0 0 1 "...)
	c.nums(x, y)
	c.buf = append(c.buf, "Tm\n"...)
}

// ShowGlyphs draws glyph ids of the current (Identity-H) font at the text position (Tj).
// Ids go out as a binary literal string, two bytes each: half the size of hex, so less to
// compress.
func (c *Content) ShowGlyphs(glyphs []uint16) {
	c.buf = append(c.buf, '(')
	for _, g := range glyphs {
		c.buf = appendStringByte(c.buf, byte(g>>8))
		c.buf = appendStringByte(c.buf, byte(g))
	}
	c.buf = append(c.buf, ")Tj\n"...)
}

// appendStringByte appends b inside a literal string, escaping the delimiters, the escape
// character and line ends (which readers would normalise).
func appendStringByte(buf []byte, b byte) []byte {
	switch b {
	case '(', ')', '\\':
		return append(buf, '\\', b)
	case '\r':
		return append(buf, '\\', 'r')
	case '\n':
		return append(buf, '\\', 'n')
	}
	return append(buf, b)
}

func (c *Content) nums(vs ...float64) {
	for _, v := range vs {
		c.num(v)
	}
}

// num appends v with at most 3 decimals and a trailing space. 1/1000 pt is far below what a
// printer resolves, and short numbers keep 100,000-card files small.
func (c *Content) num(v float64) {
	c.buf = AppendNumber(c.buf, v)
	c.buf = append(c.buf, ' ')
}

// AppendNumber appends v as a PDF real with at most 3 decimals, without exponent or
// trailing zeros. Non-finite values are written as 0 rather than producing a broken file.
func AppendNumber(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, '0')
	}
	n := int64(math.Round(v * 1000))
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/1000, 10)
	if frac := n % 1000; frac != 0 {
		digits := [3]byte{byte('0' + frac/100), byte('0' + frac/10%10), byte('0' + frac%10)}
		end := 3
		for digits[end-1] == '0' {
			end--
		}
		b = append(b, '.')
		b = append(b, digits[:end]...)
	}
	return b
}

// Deflater compresses content streams (zlib format, as FlateDecode expects) with a reused
// writer. Fastest compression is
// the right trade: it shrinks QR-heavy card pages about 4 times at a fraction of the cost of
// the default level. A Deflater is not safe for concurrent use.
type Deflater struct {
	fw  *zlib.Writer
	out sliceWriter
}

// Deflate returns a newly allocated compressed copy of p, to hand to Writer.WritePage.
func (d *Deflater) Deflate(p []byte) []byte {
	d.out = sliceWriter(make([]byte, 0, len(p)/3+64))
	if d.fw == nil {
		d.fw, _ = zlib.NewWriterLevel(&d.out, zlib.BestSpeed) // only fails on a bad level
	} else {
		d.fw.Reset(&d.out)
	}
	_, _ = d.fw.Write(p) // writes to a slice cannot fail
	_ = d.fw.Close()
	return d.out
}

type sliceWriter []byte

func (s *sliceWriter) Write(p []byte) (int, error) {
	*s = append(*s, p...)
	return len(p), nil
}
