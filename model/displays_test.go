package model

import (
	"errors"
	"testing"
)

const testCatalog = `{"version": 1, "models": [
 {"prefix": "TBX", "name": "TeachBoard X", "vendor": "Acme", "product": "Classroom Suite", "digits": 8,
  "seats_per_display": 2, "term_months": 36, "max_displays": 500},
 {"prefix": "TBX65P", "name": "TeachBoard X65 Pro", "vendor": "Acme", "product": "Classroom Suite Pro", "digits": 6,
  "seats_per_display": 3, "term_months": 12, "renews": true, "max_displays": 100}
]}`

func mustCatalog(t *testing.T) *DisplayCatalog {
	t.Helper()
	c, err := ParseDisplayCatalog([]byte(testCatalog))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// serialWith returns body plus its check digit.
func serialWith(body string) string { return body + string(SerialCheckDigit(body)) }

func TestSerialCheckDigit(t *testing.T) {
	// Known values: the Luhn digit of 7992739871 is 3; letters read as 10–35 (A=10: "1","0").
	if got := SerialCheckDigit("7992739871"); got != '3' {
		t.Errorf("Luhn digit of 7992739871 = %c, want 3", got)
	}
	if SerialCheckDigit("A") != SerialCheckDigit("10") {
		t.Error("a letter must read as its two-digit value")
	}
	body := "TBX24110427"
	good := serialWith(body)
	// Every single wrong character is caught.
	for i := 0; i < len(good); i++ {
		for _, c := range []byte("0123456789") {
			if c == good[i] || i < 3 {
				continue
			}
			bad := good[:i] + string(c) + good[i+1:]
			if SerialCheckDigit(bad[:len(bad)-1]) == bad[len(bad)-1] {
				t.Errorf("typo %s of %s passes the check digit", bad, good)
			}
		}
	}
}

func TestLookupSerial(t *testing.T) {
	c := mustCatalog(t)
	good := serialWith("TBX24110427")
	pro := serialWith("TBX65P241104")
	tests := []struct {
		name, serial, model string
		want                ClaimProblem
	}{
		{"plain", good, "TeachBoard X", 0},
		{"typed loosely", "tbx-2411 0427-" + good[len(good)-1:], "TeachBoard X", 0},
		{"longest prefix wins", pro, "TeachBoard X65 Pro", 0},
		{"wrong check digit", good[:len(good)-1] + string('0'+(good[len(good)-1]-'0'+1)%10), "", SerialBadCheckDigit},
		{"unknown model", serialWith("ZZZ24110427"), "", SerialUnknownModel},
		{"too few digits", serialWith("TBX2411042"), "", SerialMalformed},
		{"letters in the digits", "TBX2411O4271", "", SerialMalformed},
		{"punctuation", "TBX#24110427", "", SerialMalformed},
		{"empty", " - ", "", ClaimEmpty},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, norm, err := c.LookupSerial(tc.serial)
			if got := problemOf(err); got != tc.want {
				t.Fatalf("problem = %v (%v), want %v", got, err, tc.want)
			}
			if tc.want == 0 && (m.Name != tc.model || norm != NormalizeSerial(tc.serial)) {
				t.Errorf("model %q serial %q", m.Name, norm)
			}
		})
	}
	m, norm, _ := c.LookupSerial(good)
	if got := m.FormatSerial(norm); got != "TBX-2411-0427-"+good[len(good)-1:] {
		t.Errorf("FormatSerial = %q", got)
	}
	if err := m.CheckDisplays(501); problemOf(err) != DisplaysCount {
		t.Errorf("501 displays: %v", err)
	}
	if err := m.CheckDisplays(500); err != nil {
		t.Errorf("500 displays: %v", err)
	}
}

func TestParseDisplayCatalogRefusesBadModels(t *testing.T) {
	bad := []string{
		`{"version": 2, "models": []}`,
		`not json`,
		`{"version": 1, "models": [{"prefix": "T1", "product": "P", "digits": 8, "seats_per_display": 1, "term_months": 1, "max_displays": 1}]}`,
		`{"version": 1, "models": [{"prefix": "TB", "product": "", "digits": 8, "seats_per_display": 1, "term_months": 1, "max_displays": 1}]}`,
		`{"version": 1, "models": [{"prefix": "TB", "product": "P", "digits": 8, "seats_per_display": 0, "term_months": 1, "max_displays": 1}]}`,
		`{"version": 1, "models": [{"prefix": "TB", "product": "P", "digits": 8, "seats_per_display": 1, "term_months": 1, "max_displays": 1},
		  {"prefix": "tb", "product": "Q", "digits": 8, "seats_per_display": 1, "term_months": 1, "max_displays": 1}]}`,
	}
	for i, s := range bad {
		if _, err := ParseDisplayCatalog([]byte(s)); !errors.Is(err, ErrInvalid) {
			t.Errorf("catalogue %d accepted: %v", i, err)
		}
	}
}

func FuzzLookupSerial(f *testing.F) {
	c, err := ParseDisplayCatalog([]byte(testCatalog))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(serialWith("TBX24110427"))
	f.Add("tbx-2411-0427-3")
	f.Add("TBX65P2411040")
	f.Fuzz(func(t *testing.T, s string) {
		m, norm, err := c.LookupSerial(s)
		if err != nil {
			var ce *ClaimCodeError
			if !errors.As(err, &ce) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		// An accepted serial has the model's prefix, its digits and a valid check digit, and
		// reads the same once formatted.
		if SerialCheckDigit(norm[:len(norm)-1]) != norm[len(norm)-1] || len(norm) != len(m.Prefix)+m.Digits+1 {
			t.Fatalf("accepted %q as %q", s, norm)
		}
		if _, again, err := c.LookupSerial(m.FormatSerial(norm)); err != nil || again != norm {
			t.Fatalf("formatted %q does not read back: %v", m.FormatSerial(norm), err)
		}
	})
}
