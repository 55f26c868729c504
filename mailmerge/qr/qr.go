// Package qr encodes text as a QR Code (ISO/IEC 18004, byte mode, versions 1 to 40) and returns
// the module matrix, nothing else: drawing is the caller's job.
//
// It exists because printing 100,000 login cards needs 100,000 codes in a few seconds, and the
// general-purpose encoder we had costs over a millisecond a code. An Encoder caches, per
// version, everything that does not depend on the data (function patterns, the data module
// order, the mask patterns), so one code costs a few tens of microseconds and no allocation.
package qr

import (
	"errors"
	"fmt"
)

// Level is the error correction level: the share of the code that may be damaged.
type Level uint8

// The error correction levels, from least to most robust.
const (
	L Level = iota // about 7% recoverable
	M              // about 15%
	Q              // about 25%
	H              // about 30%
)

// ErrTooLong is returned when the text does not fit in a version 40 code at the level.
var ErrTooLong = errors.New("qr: text too long for a QR code")

// Code is an encoded QR code: a Size×Size matrix of modules, without the quiet zone.
type Code struct {
	// Size is the number of modules on each side (21 for version 1, 4 more per version).
	Size    int
	Version int
	Mask    int
	modules []byte // row-major, 1 = dark
}

// Dark reports whether the module at column x, row y is dark. Out-of-range modules are light,
// as the quiet zone is.
func (c *Code) Dark(x, y int) bool {
	if x < 0 || y < 0 || x >= c.Size || y >= c.Size {
		return false
	}
	return c.modules[y*c.Size+x] != 0
}

// Row returns row y as Size bytes, 1 for dark. The slice belongs to the code: read it only.
func (c *Code) Row(y int) []byte { return c.modules[y*c.Size : (y+1)*c.Size] }

// Encode encodes text in byte mode (UTF-8, no ECI header, as phone readers expect) at the
// smallest version that holds it. It allocates; printing many codes should reuse an Encoder.
func Encode(text string, level Level) (*Code, error) {
	var e Encoder
	c := &Code{}
	if err := e.Encode(text, level, c); err != nil {
		return nil, err
	}
	return c, nil
}

// Encoder encodes many codes without allocating: it keeps per-version tables and scratch
// buffers. The zero value is ready to use. An Encoder is not safe for concurrent use; give
// each goroutine its own.
type Encoder struct {
	gf        *gf
	versions  [41]*versionTables
	divisors  map[int][]byte
	data      []byte // data codewords
	codewords []byte // interleaved data and error correction codewords
	ecc       []byte
	trial     []byte
	words     []uint64
}

// Encode encodes text at level into dst, reusing dst's storage.
func (e *Encoder) Encode(text string, level Level, dst *Code) error {
	if level > H {
		return fmt.Errorf("qr: invalid level %d", level)
	}
	ver := chooseVersion(len(text), level)
	if ver == 0 {
		return ErrTooLong
	}
	if e.gf == nil {
		e.gf = newGF()
		e.divisors = make(map[int][]byte)
	}
	vt := e.versions[ver]
	if vt == nil {
		vt = newVersionTables(ver)
		e.versions[ver] = vt
	}
	e.encodeData(text, ver, level)
	e.addErrorCorrection(ver, level)

	n := vt.size * vt.size
	dst.Size, dst.Version = vt.size, ver
	dst.modules = grow(dst.modules, n)
	copy(dst.modules, vt.base)
	for i, idx := range vt.order[:len(e.codewords)*8] {
		dst.modules[idx] = (e.codewords[i>>3] >> (7 - uint(i&7))) & 1
	}
	dst.Mask = e.bestMask(vt, dst.modules, level)
	applyMask(dst.modules, vt.masks[dst.Mask])
	vt.drawFormat(dst.modules, level, dst.Mask)
	return nil
}

// chooseVersion returns the smallest version holding n bytes at level, or 0.
func chooseVersion(n int, level Level) int {
	for ver := 1; ver <= 40; ver++ {
		countBits := 8
		if ver >= 10 {
			countBits = 16
		}
		if 4+countBits+8*n <= dataCodewords(ver, level)*8 {
			return ver
		}
	}
	return 0
}

// encodeData writes the byte-mode segment, terminator and padding into e.data.
func (e *Encoder) encodeData(text string, ver int, level Level) {
	capacity := dataCodewords(ver, level)
	e.data = grow(e.data, capacity)
	clear(e.data)
	w := bitWriter{buf: e.data}
	w.write(4, 4) // byte mode indicator 0100
	if ver >= 10 {
		w.write(uint32(len(text)), 16)
	} else {
		w.write(uint32(len(text)), 8)
	}
	for i := 0; i < len(text); i++ {
		w.write(uint32(text[i]), 8)
	}
	// The terminator (up to 4 zero bits) and the padding to a byte are zeros already.
	next := (w.n + 4 + 7) / 8
	if next > capacity {
		next = capacity
	}
	for i, pad := next, byte(0xEC); i < capacity; i++ {
		e.data[i] = pad
		pad ^= 0xEC ^ 0x11
	}
}

// addErrorCorrection splits e.data into blocks, computes each block's error correction
// codewords and interleaves everything into e.codewords.
func (e *Encoder) addErrorCorrection(ver int, level Level) {
	blocks := int(numBlocks[level][ver])
	eccLen := int(eccPerBlock[level][ver])
	raw := rawDataModules(ver) / 8
	short := blocks - raw%blocks
	shortData := raw/blocks - eccLen
	div := e.divisors[eccLen]
	if div == nil {
		div = e.gf.divisor(eccLen)
		e.divisors[eccLen] = div
	}
	e.codewords = grow(e.codewords, raw)
	e.ecc = grow(e.ecc, blocks*eccLen)
	dataLen := len(e.data)
	// Data codewords: column i of every block, skipping the short blocks' missing last one.
	off := 0
	for b := 0; b < blocks; b++ {
		n := shortData
		if b >= short {
			n++
		}
		block := e.data[off : off+n]
		e.gf.remainder(block, div, e.ecc[b*eccLen:(b+1)*eccLen])
		for i, c := range block {
			pos := i * blocks
			if i == shortData { // only long blocks reach here
				pos = shortData*blocks + (b - short)
			} else {
				pos += b
			}
			e.codewords[pos] = c
		}
		off += n
	}
	for i := 0; i < eccLen; i++ {
		for b := 0; b < blocks; b++ {
			e.codewords[dataLen+i*blocks+b] = e.ecc[b*eccLen+i]
		}
	}
}

// bitWriter appends bits, most significant first, to a zeroed buffer.
type bitWriter struct {
	buf []byte
	n   int
}

func (w *bitWriter) write(v uint32, bits int) {
	for i := bits - 1; i >= 0; i-- {
		if v>>uint(i)&1 != 0 {
			w.buf[w.n>>3] |= 0x80 >> uint(w.n&7)
		}
		w.n++
	}
}

func grow(b []byte, n int) []byte {
	if cap(b) < n {
		return make([]byte, n)
	}
	return b[:n]
}
