package sheet

import "rollcall/importers/roster"

// Format names the publisher spreadsheet templates, XLSX or CSV with their headers.
const Format roster.Format = "sheet"

// Spec registers the spreadsheet templates, the only format that reads workbooks.
var Spec = roster.FormatSpec{
	Format: Format,
	Source: string(Format),
	Reads:  roster.KindText | roster.KindWorkbook,
	// Textbook platforms refuse unknown class codes in their templates, and so does Rollcall.
	KnownClassesOnly: true,
	SniffFile: func(p *roster.Probe) roster.Fit {
		if p.Workbook() {
			return SniffWorkbook(p.File)
		}
		return SniffCSV(p.File.Name, p.Header())
	},
	Parse: func(j *roster.Job, u roster.Unit) error {
		if u.Probe.Workbook() {
			return ParseWorkbook(j, u.Files[0], u.Profile)
		}
		return ParseCSV(j, u.Files[0], u.Probe.Text(), u.Profile)
	},
	PreviewFile: func(f *roster.File, n int) (string, []string, [][]string, bool) {
		if !f.Workbook() {
			return "", nil, nil, false
		}
		name, header, rows := Preview(f, n)
		return name, header, rows, true
	},
}
