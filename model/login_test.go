package model

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestLoginBase(t *testing.T) {
	tests := []struct{ first, last, want string }{
		{"Élodie", "Lefèvre", "elodie.lefevre"},
		{"Jean-Marie", "Le Gall", "jean-marie.le-gall"},
		{"Jean Marie", "D'Artagnan", "jean-marie.d-artagnan"},
		{"Zoë", "Œuvray", "zoe.oeuvray"},
		{"  ", "Müller", "muller"},
		{"", "", "user"},
		{"李", "王", "user"},
	}
	for _, tt := range tests {
		if got := LoginBase(tt.first, tt.last); got != tt.want {
			t.Errorf("LoginBase(%q, %q) = %q, want %q", tt.first, tt.last, got, tt.want)
		}
	}
}

func TestUniqueLogin(t *testing.T) {
	taken := map[string]bool{"marie.dupont": true, "marie.dupont2": true}
	if got := UniqueLogin("marie.dupont", func(s string) bool { return taken[s] }); got != "marie.dupont3" {
		t.Errorf("got %q, want marie.dupont3", got)
	}
	if got := UniqueLogin("paul.roux", func(s string) bool { return taken[s] }); got != "paul.roux" {
		t.Errorf("got %q, want paul.roux", got)
	}
}

func TestNewCodeUsesOnlyTheAlphabet(t *testing.T) {
	// A source of all 0xff bytes is rejected by the sampler (255 >= 240); mixing in usable bytes
	// proves rejection sampling skips them instead of biasing.
	src := bytes.NewReader(append(bytes.Repeat([]byte{0xff}, 20), bytes.Repeat([]byte{0, 1, 2, 29}, 10)...))
	code, err := NewCode(src, 8)
	if err != nil {
		t.Fatal(err)
	}
	if code != "ABC9ABC9" {
		t.Errorf("code = %q, want ABC9ABC9", code)
	}
	for _, r := range code {
		if !strings.ContainsRune(CodeAlphabet, r) {
			t.Errorf("code %q has %q outside the alphabet", code, r)
		}
	}
}

func TestNormalizeAndFormatCode(t *testing.T) {
	if got := FormatCode("ABCDEFGH"); got != "ABCD-EFGH" {
		t.Errorf("FormatCode = %q", got)
	}
	if got := NormalizeCode(" abcd-efgh "); got != "ABCDEFGH" {
		t.Errorf("NormalizeCode = %q", got)
	}
}

func TestOneTimeCodeCheck(t *testing.T) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	c := OneTimeCode{ExpiresAt: now.Add(time.Hour)}
	if err := c.Check(now); err != nil {
		t.Errorf("fresh code refused: %v", err)
	}
	if err := c.Check(now.Add(time.Hour)); err != ErrCodeExpired {
		t.Errorf("expired code: got %v", err)
	}
	c.UsedAt = now
	if err := c.Check(now); err != ErrCodeUsed {
		t.Errorf("used code: got %v", err)
	}
}

func TestSignInThrottle(t *testing.T) {
	th := SignInThrottle{FreeAttempts: 3, Base: 2 * time.Second, Max: 10 * time.Second}
	last := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		failures int
		wait     time.Duration
	}{{0, 0}, {2, 0}, {3, 2 * time.Second}, {4, 4 * time.Second}, {5, 8 * time.Second}, {6, 10 * time.Second}, {50, 10 * time.Second}}
	for _, tt := range tests {
		got := th.BlockedUntil(tt.failures, last)
		if tt.wait == 0 {
			if !got.IsZero() {
				t.Errorf("%d failures: blocked until %v, want no block", tt.failures, got)
			}
			continue
		}
		if got.Sub(last) != tt.wait {
			t.Errorf("%d failures: wait %v, want %v", tt.failures, got.Sub(last), tt.wait)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in     string
		layout DateLayout
		want   string
		ok     bool
	}{
		{"13/08/2014", DMY, "2014-08-13", true},
		{"4/2/2000", MDY, "2000-04-02", true},
		{"2012-03-31", ISODate, "2012-03-31", true},
		{"2012-03-31T00:00:00Z", ISODate, "2012-03-31", true},
		{"31/02/2014", DMY, "", false},
		{"2014", DMY, "", false},
		{"1/1/14", DMY, "", false},
		{"", ISODate, "", false},
		{"aa/bb/cccc", DMY, "", false},
	}
	for _, tt := range tests {
		d, ok := ParseDate(tt.in, tt.layout)
		if ok != tt.ok || d.String() != tt.want {
			t.Errorf("ParseDate(%q) = %q,%v want %q,%v", tt.in, d, ok, tt.want, tt.ok)
		}
	}
}

func TestProfileRoundTrip(t *testing.T) {
	for _, p := range Profiles {
		got, ok := ParseProfile(p.String())
		if !ok || got != p {
			t.Errorf("ParseProfile(%q) = %v,%v", p.String(), got, ok)
		}
	}
	for in, want := range map[string]Profile{"Élève": Student, "ENSEIGNANT": Teacher, "Personnels": Staff, "guardian": Parent, "Invité": Guest} {
		if got, _ := ParseProfile(in); got != want {
			t.Errorf("ParseProfile(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestFoldAndAppendFoldAgree(t *testing.T) {
	for _, s := range []string{"Élodie LEFÈVRE", "Œuvray", "ß", "plain", "MiXeD ÄÖÜ", "李", ""} {
		if got := string(AppendFold([]byte("x"), s)); got != "x"+Fold(s) {
			t.Errorf("AppendFold(%q) = %q, want %q", s, got, "x"+Fold(s))
		}
	}
	if Fold("Élodie") != "elodie" || Fold("ŒUVRAY") != "oeuvray" {
		t.Errorf("Fold: %q %q", Fold("Élodie"), Fold("ŒUVRAY"))
	}
}
