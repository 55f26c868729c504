package table

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"rollcall/model"
)

// Source yields rows; a CSV Reader and a worksheet both are one.
type Source interface {
	Next() (Row, bool)
}

// ReadHeader returns the first non-blank row: some exports start with an empty line.
func ReadHeader(src Source) (Row, bool) {
	for {
		row, ok := src.Next()
		if !ok {
			return Row{}, false
		}
		if !row.Blank() {
			return row, true
		}
	}
}

// Clean trims a value, folds inner runs of white space to one space and composes accents
// (NFC), so a name typed on a Mac ("e" + combining acute) equals the one typed on Windows. It
// returns s itself, without allocating, when s is already clean: the common case on the hot path.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.Join(strings.Fields(s), " ")
	if !isASCII(s) && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

func isClean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		case c < ' ' || c == 0x7f:
			return false
		case c >= utf8.RuneSelf:
			return norm.NFC.QuickSpanString(s) == len(s) && !hasUnicodeSpace(s)
		}
		prevSpace = false
	}
	return true
}

func hasUnicodeSpace(s string) bool {
	return strings.ContainsAny(s, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u0085")
}

// Value returns the trimmed value of the cell at index i, or "" when the row is shorter.
func Value(fields []string, i int) string {
	if i < 0 || i >= len(fields) {
		return ""
	}
	return strings.TrimSpace(fields[i])
}

// Get returns the cleaned value of a column's first cell and that cell's index (-1 when the
// file lacks the column).
func (h *Header) Get(fields []string, key string) (string, int) {
	i := h.Index(key)
	return Clean(Value(fields, i)), i
}

// CellError builds an error located at cell i of a row. i < 0 means the row as a whole.
func (h *Header) CellError(loc Location, i int, value string, rule model.Rule, expected string) *RowError {
	e := &RowError{File: loc.File, Sheet: loc.Sheet, Line: loc.Line, Value: value, Rule: rule, Expected: expected}
	if i >= 0 {
		e.Letter = Letter(i)
		if i < len(h.Cells) {
			e.Column = h.Cells[i]
		}
	}
	return e
}

// MissingColumn builds the error for a required column the header lacks.
func (h *Header) MissingColumn(loc Location, key string) *RowError {
	return &RowError{File: loc.File, Sheet: loc.Sheet, Line: h.Line, Column: h.Name(key), Rule: RuleMissingColumn}
}
