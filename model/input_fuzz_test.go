package model

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzParseDate: a typed date never panics, and an accepted one prints back to a date that parses
// to the same value.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2014-08-13", "13/08/2014", "4/2/2000", "31/02/2014", "2012-03-31T00:00:00Z", "", "1/1/1", "9999-12-31"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, layout uint8) {
		d, ok := ParseDate(s, DateLayout(layout%3))
		if !ok {
			return
		}
		back, ok := ParseDate(d.String(), ISODate)
		if !ok || back != d {
			t.Fatalf("ParseDate(%q) = %v, which does not round-trip (%v)", s, d, back)
		}
	})
}

// FuzzNormalizeCode: what an admin types for a code normalises to upper-case letters and digits
// only, and a formatted code normalises back to itself.
func FuzzNormalizeCode(f *testing.F) {
	for _, s := range []string{"abcd-efgh", " ABCD EFGH ", "oil0", "ÉÉ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeCode(s)
		if strings.ContainsAny(n, " -\t") {
			t.Fatalf("NormalizeCode(%q) = %q keeps a separator", s, n)
		}
		if NormalizeCode(FormatCode(n)) != n {
			t.Fatalf("FormatCode(%q) does not normalise back", n)
		}
	})
}

// FuzzLoginBase: any name gives a login of lower-case ASCII letters, digits, dots and hyphens,
// never empty, never starting or ending with a separator.
func FuzzLoginBase(f *testing.F) {
	for _, s := range []string{"Élodie", "Jean-Marie", "D'Artagnan", "李", "", "  ", "--", "Œuvray"} {
		f.Add(s, "Lefèvre")
	}
	f.Fuzz(func(t *testing.T, first, last string) {
		l := LoginBase(first, last)
		if l == "" || !utf8.ValidString(l) {
			t.Fatalf("LoginBase(%q, %q) = %q", first, last, l)
		}
		for _, r := range l {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-') {
				t.Fatalf("LoginBase(%q, %q) = %q has %q", first, last, l, r)
			}
		}
		if strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") || strings.HasPrefix(l, ".") || strings.HasSuffix(l, ".") {
			t.Fatalf("LoginBase(%q, %q) = %q starts or ends with a separator", first, last, l)
		}
	})
}

// FuzzParseWords covers the other small things typed on a command line: ids, profiles and
// languages parse without panicking and round-trip when accepted.
func FuzzParseWords(f *testing.F) {
	for _, s := range []string{"12", "0", "-1", "élève", "Enseignant", "fr_FR.UTF-8", "English", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if id, ok := ParseID(s); ok {
			if back, ok := ParseID(id.String()); !ok || back != id || id == 0 {
				t.Fatalf("ParseID(%q) = %d does not round-trip", s, id)
			}
		}
		if p, ok := ParseProfile(s); ok {
			if back, ok := ParseProfile(p.String()); !ok || back != p {
				t.Fatalf("ParseProfile(%q) = %v does not round-trip", s, p)
			}
		}
		if l, ok := ParseLanguage(s); ok && !l.Valid() {
			t.Fatalf("ParseLanguage(%q) = %q, not a supported language", s, l)
		}
	})
}

// FuzzCleanFilterName: an accepted filter name is trimmed, short enough, free of control
// characters, and cleaning it again changes nothing.
func FuzzCleanFilterName(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		name, err := CleanFilterName(s)
		if err != nil {
			return
		}
		if name == "" || name != strings.TrimSpace(name) || utf8.RuneCountInString(name) > MaxFilterName || !utf8.ValidString(name) {
			t.Fatalf("CleanFilterName(%q) = %q", s, name)
		}
		if strings.ContainsFunc(name, unicode.IsControl) {
			t.Fatalf("CleanFilterName(%q) = %q keeps a control character", s, name)
		}
		if again, err := CleanFilterName(name); err != nil || again != name {
			t.Fatalf("cleaning %q again gives %q, %v", name, again, err)
		}
	})
}
