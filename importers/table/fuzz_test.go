package table

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// FuzzReader holds the streamed Reader to the in-memory reader it replaced (refReader): the same
// rows, lines and cells (bytes that are not UTF-8 turned to U+FFFD), whatever pieces the text
// arrives in, and it never panics and always advances.
func FuzzReader(f *testing.F) {
	f.Add([]byte("Prénom*;Nom*\r\nLéa;COLIN\r\n"), ';', uint8(0))
	f.Add([]byte(`"a""b";"c`+"\n"), ',', uint8(1))
	f.Add([]byte("a,\"b\"\"\r\n\"\r\n\r\"x\"y,\xe9\n"), ',', uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, comma rune, pieces uint8) {
		var src io.Reader = bytes.NewReader(data)
		switch pieces % 3 {
		case 1:
			src = iotest.OneByteReader(src)
		case 2:
			src = iotest.DataErrReader(iotest.HalfReader(src))
		}
		r, ref := NewReader(src, comma), newRefReader(string(data), comma)
		for n := 0; ; n++ {
			row, ok := r.Next()
			want, wok := ref.Next()
			if ok != wok {
				t.Fatalf("row %d: streamed %v, in memory %v", n, ok, wok)
			}
			if !ok {
				break
			}
			if row.Line != want.Line || row.Wide != want.Wide || row.Unterminated != want.Unterminated || len(row.Fields) != len(want.Fields) {
				t.Fatalf("row %d = %+v, want %+v", n, row, want)
			}
			for i, c := range row.Fields {
				if row.Unterminated && i == len(row.Fields)-1 {
					break // refReader gave the rest of the text as it was, doubled quotes and all: an error either way
				}
				if w := strings.ToValidUTF8(want.Fields[i], "\uFFFD"); c != w {
					t.Fatalf("row %d cell %d = %q, want %q", n, i, c, w)
				}
			}
			if n > len(data) {
				t.Fatal("reader does not advance")
			}
		}
		if r.Err() != nil {
			t.Fatal(r.Err())
		}
	})
}

// FuzzText holds the two readings of a file (OpenText's checking pass, then Rows as a stream)
// to Decode and the in-memory reader over the whole decoded text: one encoding for the whole
// file, the same separator, the same rows.
func FuzzText(f *testing.F) {
	f.Add([]byte("Nom;Prénom\r\nCOLIN;Léa\r\n"))
	f.Add([]byte("Nom;Pr\xe9nom\r\nC\x9cur;\xc9lodie\r\n"))
	f.Add([]byte("Nom;Prénom\nA;\xe9\n"))
	f.Add(utf16le("Nom,Prénom\r\nA,B", true))
	f.Add([]byte{0xEF, 0xBB, 0xBF, 'a', ';', 'b'})
	f.Fuzz(func(t *testing.T, raw []byte) {
		tx := NewText("f.csv", raw)
		text, enc := Decode(raw)
		if tx.Encoding != enc || tx.Comma != DetectDelimiter(text) || tx.Binary != Binary(text) {
			t.Fatalf("OpenText: %s %q %v; Decode: %s %q %v", tx.Encoding, tx.Comma, tx.Binary, enc, DetectDelimiter(text), Binary(text))
		}
		rows, ref := tx.Rows(), newRefReader(text, tx.Comma)
		for {
			row, ok := rows.Next()
			want, wok := ref.Next()
			if ok != wok {
				t.Fatalf("streamed %v, in memory %v", ok, wok)
			}
			if !ok {
				return
			}
			if row.Line != want.Line || !row.Unterminated && strings.Join(row.Fields, "\x00") != strings.ToValidUTF8(strings.Join(want.Fields, "\x00"), "\uFFFD") {
				t.Fatalf("row %+v, want %+v", row, want)
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
