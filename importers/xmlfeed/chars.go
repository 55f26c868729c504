package xmlfeed

import (
	"bytes"
	"unicode/utf8"
)

// special marks the bytes text cannot take as they are: controls (but tab, LF, CR), '&', ']',
// and those past ASCII, whose UTF-8 must be checked.
var special = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '&' || c == ']' || c >= utf8.RuneSelf
	}
	return t
}()

// plain returns the length of the run of t's first bytes that need no closer look: most of a
// feed's text (the indentation between tags, names, ids) is all of it.
func plain(t []byte) int {
	i := 0
	for i+4 <= len(t) && !special[t[i]] && !special[t[i+1]] && !special[t[i+2]] && !special[t[i+3]] {
		i += 4
	}
	for i < len(t) && !special[t[i]] {
		i++
	}
	return i
}

// validRefs reports whether every '&' of v starts an entity or character reference unescape
// knows, without building the text.
func validRefs(v []byte) bool {
	for {
		i := bytes.IndexByte(v, '&')
		if i < 0 {
			return true
		}
		v = v[i+1:]
		semi := bytes.IndexByte(v, ';')
		if semi <= 0 {
			return false
		}
		switch ref := v[:semi]; string(ref) {
		case "lt", "gt", "amp", "apos", "quot":
		default:
			if _, ok := charRef(ref); !ok {
				return false
			}
		}
		v = v[semi+1:]
	}
}

// badChar returns the index of the first character XML forbids (controls but tab, LF, CR,
// U+FFFE, U+FFFF, and bytes that are not UTF-8).
func badChar(t []byte) int {
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(t[i:])
		if r == utf8.RuneError && size == 1 || !inCharRange(r) {
			return i
		}
		i += size
	}
	return -1
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// nameLen is the length of the XML name b starts with: a letter or '_', then those, digits,
// '-', '.' and ':'. It is narrower than XML allows on purpose: school exports name their
// elements in ASCII, and a name this accepts is one encoding/xml accepts too.
func nameLen(b []byte) int {
	if len(b) == 0 || nameByte[b[0]] != nameStart {
		return 0
	}
	i := 1
	for i < len(b) && nameByte[b[i]] != 0 {
		i++
	}
	return i
}

// The bytes of a name: those that may start one, and those that may only follow.
const (
	nameStart = 1 + iota
	nameNext
)

var nameByte = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
			t[c] = nameStart
		case c >= '0' && c <= '9', c == '-', c == '.', c == ':':
			t[c] = nameNext
		}
	}
	return t
}()
