package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestValidEmail(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"marie.dupont@example.fr", true},
		{"a+tag@sub.example.org", true},
		{"élodie@école.fr", true},
		{"", false},
		{"no-at.example.fr", false},
		{"two@@example.fr", false},
		{"a@b@example.fr", false},
		{"@example.fr", false},
		{"marie@", false},
		{"marie@localhost", false},
		{"marie@example..fr", false},
		{"marie@-example.fr", false},
		{"marie dupont@example.fr", false},
		{".marie@example.fr", false},
		{"marie.@example.fr", false},
		{"ma..rie@example.fr", false},
		{"marie@1.2.3.4", false},
		{"marie@example.fr;", false},
		{strings.Repeat("a", 65) + "@example.fr", false},
	}
	for _, tt := range tests {
		if got := ValidEmail(tt.in); got != tt.want {
			t.Errorf("ValidEmail(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCheckAdminPassword(t *testing.T) {
	tests := []struct {
		pw    string
		rules []Rule
	}{
		{"abcdefg1", nil},
		{"Élodie2026", nil},
		{"abc1", []Rule{RulePasswordLength}},
		{"abcdefgh", []Rule{RulePasswordDigit}},
		{"12345678", []Rule{RulePasswordLetter}},
		{"", []Rule{RulePasswordLength, RulePasswordLetter, RulePasswordDigit}},
		{"éééééé1", []Rule{RulePasswordLength}}, // 7 runes, 13 bytes: length counts characters
	}
	for _, tt := range tests {
		errs := CheckAdminPassword("password", tt.pw)
		if len(errs) != len(tt.rules) {
			t.Errorf("%q: got %v, want rules %v", tt.pw, errs, tt.rules)
			continue
		}
		for i, e := range errs {
			if e.Rule != tt.rules[i] || e.Value != "" {
				t.Errorf("%q: error %d = %+v, want rule %s and no value echoed", tt.pw, i, e, tt.rules[i])
			}
		}
	}
}

// FuzzAdminPassword checks the policy against an independent statement of it, and that no
// error ever carries the password.
func FuzzAdminPassword(f *testing.F) {
	for _, s := range []string{"abcdefg1", "short1", "", "Élodie2026", "\x00\xff", "ßßßßßßß9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, pw string) {
		errs := CheckAdminPassword("password", pw)
		letters, digits := false, false
		for _, r := range pw {
			if strings.ContainsRune("0123456789", r) || (r > 127 && isDigitRune(r)) {
				digits = true
			}
			if isLetterRune(r) {
				letters = true
			}
		}
		n := utf8.RuneCountInString(pw)
		wantOK := n >= 8 && n <= PasswordMaxLength && letters && digits
		if (len(errs) == 0) != wantOK {
			t.Fatalf("CheckAdminPassword(%q) = %v, want ok=%v", pw, errs, wantOK)
		}
		for _, e := range errs {
			if e.Value != "" {
				t.Fatalf("error %q carries the password as its value", e.Error())
			}
		}
	})
}

// FuzzValidEmail checks invariants every accepted address must satisfy.
func FuzzValidEmail(f *testing.F) {
	for _, s := range []string{"marie.dupont@example.fr", "a@b.c", "@", "x@y", "é@é.fr", "a b@c.d", "a@b..c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !ValidEmail(s) {
			return
		}
		at := strings.LastIndexByte(s, '@')
		if strings.Count(s, "@") != 1 || at == 0 || !strings.Contains(s[at:], ".") {
			t.Fatalf("accepted %q without one @ and a dotted domain", s)
		}
		if strings.ContainsAny(s, " \t\r\n,;<>\"") || !utf8.ValidString(s) {
			t.Fatalf("accepted %q with a forbidden character", s)
		}
		if n := NormalizeEmail(s); !ValidEmail(n) {
			t.Fatalf("normalizing %q gave %q, which is refused", s, n)
		}
	})
}

func TestValidCountryKnowsTheAssignedCodes(t *testing.T) {
	for _, c := range []string{"FR", "fr", " be ", "GB", "ZW", "AX", "SS"} {
		if !ValidCountry(c) {
			t.Errorf("ValidCountry(%q) = false", c)
		}
	}
	for _, c := range []string{"XX", "ZZ", "UK", "EU", "F", "FRA", "é1", "", "R "} {
		if ValidCountry(c) {
			t.Errorf("ValidCountry(%q) = true, want a refusal", c)
		}
	}
	for _, c := range Countries {
		if !ValidCountry(c) {
			t.Errorf("the signup offers %s, which ValidCountry refuses", c)
		}
	}
}
