package table

import (
	"bytes"
	"strings"
	"unicode/utf8"

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

// Decode returns raw as UTF-8 text and the encoding it found. A BOM means UTF-8 or UTF-16 (and
// is dropped); UTF-16 without a BOM is recognised by its NUL bytes; otherwise valid UTF-8 is
// UTF-8 and anything else is Windows-1252, the superset of Latin-1 that has Œ and €, which is
// what Excel and the ENT write on French Windows. No statistical guessing: it would only add
// wrong answers on short files.
func Decode(raw []byte) (string, Encoding) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		// A BOM promises UTF-8; bytes that break the promise become U+FFFD rather than
		// reaching names as invalid strings.
		return strings.ToValidUTF8(string(raw[3:]), "\uFFFD"), UTF8BOM
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return decodeUTF16(raw, unicode.LittleEndian), UTF16
	case looksUTF16LE(raw):
		return decodeUTF16(raw, unicode.LittleEndian), UTF16
	case utf8.Valid(raw):
		return string(raw), UTF8
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
