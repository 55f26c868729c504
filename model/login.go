package model

import (
	"strconv"
	"strings"
)

// LoginBase builds the login stem "firstname.lastname": lower case, accents removed, letters and
// digits kept, spaces and apostrophes turned into hyphens inside a name ("Jean-Marie" and
// "Jean Marie" both give "jean-marie"). It falls back to "user" when nothing usable is left.
func LoginBase(first, last string) string {
	f, l := loginPart(first), loginPart(last)
	switch {
	case f != "" && l != "":
		return f + "." + l
	case f != "":
		return f
	case l != "":
		return l
	}
	return "user"
}

func loginPart(s string) string {
	s = Fold(s)
	var b strings.Builder
	hyphen := false
	for _, r := range s {
		switch {
		case ('a' <= r && r <= 'z') || ('0' <= r && r <= '9'):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '\'' || r == '’' || r == '_' || r == '.':
			hyphen = true
		}
	}
	out := b.String()
	if len(out) > 40 {
		out = strings.TrimRight(out[:40], "-")
	}
	return out
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
