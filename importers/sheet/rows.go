package sheet

import (
	"io"
	"strconv"

	"rollcall/importers/table"
	"rollcall/importers/xmlfeed"
)

// sheetRows streams a worksheet's rows as a table.Source: one row's cells are held at a time,
// within the CSV reader's caps (MaxColumns cells, MaxCell bytes a cell, MaxRow bytes a row).
// Lines are the rows' numbers as Excel shows them; the rows a sheet leaves out are blank.
type sheetRows struct {
	s      *xmlfeed.Scanner
	c      io.Closer
	sst    *sharedStrings
	line   int
	err    error // a fault that stopped the reading (a syntax error, a string that is not there)
	row    []byte
	ends   []int
	fields []string
	val    []byte
}

// rows opens the worksheet called name.
func (wb *workbook) rows(name string) (*sheetRows, error) {
	for _, ref := range wb.sheets {
		if ref.name != name {
			continue
		}
		sst, err := wb.strings()
		if err != nil {
			return nil, err
		}
		s, c, err := wb.scanner(ref.part)
		if err != nil {
			return nil, err
		}
		return &sheetRows{s: s, c: c, sst: sst}, nil
	}
	return nil, errBadWorkbook
}

// sheetList lists the worksheets' names, in the workbook's order.
func (wb *workbook) sheetList() []string {
	out := make([]string, len(wb.sheets))
	for i, ref := range wb.sheets {
		out[i] = ref.name
	}
	return out
}

func (r *sheetRows) close() { r.c.Close() }

// Next implements table.Source.
func (r *sheetRows) Next() (table.Row, bool) {
	for r.err == nil {
		switch r.s.Next() {
		case xmlfeed.EOF:
			return table.Row{}, false
		case xmlfeed.Error:
			r.err = errBadWorkbook
		case xmlfeed.Start:
			if is(r.s.Name(), "row") {
				return r.readRow()
			}
		}
	}
	return table.Row{}, false
}

// readRow reads the cells of the row just started, up to its end.
func (r *sheetRows) readRow() (table.Row, bool) {
	line := r.line + 1
	if v, ok := r.s.AttrBytes("r"); ok {
		if n, err := strconv.Atoi(string(v)); err == nil && n > r.line {
			line = n
		}
	}
	r.line = line
	row := table.Row{Line: line}
	r.row, r.ends = r.row[:0], r.ends[:0]
	col := 0
	for r.err == nil {
		switch r.s.Next() {
		case xmlfeed.EOF, xmlfeed.Error:
			r.err = errBadWorkbook
		case xmlfeed.End:
			if is(r.s.Name(), "row") {
				row.Fields = r.strings()
				row.Long = len(r.row) >= table.MaxRow
				return row, true
			}
		case xmlfeed.Start:
			if is(r.s.Name(), "c") {
				col = r.readCell(&row, col)
			}
		}
	}
	return table.Row{}, false
}

// readCell reads one cell, at its reference's column or else the next one, and returns the
// column after it.
func (r *sheetRows) readCell(row *table.Row, col int) int {
	if ref, ok := r.s.AttrBytes("r"); ok {
		if c, ok := column(ref); ok {
			col = c
		}
	}
	typ, _ := r.s.AttrBytes("t")
	kind := string(typ) // a few bytes, compared below
	var runs textRuns
	inV := false
	r.val = r.val[:0]
	for r.err == nil {
		switch k := r.s.Next(); k {
		case xmlfeed.EOF, xmlfeed.Error:
			r.err = errBadWorkbook
			return col
		case xmlfeed.Start, xmlfeed.End:
			n := r.s.Name()
			switch {
			case is(n, "v"):
				inV = k == xmlfeed.Start
			case k == xmlfeed.End && is(n, "c"):
				r.put(row, col, r.value(kind))
				return col + 1
			default:
				r.val = runs.take(r.s, k, r.val) // an inline string's <is><t>
			}
		case xmlfeed.Text:
			if inV {
				r.val = append(r.val, r.s.Text()...)
			} else {
				r.val = runs.take(r.s, k, r.val)
			}
		}
	}
	return col
}

// value is the cell's text as a spreadsheet shows it, from its type and the value read.
func (r *sheetRows) value(kind string) []byte {
	switch kind {
	case "s":
		i, err := strconv.Atoi(string(r.val))
		s, ok := r.sst.get(i)
		if err != nil || !ok {
			r.err = errBadWorkbook
			return nil
		}
		return append(r.val[:0], s...)
	case "b":
		if string(r.val) == "1" {
			return append(r.val[:0], "TRUE"...)
		}
		return append(r.val[:0], "FALSE"...)
	}
	return r.val // a number, a formula's text, an inline string, an error (#N/A)
}

// put places a cell's value at its column, the cells before it empty, within the caps.
func (r *sheetRows) put(row *table.Row, col int, v []byte) {
	if len(v) == 0 {
		return
	}
	if col >= table.MaxColumns {
		row.Wide = true
		return
	}
	for len(r.ends) < col {
		r.ends = append(r.ends, len(r.row))
	}
	if len(r.ends) > col { // a cell given twice, or out of order: the first one stays
		return
	}
	v = v[:min(len(v), table.MaxCell+1, max(table.MaxRow-len(r.row), 0))]
	r.row = append(r.row, v...)
	r.ends = append(r.ends, len(r.row))
}

// strings turns the row's cells into fields, one string for the row.
func (r *sheetRows) strings() []string {
	s := string(r.row)
	r.fields = r.fields[:0]
	from := 0
	for _, to := range r.ends {
		r.fields = append(r.fields, s[from:to])
		from = to
	}
	return r.fields
}

// column reads the column of a cell reference ("AB12" is 27), false when it has none.
func column(ref []byte) (int, bool) {
	n, i := 0, 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		n = n*26 + int(ref[i]-'A'+1)
		if n > 1<<20 {
			return table.MaxColumns, true
		}
	}
	return n - 1, i > 0
}
