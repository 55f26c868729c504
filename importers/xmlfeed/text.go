package xmlfeed

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Decode returns raw as UTF-8. The bytes decide, not the declaration, which exports get wrong
// both ways (ISO-8859-15 declared over UTF-8 bytes, UTF-8 declared over Latin-9 ones): a BOM
// means UTF-8 or UTF-16, valid UTF-8 is UTF-8 (and returned without a copy), and anything else
// is decoded as the declaration says when it names ISO-8859-15, else as Windows-1252 (which
// reads ISO-8859-1 too).
func Decode(raw []byte) []byte {
	enc := charsetOf(raw)
	if enc == nil {
		return raw
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil { // a UTF-16 file cut in the middle of a character
		out, _ = charmap.Windows1252.NewDecoder().Bytes(raw)
	}
	return bytes.TrimPrefix(out, []byte("\xEF\xBB\xBF"))
}

// charsetOf says how to decode raw to UTF-8, or nil when it already is UTF-8 without a BOM.
func charsetOf(raw []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8BOM
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case utf8.Valid(raw):
		return nil
	}
	if strings.Contains(strings.ToUpper(Declared(raw)), "8859-15") {
		return charmap.ISO8859_15
	}
	return charmap.Windows1252
}

// Text returns the current text token with its entities replaced. The slice is reused by the
// next call: copy what you keep (String does).
func (s *Scanner) Text() []byte {
	if s.cdat {
		return s.text
	}
	if bytes.IndexByte(s.text, '&') < 0 {
		return s.text
	}
	var ok bool
	s.buf, ok = unescape(s.buf[:0], s.text)
	if !ok {
		s.fail("invalid character entity")
		return nil
	}
	return s.buf
}

// Attr returns the value of the current start tag's attribute called name.
func (s *Scanner) Attr(name string) (string, bool) {
	v, ok := s.AttrBytes(name)
	return string(v), ok
}

// AttrBytes is Attr without the copy: the value is good until the next call to Next or Text.
func (s *Scanner) AttrBytes(name string) ([]byte, bool) {
	t := s.tag
	for {
		i := skipSpace(t, 0)
		n := nameLen(t[i:])
		if n == 0 {
			return nil, false
		}
		key := t[i : i+n]
		k := skipSpace(t, i+n)
		k = skipSpace(t, k+1) // past '=', which tagEnd checked
		q := t[k]
		end := bytes.IndexByte(t[k+1:], q)
		v := t[k+1 : k+1+end]
		if string(key) == name {
			if bytes.IndexByte(v, '&') < 0 {
				return v, true
			}
			s.buf, _ = unescape(s.buf[:0], v)
			return s.buf, true
		}
		t = t[k+1+end+1:]
	}
}

// unescape appends v to dst with the five named entities and character references replaced.
// It reports false for an unknown entity, a bare '&' or a reference to a forbidden character.
func unescape(dst, v []byte) ([]byte, bool) {
	for {
		i := bytes.IndexByte(v, '&')
		if i < 0 {
			return append(dst, v...), true
		}
		dst = append(dst, v[:i]...)
		v = v[i+1:]
		semi := bytes.IndexByte(v, ';')
		if semi <= 0 {
			return dst, false
		}
		ref := v[:semi]
		v = v[semi+1:]
		switch string(ref) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "apos":
			dst = append(dst, '\'')
		case "quot":
			dst = append(dst, '"')
		default:
			r, ok := charRef(ref)
			if !ok {
				return dst, false
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
}

// charRef reads "#233" or "#xE9".
func charRef(ref []byte) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	base, digits := 10, ref[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	n := 0
	for _, c := range digits {
		var d int
		switch {
		case c >= '0' && c <= '9':
			d = int(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			d = int(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = int(c-'A') + 10
		default:
			return 0, false
		}
		n = n*base + d
	}
	r := rune(n)
	return r, n <= utf8.MaxRune && inCharRange(r)
}

// inCharRange is XML's Char production.
func inCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
