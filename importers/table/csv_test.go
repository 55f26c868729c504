package table

import (
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

func readAll(text string, comma rune) []Row {
	r := NewReader(iotest.HalfReader(strings.NewReader(text)), comma)
	var out []Row
	for {
		row, ok := r.Next()
		if !ok {
			return out
		}
		row.Fields = append([]string(nil), row.Fields...)
		out = append(out, row)
	}
}

func TestReader(t *testing.T) {
	t.Parallel()
	type want struct {
		line   int
		fields []string
	}
	tests := []struct {
		name string
		text string
		rows []want
	}{
		{"lf", "a;b\nc;d\n", []want{{1, []string{"a", "b"}}, {2, []string{"c", "d"}}}},
		{"crlf no final newline", "a;b\r\nc;d", []want{{1, []string{"a", "b"}}, {2, []string{"c", "d"}}}},
		{"lone cr", "a;b\rc;d\r", []want{{1, []string{"a", "b"}}, {2, []string{"c", "d"}}}},
		{"quoted separator", `"x;y";z` + "\n", []want{{1, []string{"x;y", "z"}}}},
		{"doubled quote", `"say ""hi""";z`, []want{{1, []string{`say "hi"`, "z"}}}},
		{"quoted newline keeps the spreadsheet line", "\"a\nb\";c\nd;e\n", []want{{1, []string{"a\nb", "c"}}, {2, []string{"d", "e"}}}},
		{"blank line is a row", "a\n\nb\n", []want{{1, []string{"a"}}, {2, []string{""}}, {3, []string{"b"}}}},
		{"stray quote in unquoted cell", `O"Neil;x`, []want{{1, []string{`O"Neil`, "x"}}}},
		{"stray quote in quoted cell", `"a"b";x`, []want{{1, []string{`a"b`, "x"}}}},
		{"empty trailing cells", "a;;\n", []want{{1, []string{"a", "", ""}}}},
		{"empty quoted cell", `"";x`, []want{{1, []string{"", "x"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := readAll(tc.text, ';')
			if len(got) != len(tc.rows) {
				t.Fatalf("got %d rows %+v, want %d", len(got), got, len(tc.rows))
			}
			for i, w := range tc.rows {
				if got[i].Line != w.line || !reflect.DeepEqual(got[i].Fields, w.fields) {
					t.Errorf("row %d = line %d %q, want line %d %q", i, got[i].Line, got[i].Fields, w.line, w.fields)
				}
			}
		})
	}
}

func TestReaderUnterminatedQuote(t *testing.T) {
	t.Parallel()
	rows := readAll("a;b\n\"open;x\ny;z\n", ';')
	if len(rows) != 2 || !rows[1].Unterminated || rows[1].Line != 2 {
		t.Fatalf("rows = %+v, want the second one unterminated at line 2", rows)
	}
}

func TestReaderCapsColumns(t *testing.T) {
	t.Parallel()
	text := strings.Repeat(";", 1_000_000) + "\nnext\n"
	rows := readAll(text, ';')
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want 2", len(rows))
	}
	if !rows[0].Wide || len(rows[0].Fields) != MaxColumns {
		t.Errorf("wide row: Wide=%v, %d fields; want Wide and %d", rows[0].Wide, len(rows[0].Fields), MaxColumns)
	}
	if rows[1].Line != 2 || rows[1].Fields[0] != "next" {
		t.Errorf("row after the wide one = %+v", rows[1])
	}
}

func TestReaderBlank(t *testing.T) {
	t.Parallel()
	for text, blank := range map[string]bool{";;;\n": true, " ; \n": true, "a;;\n": false} {
		rows := readAll(text, ';')
		if got := rows[0].Blank(); got != blank {
			t.Errorf("Blank(%q) = %v, want %v", text, got, blank)
		}
	}
}

func TestDetectDelimiter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want rune
	}{
		{"Prénom*;Nom*;Date de naissance*;Classes*\r\nLéa;COLIN;13/08/2014;CP", ';'},
		{"sourcedId,status,dateLastModified\n1,,", ','},
		{"a\tb\tc\n", '\t'},
		{"a|b|c\n", '|'},
		{`"a;b",c,d` + "\n", ','},
		{"\n\nx;y\n", ';'},
		{"single\n", ','},
		{"a;b,c\n", ';'},
		{"", ','},
	}
	for _, tc := range tests {
		if got := DetectDelimiter(tc.text); got != tc.want {
			t.Errorf("DetectDelimiter(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestLetter(t *testing.T) {
	t.Parallel()
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA", 16383: "XFD", -1: ""} {
		if got := Letter(i); got != want {
			t.Errorf("Letter(%d) = %q, want %q", i, got, want)
		}
	}
}
