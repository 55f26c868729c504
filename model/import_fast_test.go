package model

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// CleanName's shortcut for names already clean gives what folding the white space gives.
func TestCleanNameShortcutAgrees(t *testing.T) {
	for _, s := range []string{"", " ", "Léa", "Léa Martin", " Léa", "Léa ", "Léa  Martin", "Léa\tMartin", "Léa\u00a0Martin",
		"Jean-Marie", "a\u2003b", "\u0085x", "bad\xffbyte", "x\ny", "é é é", "  "} {
		if got, want := CleanName(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCleanName(f *testing.F) {
	f.Add("Léa  Martin ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CleanName(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestDateStringAsISO(t *testing.T) {
	for _, d := range []Date{{2026, time.March, 9}, {1, 1, 1}, {9999, 12, 31}, {10000, 1, 1}, {-5, 1, 1}, {2026, 13, 45}, {2026, 100, 1}} {
		if got, want := d.String(), fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day); got != want {
			t.Errorf("%#v.String() = %q, want %q", d, got, want)
		}
	}
	if (Date{}).String() != "" {
		t.Error("an unknown date is not empty")
	}
}

// loginBaseByRunes is LoginBase as it was first written, rune by rune through Fold: the oracle
// of the one-allocation version.
func loginBaseByRunes(first, last string) string {
	part := func(s string) string {
		var b strings.Builder
		hyphen := false
		for _, r := range Fold(s) {
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
	f, l := part(first), part(last)
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

func FuzzLoginBaseAsByRunes(f *testing.F) {
	f.Add("Jean-Marie", "D’Artagnan")
	f.Add("", "Œuvray")
	f.Add("a-----------------------------------------b", "x")
	f.Fuzz(func(t *testing.T, first, last string) {
		if got, want := LoginBase(first, last), loginBaseByRunes(first, last); got != want {
			t.Errorf("LoginBase(%q, %q) = %q, want %q", first, last, got, want)
		}
	})
}

func TestLoginBaseAsByRunes(t *testing.T) {
	long := strings.Repeat("abcdefghi-", 6)
	for _, n := range [][2]string{{"Jean-Marie", "D’Artagnan"}, {long, long}, {"ÉLODIE", ""}, {"", "  Müller "}, {"李", "王"},
		{"x" + strings.Repeat("é", 80), "ß"}, {"bad\xff", "\xe2\x80"}, {"a.b_c'd", "e"}, {strings.Repeat("a", 39) + "-b", "c"}} {
		if got, want := LoginBase(n[0], n[1]), loginBaseByRunes(n[0], n[1]); got != want {
			t.Errorf("LoginBase(%q, %q) = %q, want %q", n[0], n[1], got, want)
		}
	}
}
