package table

import "strings"

// Limits that keep one hostile row from taking the process down.
const (
	// MaxColumns is the widest row read; the cells past it are skipped and the row reported.
	MaxColumns = 1024
	// MaxCell is the longest cell accepted, in bytes (a spreadsheet cell holds 32,767 characters).
	MaxCell = 64 << 10
)

// Row is one record of a CSV file.
type Row struct {
	Line   int      // as a spreadsheet shows it: the first record is line 1
	Fields []string // reused by the next call to Next: copy what you keep past it
	// Wide is set when the record had more than MaxColumns cells; Fields holds the first ones.
	Wide bool
	// Unterminated is set when a quoted cell ran to the end of the file; it started on Line.
	Unterminated bool
}

// Blank reports whether every cell of the row is empty or spaces, as Excel's trailing ";;;;"
// rows are.
func (r *Row) Blank() bool {
	for _, f := range r.Fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// Reader splits CSV text into rows. It is written for the import hot path rather than reusing
// encoding/csv: cells are substrings of the text (no copy unless a cell has doubled quotes), the
// field slice is reused, a row can never grow past MaxColumns, and lines are counted as a
// spreadsheet shows them (a quoted line break stays in its row, a blank line is a row).
//
// Quotes are read leniently, like encoding/csv's LazyQuotes: a quote inside an unquoted cell is
// kept, and a quote inside a quoted cell that is not followed by the separator or a line end is
// kept too. Line ends may be CRLF, LF or a lone CR.
type Reader struct {
	text   string
	pos    int
	comma  byte
	line   int
	fields []string
	buf    []byte
}

// NewReader reads text separated by comma, which must be an ASCII character.
func NewReader(text string, comma rune) *Reader {
	if comma <= 0 || comma >= 0x80 || comma == '"' || comma == '\r' || comma == '\n' {
		comma = ','
	}
	return &Reader{text: text, comma: byte(comma), fields: make([]string, 0, 32)}
}

// Next returns the next row, or false at the end of the text.
func (r *Reader) Next() (Row, bool) {
	if r.pos >= len(r.text) {
		return Row{}, false
	}
	r.line++
	row := Row{Line: r.line}
	r.fields = r.fields[:0]
	for {
		cell, end := r.cell(&row)
		if len(r.fields) < MaxColumns {
			r.fields = append(r.fields, cell)
		} else {
			row.Wide = true
		}
		if end {
			break
		}
	}
	row.Fields = r.fields
	return row, true
}

// cell reads one cell starting at r.pos and reports whether it ended its record.
func (r *Reader) cell(row *Row) (string, bool) {
	t := r.text
	if r.pos < len(t) && t[r.pos] == '"' {
		return r.quoted(row)
	}
	start := r.pos
	for i := start; i < len(t); i++ {
		switch t[i] {
		case r.comma:
			r.pos = i + 1
			return t[start:i], false
		case '\n':
			r.pos = i + 1
			return t[start:i], true
		case '\r':
			r.pos = i + 1
			if r.pos < len(t) && t[r.pos] == '\n' {
				r.pos++
			}
			return t[start:i], true
		}
	}
	r.pos = len(t)
	return t[start:], true
}

// quoted reads a cell that starts with a quote.
func (r *Reader) quoted(row *Row) (string, bool) {
	t := r.text
	start := r.pos + 1
	r.buf = r.buf[:0]
	copied := false // whether the cell is being built in buf because of a doubled quote
	seg := start
	for i := start; i < len(t); i++ {
		if t[i] != '"' {
			continue
		}
		if i+1 < len(t) && t[i+1] == '"' { // doubled quote: a literal one
			r.buf = append(r.buf, t[seg:i+1]...)
			copied = true
			seg = i + 2
			i++
			continue
		}
		next := i + 1
		if next < len(t) && t[next] != r.comma && t[next] != '\n' && t[next] != '\r' {
			continue // a stray quote inside the cell: keep it
		}
		var cell string
		if copied {
			r.buf = append(r.buf, t[seg:i]...)
			cell = string(r.buf)
		} else {
			cell = t[start:i]
		}
		r.pos = next
		if next >= len(t) {
			return cell, true
		}
		switch t[next] {
		case r.comma:
			r.pos = next + 1
			return cell, false
		case '\r':
			r.pos = next + 1
			if r.pos < len(t) && t[r.pos] == '\n' {
				r.pos++
			}
		default:
			r.pos = next + 1
		}
		return cell, true
	}
	row.Unterminated = true
	r.pos = len(t)
	return t[start:], true
}
