package sheet

import (
	"strconv"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// RollcallCreator is the author of the workbooks Rollcall writes for the platforms (app's
// WorkbookCreator).
const RollcallCreator = "Rollcall"

// IsWorkbook reports whether a file is an XLSX workbook, by name or by content.
func IsWorkbook(name string, raw []byte) bool { return roster.IsWorkbook(name, raw) }

// SniffWorkbook says whether a workbook holds a template: any sheet whose header fits.
func SniffWorkbook(f *roster.File) roster.Fit {
	wb, err := openWorkbook(f)
	if err == nil {
		defer wb.Close()
		_, err = wb.strings()
	}
	if _, ok := isTooLarge(err); ok {
		return roster.Fit{Format: Format, OK: true} // a workbook all the same: parsing says why it is refused
	}
	if err != nil {
		return roster.Fit{Format: Format, Missing: []string{"xlsx"}}
	}
	best := roster.Fit{Format: Format, Missing: []string{"Nom", "Prénom"}}
	for _, name := range wb.sheetList() {
		src, err := wb.rows(name)
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
	wb, err := openWorkbook(f)
	if err != nil {
		return "", nil, nil
	}
	defer wb.Close()
	sheets := templateSheets(wb)
	if len(sheets) == 0 {
		return "", nil, nil
	}
	src, err := wb.rows(sheets[0])
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
	wb, err := openWorkbook(f)
	if err == nil {
		defer wb.Close()
		_, err = wb.strings()
	}
	if err != nil {
		j.Add(workbookError(f.Name, "", 0, err))
		j.FileDone(f.Info(0))
		return nil
	}
	if wb.creator() == RollcallCreator {
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
		src, err := wb.rows(name)
		if err != nil {
			j.Add(workbookError(f.Name, name, 0, err))
			continue
		}
		n, err := readTable(j, roster.Table{Name: f.Name, Sheet: name, Src: src, Schema: schema}, profile)
		src.close()
		total += n
		if err != nil {
			return err
		}
		if src.err != nil {
			j.Add(workbookError(f.Name, name, src.line, src.err))
		}
	}
	j.FileDone(f.Info(total))
	return nil
}

// templateSheets lists the sheets to read: those whose header has at least two of the
// template's columns, or else the first non-blank sheet, so its problems get reported.
func templateSheets(wb *workbook) []string {
	var read, fallback []string
	for _, name := range wb.sheetList() {
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
func header(wb *workbook, name string) (*table.Header, bool) {
	src, err := wb.rows(name)
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

// workbookError is the located error for a workbook, or one of its sheets, that cannot be read:
// past a limit (too_large, the limit in bytes), or unreadable (bad_xlsx).
func workbookError(file, sheet string, line int, err error) *table.RowError {
	e := &table.RowError{File: file, Sheet: sheet, Line: line, Rule: table.RuleBadXLSX, Expected: "xlsx"}
	if limit, ok := isTooLarge(err); ok {
		e.Rule, e.Expected = table.RuleTooLarge, strconv.FormatInt(limit, 10)
	}
	return e
}
