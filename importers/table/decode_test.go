package table

import (
	"testing"
	"unicode/utf16"
)

func utf16le(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func utf16be(s string) []byte {
	out := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

func TestDecode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		raw  []byte
		text string
		enc  Encoding
	}{
		{"utf-8", []byte("Prénom;Nom"), "Prénom;Nom", UTF8},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, "Prénom"...), "Prénom", UTF8BOM},
		{"windows-1252 oe and e acute", []byte{'C', 0x9C, 'u', 'r', ';', 0xC9, 'l', 'o', 'd', 'i', 'e', ';', 0x8C}, "Cœur;Élodie;Œ", Windows1252},
		{"utf-16le bom", utf16le("Prénom;Nom\r\n", true), "Prénom;Nom\r\n", UTF16},
		{"utf-16be bom", utf16be("Prénom;Nom"), "Prénom;Nom", UTF16},
		{"utf-16le without bom", utf16le("Nom;Prénom\r\nA;B", false), "Nom;Prénom\r\nA;B", UTF16},
		{"ascii", []byte("a,b"), "a,b", UTF8},
		{"empty", nil, "", UTF8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, enc := Decode(tc.raw)
			if text != tc.text || enc != tc.enc {
				t.Errorf("Decode = %q, %s; want %q, %s", text, enc, tc.text, tc.enc)
			}
		})
	}
}

func TestBinary(t *testing.T) {
	t.Parallel()
	if !Binary("PK\x03\x04\x00\x00") || Binary("a;b\n") {
		t.Error("Binary misjudged")
	}
}

func TestClean(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"Léa":               "Léa",
		"  Jean   Paul ":    "Jean Paul",
		"Le\u0301a":         "Léa",
		"Marie\u00a0Claire": "Marie Claire",
		"\tCP de Mme X\t":   "CP de Mme X",
		"":                  "",
		"DUPONT-DUPUIS":     "DUPONT-DUPUIS",
		"Zoé  ":             "Zoé",
		"A\nB":              "A B",
	}
	for in, want := range tests {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}
