package table

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// Limits that keep one hostile row from taking the process down.
const (
	// MaxColumns is the widest row read; the cells past it are skipped and the row reported.
	MaxColumns = 1024
	// MaxCell is the longest cell accepted, in bytes (a spreadsheet cell holds 32,767 characters).
	MaxCell = 64 << 10
	// MaxRow is the most bytes one row keeps, all its cells together; past it the row is Long
	// and the rest of its cells are read through but not kept.
	MaxRow = 1 << 20
)

// Row is one record of a CSV file.
type Row struct {
	Line   int      // as a spreadsheet shows it: the first record is line 1
	Fields []string // the slice is reused by the next call to Next; the strings may be kept
	// Wide is set when the record had more than MaxColumns cells; Fields holds the first ones.
	Wide bool
	// Long is set when the record's cells held more than MaxRow bytes; the cells past that
	// point are cut or empty.
	Long bool
	// Unterminated is set when a quoted cell ran to the end of the file; it started on Line.
	Unterminated bool
}

// Blank reports whether every cell of the row is empty or spaces, as Excel's trailing ";;;;"
// rows are.
func (r *Row) Blank() bool {
	for _, f := range r.Fields {
		if f != "" && strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// Reader splits CSV text into rows as it reads it, holding only a window of the text and the
// current row: a file of any size is read in bounded memory. It is our own rather than
// encoding/csv because it caps what a row keeps (MaxColumns cells, MaxCell bytes a cell, MaxRow
// bytes a row), makes one string per row whose cells are pieces of it (a record may keep them:
// nothing else is pinned), and counts lines as a spreadsheet shows them (a quoted line break
// stays in its row, a blank line is a row).
//
// Quotes are read leniently, like encoding/csv's LazyQuotes: a quote inside an unquoted cell is
// kept, and a quote inside a quoted cell that is not followed by the separator or a line end is
// kept too. Line ends may be CRLF, LF or a lone CR. Bytes that are not UTF-8 become U+FFFD, which
// the row checks refuse where they are (BadRune).
type Reader struct {
	src      io.Reader
	win      []byte // the window: src's bytes from pos to end are still to be read
	pos, end int
	eof      bool
	err      error
	closer   io.Closer
	comma    byte
	line     int

	row    []byte // the current row's kept cells, end to end, quotes undone
	ends   []int  // where each kept cell ends in row
	start  int    // where the cell being read starts in row
	skip   bool   // the cell being read is past MaxColumns: read, not kept
	long   bool
	fields []string
}

// windowSize is how much of the text a Reader reads at a time.
const windowSize = 64 << 10

// perCellStrings is the row size past which each cell gets its own string, so that a record
// keeping two names does not pin a row of a megabyte.
const perCellStrings = 4 << 10

// NewReader reads text from r separated by comma, which must be an ASCII character. r must
// yield UTF-8 (OpenText's rows decode the file first).
func NewReader(r io.Reader, comma rune) *Reader {
	if comma <= 0 || comma >= 0x80 || comma == '"' || comma == '\r' || comma == '\n' {
		comma = ','
	}
	return &Reader{src: r, win: make([]byte, windowSize), comma: byte(comma), fields: make([]string, 0, 32)}
}

// Err returns the error that stopped the reading before the end of the text, if any.
func (r *Reader) Err() error { return r.err }

// Close releases the file the rows are read from, for a reading that stops before the end.
func (r *Reader) Close() error {
	if r.closer == nil {
		return nil
	}
	c := r.closer
	r.closer = nil
	return c.Close()
}

// Next returns the next row, or false at the end of the text (or on a read error: Err).
func (r *Reader) Next() (Row, bool) {
	if _, ok := r.peek(); !ok {
		r.Close()
		return Row{}, false
	}
	r.line++
	row := Row{Line: r.line}
	r.row, r.ends, r.long = r.row[:0], r.ends[:0], false
	for {
		r.start, r.skip = len(r.row), len(r.ends) >= MaxColumns
		end := r.cell(&row)
		if r.skip {
			row.Wide = true
			r.row = r.row[:r.start]
		} else {
			r.ends = append(r.ends, len(r.row))
		}
		if end {
			break
		}
	}
	row.Long = r.long
	row.Fields = r.strings()
	return row, true
}

// strings turns the kept cells into the row's fields.
func (r *Reader) strings() []string {
	b, from := r.row, 0
	r.fields = r.fields[:0]
	if len(b) == 0 { // a blank row, as Excel's trailing ";;;;" are: no string to make
		for range r.ends {
			r.fields = append(r.fields, "")
		}
		return r.fields
	}
	if !ascii(b) {
		for _, to := range r.ends { // cell by cell: two cells' bytes may make a character between them
			if !utf8.Valid(b[from:to]) {
				b = r.repair()
				break
			}
			from = to
		}
		from = 0
	}
	if len(b) > perCellStrings {
		for _, to := range r.ends {
			r.fields = append(r.fields, string(b[from:to]))
			from = to
		}
		return r.fields
	}
	s := string(b)
	for _, to := range r.ends {
		r.fields = append(r.fields, s[from:to])
		from = to
	}
	return r.fields
}

// repair replaces each cell's bytes that are not UTF-8 by U+FFFD, moving the cells' ends.
func (r *Reader) repair() []byte {
	out := make([]byte, 0, len(r.row)+16)
	from := 0
	for i, to := range r.ends {
		out = append(out, bytes.ToValidUTF8(r.row[from:to], []byte("\uFFFD"))...)
		from, r.ends[i] = to, len(out)
	}
	r.row = out
	return out
}

// peek returns the next byte without reading it, filling the window when it is used up.
func (r *Reader) peek() (byte, bool) {
	for r.pos >= r.end {
		if r.eof {
			return 0, false
		}
		n, err := r.src.Read(r.win)
		r.pos, r.end = 0, n
		if err == io.EOF {
			r.eof = true
		} else if err != nil {
			r.eof, r.err = true, err
		}
	}
	return r.win[r.pos], true
}

// keep appends b to the cell being read, within MaxCell (one byte past it, so the check sees the
// cell too long) and MaxRow.
func (r *Reader) keep(b []byte) {
	if r.skip || len(b) == 0 {
		return
	}
	room := min(MaxCell+1-(len(r.row)-r.start), MaxRow-len(r.row))
	if len(b) > room {
		if len(r.row)+len(b) > MaxRow {
			r.long = true
		}
		b = b[:max(room, 0)]
	}
	r.row = append(r.row, b...)
}

// cell reads one cell and reports whether it ended its record.
func (r *Reader) cell(row *Row) bool {
	if c, ok := r.peek(); !ok {
		return true
	} else if c == '"' {
		r.pos++
		return r.quoted(row)
	}
	for {
		if r.pos >= r.end {
			if _, ok := r.peek(); !ok {
				return true
			}
		}
		w := r.win[r.pos:r.end]
		i := r.delim(w)
		if i < 0 {
			r.keep(w)
			r.pos = r.end
			continue
		}
		d := w[i]
		r.keep(w[:i])
		r.pos += i + 1
		switch d {
		case r.comma:
			return false
		case '\r':
			r.lf()
		}
		return true
	}
}

// delim returns the index of the first separator or line end in w, or -1.
func (r *Reader) delim(w []byte) int {
	for i, c := range w {
		if c == r.comma || c == '\n' || c == '\r' {
			return i
		}
	}
	return -1
}

// lf reads the LF of a CR LF line end.
func (r *Reader) lf() {
	if c, ok := r.peek(); ok && c == '\n' {
		r.pos++
	}
}

var quote = []byte{'"'}

// quoted reads a cell that started with a quote, now read.
func (r *Reader) quoted(row *Row) bool {
	for {
		if _, ok := r.peek(); !ok {
			row.Unterminated = true
			return true
		}
		w := r.win[r.pos:r.end]
		i := bytes.IndexByte(w, '"')
		if i < 0 {
			r.keep(w)
			r.pos = r.end
			continue
		}
		r.keep(w[:i])
		r.pos += i + 1
		c, ok := r.peek()
		switch {
		case !ok:
			return true
		case c == '"': // doubled quote: a literal one
			r.keep(quote)
			r.pos++
		case c == r.comma:
			r.pos++
			return false
		case c == '\n':
			r.pos++
			return true
		case c == '\r':
			r.pos++
			r.lf()
			return true
		default: // a stray quote inside the cell: keep it
			r.keep(quote)
		}
	}
}
