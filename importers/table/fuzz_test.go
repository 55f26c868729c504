package table

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzReader checks the CSV reader never panics, always advances, keeps lines increasing, caps
// the columns, and returns cells that are pieces of the text (or, with doubled quotes, of it
// minus quotes) without inventing bytes.
func FuzzReader(f *testing.F) {
	f.Add([]byte("Prénom*;Nom*\r\nLéa;COLIN\r\n"), ';')
	f.Add([]byte(`"a""b";"c`+"\n"), ',')
	f.Fuzz(func(t *testing.T, data []byte, comma rune) {
		text := string(data)
		r := NewReader(text, comma)
		last, rows := 0, 0
		for {
			row, ok := r.Next()
			if !ok {
				break
			}
			rows++
			if row.Line != last+1 {
				t.Fatalf("line %d after %d", row.Line, last)
			}
			last = row.Line
			if len(row.Fields) == 0 || len(row.Fields) > MaxColumns {
				t.Fatalf("%d fields", len(row.Fields))
			}
			total := 0
			for _, c := range row.Fields {
				total += len(c)
			}
			if total > len(text) {
				t.Fatalf("cells hold %d bytes, text has %d", total, len(text))
			}
			if rows > len(text)+1 {
				t.Fatal("reader does not advance")
			}
		}
	})
}

// FuzzDecode checks decoding never panics and always yields valid UTF-8.
func FuzzDecode(f *testing.F) {
	f.Add([]byte{0xEF, 0xBB, 0xBF, 'a'})
	f.Add([]byte{0xFF, 0xFE, 'a', 0})
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, enc := Decode(raw)
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 out of %s", enc)
		}
		_ = DetectDelimiter(text)
	})
}

// FuzzHeader checks header matching never panics and never maps one cell to two columns.
func FuzzHeader(f *testing.F) {
	f.Add("Prénom*;Nom*;Date de naissnace*;Classes*;Classes")
	f.Fuzz(func(t *testing.T, line string) {
		cells := strings.Split(line, ";")
		if len(cells) > MaxColumns {
			cells = cells[:MaxColumns]
		}
		h := testSchema.Match(cells, 1)
		seen := map[int]string{}
		for _, c := range testSchema {
			for _, i := range h.Indexes(c.Key) {
				if other, dup := seen[i]; dup {
					t.Fatalf("cell %d is both %s and %s", i, other, c.Key)
				}
				seen[i] = c.Key
			}
			_ = h.Name(c.Key)
		}
	})
}

// FuzzBadRune holds BadRune to a rune-by-rune reading of what it must refuse: a control
// character other than tab and line breaks, DEL, a C1 control, or U+FFFD.
func FuzzBadRune(f *testing.F) {
	for _, s := range []string{"Léa", "a\tb\nc\r", "Th\x1b[31m", "\x00", "\u0085", "\u009b", "\ufffd", "\x7f", "\xc2", "\xef\xbf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := rune(-1)
		for i, r := range s {
			if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\ufffd") {
				continue // a byte that is not UTF-8: not a character, so not refused here
			}
			if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r <= 0x9f) || r == utf8.RuneError {
				want = r
				break
			}
		}
		got, bad := BadRune(s)
		if bad != (want >= 0) || (bad && got != want) {
			t.Fatalf("BadRune(%q) = %U, %v; want %U", s, got, bad, want)
		}
	})
}
