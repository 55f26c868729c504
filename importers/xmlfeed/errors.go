package xmlfeed

import (
	"bytes"

	"rollcall/importers/table"
)

// SyntaxError returns the located import error for a scanner that stopped on a fault: the line
// where it stopped and what was wrong there. A file that ends inside an element (truncated in
// transfer) is reported at its last line, naming the element left open.
func (s *Scanner) SyntaxError(file string) *table.RowError {
	msg, line := s.Err()
	return &table.RowError{File: file, Line: line, Rule: RuleBadXML, Expected: table.Shorten(msg, table.MaxValueInError)}
}

// Root returns the name of raw's first element, reading only the head of the file, or "" when
// raw does not start like XML. Detection uses it to tell an AAF feed from a SIECLE export.
func Root(raw []byte) string {
	head := raw[:min(len(raw), 4096)]
	trimmed := bytes.TrimLeft(head, " \t\r\n\xEF\xBB\xBF")
	if !bytes.HasPrefix(trimmed, []byte("<")) && !bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		return ""
	}
	s := NewScanner(head)
	for {
		switch s.Next() {
		case Start:
			return string(s.Name())
		case Text:
			continue
		default:
			return ""
		}
	}
}
