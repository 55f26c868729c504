package table

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReaderCaps: a row keeps at most MaxCell+1 bytes a cell (enough to be told too long) and
// MaxRow bytes in all, whatever the file holds, and the next row is read as usual.
func TestReaderCaps(t *testing.T) {
	t.Parallel()
	huge := strings.Repeat("x", 3<<20)
	wide := strings.Repeat(strings.Repeat("y", 60<<10)+";", 40)
	rows := readAll("a;\""+huge+"\"\n"+wide+"\nnext;row\n", ';')
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	if c := rows[0].Fields[1]; len(c) != MaxCell+1 || rows[0].Long {
		t.Errorf("a 3 MB cell kept %d bytes (long %v), want %d", len(c), rows[0].Long, MaxCell+1)
	}
	kept := 0
	for _, c := range rows[1].Fields {
		kept += len(c)
	}
	if !rows[1].Long || kept > MaxRow || len(rows[1].Fields) != 41 {
		t.Errorf("a 2.4 MB row: long %v, %d bytes in %d cells", rows[1].Long, kept, len(rows[1].Fields))
	}
	if r := rows[2]; r.Line != 3 || r.Long || strings.Join(r.Fields, ",") != "next,row" {
		t.Errorf("row after: %+v", r)
	}
}

// TestOpenTextDecidesOnTheWholeFile: the encoding is the whole file's, however far in its
// telling line is: a Windows-1252 letter after a megabyte of ASCII makes the file Windows-1252
// (read right), one among UTF-8 lines is a U+FFFD at its line.
func TestOpenTextDecidesOnTheWholeFile(t *testing.T) {
	t.Parallel()
	ascii := "Nom;Prenom\r\n" + strings.Repeat("MARTIN;Lea\r\n", 100_000)
	latin := NewText("a.csv", []byte(ascii+"DURAND;Zo\xe9\r\n"))
	if latin.Encoding != Windows1252 || latin.Comma != ';' || latin.Lines() != 100_003 {
		t.Fatalf("windows-1252 file: %s %q %d lines", latin.Encoding, latin.Comma, latin.Lines())
	}
	if last := lastRow(t, latin); last.Line != 100_002 || last.Fields[1] != "Zoé" {
		t.Errorf("last row %+v", last)
	}
	mixed := NewText("b.csv", []byte("Nom;Prénom\r\n"+strings.Repeat("MARTIN;Léa\r\n", 100_000)+"DURAND;Zo\xe9\r\n"))
	if mixed.Encoding != UTF8 {
		t.Fatalf("mixed file: %s", mixed.Encoding)
	}
	if last := lastRow(t, mixed); last.Line != 100_002 || last.Fields[1] != "Zo\uFFFD" {
		t.Errorf("last row %+v", last)
	}
}

func lastRow(t *testing.T, tx *Text) Row {
	t.Helper()
	rows := tx.Rows()
	var last Row
	for {
		r, ok := rows.Next()
		if !ok {
			break
		}
		last = Row{Line: r.Line, Fields: append([]string(nil), r.Fields...)}
	}
	if rows.Err() != nil {
		t.Fatal(rows.Err())
	}
	return last
}

// TestReadErrors: a file that fails in its first reading is an error there; one that fails in
// the second stops the rows, and Err says why.
func TestReadErrors(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	broken := func() (io.ReadCloser, error) {
		return io.NopCloser(io.MultiReader(strings.NewReader("a;b\n"), iotest.ErrReader(boom))), nil
	}
	if _, err := OpenText("x.csv", broken); !errors.Is(err, boom) {
		t.Errorf("first reading: %v", err)
	}
	calls := 0
	tx, err := OpenText("y.csv", func() (io.ReadCloser, error) {
		if calls++; calls == 1 {
			return io.NopCloser(bytes.NewReader([]byte("a;b\nc;d\n"))), nil
		}
		return broken()
	})
	if err != nil {
		t.Fatal(err)
	}
	rows := tx.Rows()
	for {
		if _, ok := rows.Next(); !ok {
			break
		}
	}
	if !errors.Is(rows.Err(), boom) {
		t.Errorf("second reading: %v", rows.Err())
	}
}
