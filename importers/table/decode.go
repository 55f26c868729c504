package table

import (
	"bytes"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names the character set a text file was written in, as Detect reports it.
type Encoding string

// The encodings school exports arrive in.
const (
	UTF8        Encoding = "utf-8"
	UTF8BOM     Encoding = "utf-8-bom"
	UTF16       Encoding = "utf-16"
	Windows1252 Encoding = "windows-1252"
)

// Decode returns raw as UTF-8 text and the encoding it found, one for the whole file. A BOM
// means UTF-8 or UTF-16 (and is dropped); UTF-16 without a BOM is recognised by its NUL bytes;
// otherwise valid UTF-8 is UTF-8, a file with no UTF-8 character at all is Windows-1252 (the
// superset of Latin-1 that has Œ and €, which Excel and the ENT write on French Windows), and a
// file with both — UTF-8 characters and bytes that are not UTF-8, a Windows-1252 line pasted
// into a UTF-8 file — is UTF-8 whose bad bytes become U+FFFD, which the row checks refuse at
// their line and column (BadRune) rather than letting one line turn the others to mojibake.
// No statistical guessing: it would only add wrong answers on short files.
//
// Decode is the rule over bytes in memory; OpenText applies it to a file read as a stream,
// deciding on a first reading of all of it (FuzzText holds the two to one answer). UTF-8 text
// is not copied: the string shares raw's bytes, which must not change while it is in use.
func Decode(raw []byte) (string, Encoding) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		// A BOM promises UTF-8; bytes that break the promise become U+FFFD, refused where they are.
		if utf8.Valid(raw[3:]) {
			return shared(raw[3:]), UTF8BOM
		}
		return strings.ToValidUTF8(string(raw[3:]), "\uFFFD"), UTF8BOM
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return decodeUTF16(raw, unicode.LittleEndian), UTF16
	case looksUTF16LE(raw):
		return decodeUTF16(raw, unicode.LittleEndian), UTF16
	case utf8.Valid(raw):
		return shared(raw), UTF8
	case hasUTF8Char(raw):
		return strings.ToValidUTF8(string(raw), "\uFFFD"), UTF8
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil { // cannot happen for a single-byte charmap; keep the bytes readable anyway
		return string(bytes.ToValidUTF8(raw, []byte("\uFFFD"))), Windows1252
	}
	return string(out), Windows1252
}

// decodeUTF16 honours a BOM when present and falls back to the given byte order.
func decodeUTF16(raw []byte, order unicode.Endianness) string {
	dec := unicode.BOMOverride(unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder())
	out, _, err := transform.Bytes(dec, raw)
	if err != nil {
		return string(bytes.ToValidUTF8(raw, []byte("\uFFFD")))
	}
	return string(out)
}

// looksUTF16LE spots BOM-less UTF-16LE text, whose ASCII letters are followed by NUL bytes.
func looksUTF16LE(raw []byte) bool {
	if len(raw) < 4 || len(raw)%2 != 0 {
		return false
	}
	n := min(len(raw), 64)
	zeros := 0
	for i := 1; i < n; i += 2 {
		if raw[i] == 0 && raw[i-1] != 0 {
			zeros++
		}
	}
	return zeros*2 >= n/2 // most of the sampled pairs are "X\x00"
}

// Binary reports whether text holds NUL bytes, which no roster text file has: such a file is
// some other kind of document and is refused before any row is read.
func Binary(text string) bool {
	n := min(len(text), 8192)
	for i := 0; i < n; i++ {
		if text[i] == 0 {
			return true
		}
	}
	return false
}

// shared returns raw as a string without copying it.
func shared(raw []byte) string {
	if len(raw) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(raw), len(raw))
}

// hasUTF8Char reports whether raw holds a well-formed multi-byte UTF-8 character. Windows-1252
// text almost never does: its accented letters are single bytes, and a UTF-8 sequence needs a
// lead byte followed by the right number of continuation bytes.
func hasUTF8Char(raw []byte) bool {
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r != utf8.RuneError || size > 1 {
			return true
		}
		i++
	}
	return false
}

// BadRune returns the first character of s that must not reach a name, a terminal or the
// store: a control character other than tab and line breaks (NUL, ESC, DEL, the C1 controls
// U+0080–U+009F) or U+FFFD, what a byte that was not in the file's encoding decoded to. It scans
// bytes, so clean text costs one comparison a byte.
func BadRune(s string) (rune, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20:
			if c != '\t' && c != '\n' && c != '\r' {
				return rune(c), true
			}
		case c == 0x7f:
			return 0x7f, true
		case c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F:
			return rune(s[i+1]), true // U+0080–U+009F
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && s[i+2] == 0xBD:
			return utf8.RuneError, true
		}
	}
	return 0, false
}
