package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// Workbook limits handed to excelize: the archive may not inflate past maxUnzip, and a worksheet
// part over maxXML is refused rather than spilled to a temporary file.
const (
	maxUnzip = 512 << 20
	maxXML   = 256 << 20
)

// MaxSharedStrings is the largest shared-strings part a workbook may hold, inflated. excelize
// keeps every shared string as an object (250 MB of them took 7.8 GB), so a bigger table is
// refused before excelize reads it; a template of 100,000 pupils needs a few megabytes.
const MaxSharedStrings = 16 << 20

// errTooLarge is a workbook whose shared strings are past MaxSharedStrings.
var errTooLarge = errors.New("workbook shared strings too large")

// checkParts refuses a workbook whose shared strings inflate past MaxSharedStrings, counting the
// bytes actually inflated (a header may lie) without keeping them.
func checkParts(raw []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil // not a zip: excelize says so
	}
	for _, zf := range zr.File {
		if !strings.EqualFold(zf.Name, "xl/sharedStrings.xml") {
			continue
		}
		if zf.UncompressedSize64 > MaxSharedStrings {
			return errTooLarge
		}
		rc, err := zf.Open()
		if err != nil {
			return nil
		}
		n, _ := io.Copy(io.Discard, io.LimitReader(rc, MaxSharedStrings+1))
		rc.Close()
		if n > MaxSharedStrings {
			return errTooLarge
		}
	}
	return nil
}

// RollcallCreator is the author of the workbooks Rollcall writes for the platforms (app's
// WorkbookCreator).
const RollcallCreator = "Rollcall"

// IsWorkbook reports whether a file is an XLSX workbook, by name or by content.
func IsWorkbook(name string, raw []byte) bool { return roster.IsWorkbook(name, raw) }

// openFile opens a workbook file.
func openFile(f *roster.File) (*excelize.File, error) {
	raw := f.Raw
	if raw == nil {
		rc, err := f.Open()
		if err != nil {
			return nil, errBadWorkbook
		}
		defer rc.Close()
		if raw, err = io.ReadAll(io.LimitReader(rc, maxUnzip)); err != nil {
			return nil, errBadWorkbook
		}
	}
	return open(raw)
}

// open opens a workbook, turning excelize's panics on crafted files into an error: a file from
// outside must never take the process down.
func open(raw []byte) (f *excelize.File, err error) {
	if err := checkParts(raw); err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, errBadWorkbook
		}
	}()
	return excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: maxUnzip, UnzipXMLSizeLimit: maxXML})
}

type badWorkbook struct{}

func (badWorkbook) Error() string { return "unreadable workbook" }

var errBadWorkbook error = badWorkbook{}

// SniffWorkbook says whether a workbook holds a template: any sheet whose header fits.
func SniffWorkbook(f *roster.File) roster.Fit {
	wb, err := openFile(f)
	if err == errTooLarge {
		return roster.Fit{Format: Format, OK: true} // a workbook all the same: parsing says why it is refused
	}
	if err != nil {
		return roster.Fit{Format: Format, Missing: []string{"xlsx"}}
	}
	defer wb.Close()
	best := roster.Fit{Format: Format, Missing: []string{"Nom", "Prénom"}}
	for _, name := range wb.GetSheetList() {
		src, err := newSheetRows(wb, name)
		if err != nil {
			continue
		}
		head, ok := table.ReadHeader(src)
		src.close()
		if !ok {
			continue
		}
		h := schema.Match(head.Fields, head.Line)
		fit := fit(h, f.Name, name)
		fit.OK = len(h.Missing(colLast, colFirst)) == 0 // in a workbook, names are enough
		if fit.OK {
			fit.Missing = nil
			return fit
		}
	}
	return best
}

// Preview returns the header and first rows of the workbook's first template sheet.
func Preview(f *roster.File, n int) (sheetName string, header []string, rows [][]string) {
	wb, err := openFile(f)
	if err != nil {
		return "", nil, nil
	}
	defer wb.Close()
	sheets := templateSheets(wb)
	if len(sheets) == 0 {
		return "", nil, nil
	}
	src, err := newSheetRows(wb, sheets[0])
	if err != nil {
		return "", nil, nil
	}
	defer src.close()
	head, _ := table.ReadHeader(src)
	header = append([]string(nil), head.Fields...)
	for len(rows) < n {
		r, ok := src.Next()
		if !ok {
			break
		}
		if !r.Blank() {
			rows = append(rows, append([]string(nil), r.Fields...))
		}
	}
	return sheets[0], header, rows
}

// ParseWorkbook reads the sheets of a workbook that look like templates (their header has at
// least two of the template's columns), so that an instructions tab is not an error. When no
// sheet looks like one, the first non-blank sheet is read anyway, to report what it lacks.
func ParseWorkbook(j *roster.Job, f *roster.File, profile model.Profile) error {
	wb, err := openFile(f)
	if err == errTooLarge {
		j.Add(&table.RowError{File: f.Name, Rule: table.RuleTooLarge, Expected: strconv.Itoa(MaxSharedStrings)})
		j.FileDone(f.Info(0))
		return nil
	}
	if err != nil {
		j.Add(&table.RowError{File: f.Name, Rule: table.RuleBadXLSX, Expected: "xlsx"})
		j.FileDone(f.Info(0))
		return nil
	}
	defer wb.Close()
	if props, err := wb.GetDocProps(); err == nil && props.Creator == RollcallCreator {
		// A template Rollcall filled (rollcall users export --format edulib-xlsx): its logins are
		// Rollcall's, so users are found by login whatever their source.
		j.Batch.FromRollcall = true
	}
	read := templateSheets(wb)
	if len(read) == 0 {
		j.Add(&table.RowError{File: f.Name, Rule: table.RuleEmptyFile})
	}
	total := 0
	for _, name := range read {
		src, err := newSheetRows(wb, name)
		if err != nil {
			j.Add(&table.RowError{File: f.Name, Sheet: name, Rule: table.RuleBadXLSX, Expected: "xlsx"})
			continue
		}
		n, err := readTable(j, roster.Table{Name: f.Name, Sheet: name, Src: src, Schema: schema}, profile)
		src.close()
		total += n
		if err != nil {
			return err
		}
		if src.err != nil {
			j.Add(&table.RowError{File: f.Name, Sheet: name, Rule: table.RuleBadXLSX, Expected: "xlsx"})
		}
	}
	j.FileDone(f.Info(total))
	return nil
}

// templateSheets lists the sheets to read: those whose header has at least two of the
// template's columns, or else the first non-blank sheet, so its problems get reported.
func templateSheets(wb *excelize.File) []string {
	var read, fallback []string
	for _, name := range wb.GetSheetList() {
		h, ok := header(wb, name)
		switch {
		case !ok:
		case h.Matched() >= 2:
			read = append(read, name)
		case fallback == nil:
			fallback = []string{name}
		}
	}
	if len(read) == 0 {
		return fallback
	}
	return read
}

// header reads a sheet's header row; false for a blank or unreadable sheet.
func header(wb *excelize.File, name string) (*table.Header, bool) {
	src, err := newSheetRows(wb, name)
	if err != nil {
		return nil, false
	}
	defer src.close()
	head, ok := table.ReadHeader(src)
	if !ok {
		return nil, false
	}
	return schema.Match(head.Fields, head.Line), true
}

// sheetRows adapts excelize's row iterator to table.Source, numbering rows as Excel does
// (excelize yields empty rows for the gaps).
type sheetRows struct {
	rows *excelize.Rows
	line int
	err  error
}

func newSheetRows(wb *excelize.File, name string) (s *sheetRows, err error) {
	defer func() {
		if p := recover(); p != nil {
			s, err = nil, errBadWorkbook
		}
	}()
	rows, err := wb.Rows(name)
	if err != nil {
		return nil, err
	}
	return &sheetRows{rows: rows}, nil
}

// Next implements table.Source.
func (s *sheetRows) Next() (row table.Row, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			s.err, ok = errBadWorkbook, false
		}
	}()
	if s.err != nil || !s.rows.Next() {
		if err := s.rows.Error(); err != nil && s.err == nil {
			s.err = err
		}
		return table.Row{}, false
	}
	s.line++
	cols, err := s.rows.Columns()
	if err != nil {
		s.err = err
		return table.Row{}, false
	}
	row = table.Row{Line: s.line, Fields: cols}
	if len(cols) > table.MaxColumns {
		row.Fields, row.Wide = cols[:table.MaxColumns], true
	}
	return row, true
}

func (s *sheetRows) close() { s.rows.Close() }
