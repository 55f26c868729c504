package table

// refReader is the in-memory CSV reader the streamed one replaced: the same dialect over a text
// held whole, with no caps on cells or rows. FuzzReader holds the streamed Reader to it.
type refReader struct {
	text   string
	pos    int
	comma  byte
	line   int
	fields []string
	buf    []byte
}

// newRefReader reads text separated by comma, which must be an ASCII character.
func newRefReader(text string, comma rune) *refReader {
	if comma <= 0 || comma >= 0x80 || comma == '"' || comma == '\r' || comma == '\n' {
		comma = ','
	}
	return &refReader{text: text, comma: byte(comma), fields: make([]string, 0, 32)}
}

// Next returns the next row, or false at the end of the text.
func (r *refReader) Next() (Row, bool) {
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
func (r *refReader) cell(row *Row) (string, bool) {
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
func (r *refReader) quoted(row *Row) (string, bool) {
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
