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
