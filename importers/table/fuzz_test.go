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
