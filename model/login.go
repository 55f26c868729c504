package model

import (
	"strconv"
	"unicode/utf8"
)

// LoginBase builds the login stem "firstname.lastname": lower case, accents removed, letters and
// digits kept, spaces and apostrophes turned into hyphens inside a name ("Jean-Marie" and
// "Jean Marie" both give "jean-marie"). It falls back to "user" when nothing usable is left.
func LoginBase(first, last string) string {
	// One allocation for the login: an import makes one a new user.
	var scratch [128]byte
	b := appendLoginPart(scratch[:0], first)
	if n := len(b); n > 0 {
		b = appendLoginPart(append(b, '.'), last)
		if len(b) == n+1 {
			b = b[:n] // no last name: the first alone
		}
	} else {
		b = appendLoginPart(b, last)
	}
	if len(b) == 0 {
		return "user"
	}
	return string(b)
}

// appendLoginPart appends one name's part of a login: folded, letters and digits kept, a hyphen
// for each run of separators between them, at most 40 bytes and never ending with a hyphen.
func appendLoginPart(dst []byte, s string) []byte {
	start := len(dst)
	var scratch [128]byte
	folded := AppendFold(scratch[:0], s)
	hyphen := false
	for i := 0; i < len(folded); {
		c := folded[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(folded[i:])
			if r == '’' {
				hyphen = true
			}
			i += size
			continue
		}
		i++
		switch {
		case ('a' <= c && c <= 'z') || ('0' <= c && c <= '9'):
			if hyphen && len(dst) > start {
				dst = append(dst, '-')
			}
			hyphen = false
			dst = append(dst, c)
		case c == ' ' || c == '-' || c == '\'' || c == '_' || c == '.':
			hyphen = true
		}
	}
	if len(dst)-start > 40 {
		dst = dst[:start+40]
		for len(dst) > start && dst[len(dst)-1] == '-' {
			dst = dst[:len(dst)-1]
		}
	}
	return dst
}

// UniqueLogin returns base, or base followed by the smallest number from 2 up that taken does
// not report, so that two "marie.dupont" become marie.dupont and marie.dupont2.
func UniqueLogin(base string, taken func(string) bool) string {
	if !taken(base) {
		return base
	}
	for n := 2; ; n++ {
		if c := base + strconv.Itoa(n); !taken(c) {
			return c
		}
	}
}
