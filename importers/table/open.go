package table

import (
	"bytes"
	"encoding/binary"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Text is a delimited text file whose encoding and separator are known: a first reading went
// through all of it, so the encoding is decided on the whole file (see Decode), never on its
// head. Its rows are read by another reading, as a stream (Rows): the file is never held.
type Text struct {
	Name     string // as given
	Encoding Encoding
	Comma    rune
	Binary   bool // NUL bytes in its first kilobytes: some other kind of document
	lines    int
	open     func() (io.ReadCloser, error)
}

// OpenText reads the file open gives through once, to decide its encoding and separator and
// count its lines, keeping only its head. open is called again for each Rows.
func OpenText(name string, open func() (io.ReadCloser, error)) (*Text, error) {
	rc, err := open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var c checker
	if err := c.read(rc); err != nil {
		return nil, err
	}
	t := &Text{Name: name, Encoding: c.encoding(), lines: c.lines, open: open}
	head := decodeHead(c.head, t.Encoding)
	t.Comma, t.Binary = DetectDelimiter(head), Binary(head)
	return t, nil
}

// NewText is OpenText over bytes in memory.
func NewText(name string, raw []byte) *Text {
	t, _ := OpenText(name, func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(raw)), nil })
	return t
}

// Lines estimates the rows of the text, to size what is built from them.
func (t *Text) Lines() int { return t.lines + 1 }

// Rows opens the text again and returns a reader of its rows, decoded to UTF-8. A file that
// cannot be opened again gives no rows, and the reader's Err says why. Close it when the reading
// stops before the end.
func (t *Text) Rows() *Reader {
	rc, err := t.open()
	if err != nil {
		r := NewReader(bytes.NewReader(nil), t.Comma)
		r.err = err
		return r
	}
	var src io.Reader = rc
	switch t.Encoding {
	case UTF8BOM:
		io.ReadFull(rc, make([]byte, 3))
	case UTF16:
		src = transform.NewReader(rc, unicode.BOMOverride(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder()))
	case Windows1252:
		src = transform.NewReader(rc, charmap.Windows1252.NewDecoder())
	}
	r := NewReader(src, t.Comma)
	r.closer = rc
	return r
}

// checkHead is how much of a file the first reading keeps, to find its separator (in the first
// line) and tell a binary file: a header row is never this long.
const checkHead = 64 << 10

// checker is the first reading of a text file: what Decode needs to decide its encoding, taken
// as the file goes by.
type checker struct {
	head     []byte
	size     int64
	lines    int
	invalid  bool // bytes that are not UTF-8 were met
	utf8Char bool // a well-formed multi-byte UTF-8 character was met
}

func (c *checker) read(r io.Reader) error {
	buf := make([]byte, 256<<10)
	carry := 0 // bytes at buf's start left from the last read: a character cut in two
	for {
		n, err := r.Read(buf[carry:])
		fresh := buf[carry : carry+n]
		c.size += int64(n)
		c.lines += bytes.Count(fresh, []byte{'\n'})
		if room := checkHead - len(c.head); room > 0 {
			c.head = append(c.head, fresh[:min(room, n)]...)
		}
		done := err == io.EOF
		if err != nil && !done {
			return err
		}
		chunk := buf[:carry+n]
		cut := len(chunk)
		if !done {
			cut = cutRune(chunk)
		}
		c.look(chunk[:cut])
		if done {
			return nil
		}
		carry = copy(buf, chunk[cut:])
	}
}

// look takes in a piece of the file made of whole characters.
func (c *checker) look(b []byte) {
	if !c.invalid {
		if utf8.Valid(b) {
			c.utf8Char = c.utf8Char || !ascii(b)
			return
		}
		c.invalid = true
	}
	if !c.utf8Char {
		c.utf8Char = hasUTF8Char(b)
	}
}

// encoding is Decode's choice for the whole file.
func (c *checker) encoding() Encoding {
	h := c.head
	switch {
	case bytes.HasPrefix(h, []byte{0xEF, 0xBB, 0xBF}):
		return UTF8BOM
	case bytes.HasPrefix(h, []byte{0xFF, 0xFE}), bytes.HasPrefix(h, []byte{0xFE, 0xFF}):
		return UTF16
	case c.size%2 == 0 && looksUTF16LE(h[:len(h)&^1]):
		return UTF16
	case !c.invalid || c.utf8Char:
		return UTF8
	}
	return Windows1252
}

// decodeHead decodes a file's head in the encoding found for the whole file.
func decodeHead(h []byte, enc Encoding) string {
	switch enc {
	case UTF8BOM:
		return string(h[3:])
	case UTF16:
		return decodeUTF16(h[:len(h)&^1], unicode.LittleEndian)
	case Windows1252:
		out, _ := charmap.Windows1252.NewDecoder().Bytes(h)
		return string(out)
	}
	return string(h)
}

// cutRune returns where b stops being whole characters: before a multi-byte character whose
// last bytes are still to be read.
func cutRune(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return i
			}
			break
		}
	}
	return len(b)
}

// ascii reports whether b holds only ASCII bytes, eight at a time.
func ascii(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
