package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPrintable(t *testing.T) {
	cases := []struct{ in, value, text string }{
		{"Élodie Martin", "Élodie Martin", "Élodie Martin"},
		{"\x1b[31mRed\x1b[0m", "␛[31mRed␛[0m", "␛[31mRed␛[0m"},
		{"a\nb\tc\rd", "a␊b␉c␍d", "a\nb\tc\rd"},
		{"bell\x07 del\x7f", "bell␇ del␡", "bell␇ del␡"},
		{"csi\u009b2J", "csi\uFFFD2J", "csi\uFFFD2J"},
		{"bidi\u202egnp.exe", "bidi\uFFFDgnp.exe", "bidi\uFFFDgnp.exe"},
		{"bad\xffutf8", "bad\uFFFDutf8", "bad\uFFFDutf8"},
		{"\x1b]52;c;aGk=\x07", "␛]52;c;aGk=␇", "␛]52;c;aGk=␇"},
	}
	for _, c := range cases {
		if got := Printable(c.in); got != c.value {
			t.Errorf("Printable(%q) = %q, want %q", c.in, got, c.value)
		}
		if got := PrintableText(c.in); got != c.text {
			t.Errorf("PrintableText(%q) = %q, want %q", c.in, got, c.text)
		}
	}
}

func FuzzPrintable(f *testing.F) {
	for _, s := range []string{"", "Marie", "\x1b[2J", "\u009b", "a\nb", "\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Printable(s), PrintableText(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("output %q is not valid UTF-8", out)
			}
			for _, r := range out {
				if r == 0x1b || r == 0x9b || r == 0x07 || r == 0x7f || (r >= 0x202a && r <= 0x202e) {
					t.Fatalf("%q kept %U", s, r)
				}
			}
		}
		if strings.ContainsAny(Printable(s), "\n\r\t") {
			t.Fatalf("Printable(%q) kept a layout character", s)
		}
	})
}
