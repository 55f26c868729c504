package app

import (
	"strings"

	"rollcall/model"
)

// ExportFormat is a file format for the user list: an index into the export registry.
type ExportFormat uint8

// Export formats: CSV for Excel (UTF-8 with BOM, commas), CSV for French Excel (semicolons),
// XLSX, and the import files of the platforms schools feed (Moodle's user upload, the OneRoster
// and School Data Sync roster sets).
const (
	ExportCSV ExportFormat = iota
	ExportCSVSemicolon
	ExportXLSX
	ExportMoodle
	ExportOneRoster11
	ExportOneRoster12
	ExportSDS21
	ExportGoogle
	ExportENT
	ExportEdulib
)

// container is how an export's rows are written to the file.
type container uint8

const (
	containerCSV      container = iota // UTF-8 with BOM, commas, CRLF: what Excel opens
	containerCSVFr                     // the same with semicolons, for French Excel
	containerXLSX                      // one sheet, every cell a string
	containerPlainCSV                  // UTF-8 without BOM, commas, LF: what web platforms upload
	containerZip                       // several CSV files in one zip: a roster set (exportSet)
	containerENT                       // semicolons, CRLF, Windows-1252 or UTF-8 with BOM (ExportOptions.Charset)
)

// exportShape is what a format writes of each user: its header, then a row per user.
type exportShape struct {
	header func(x *exportRun) []string
	row    func(dst []string, u *model.User, x *exportRun) []string
	// perClass: the format has one column per class (cohort1, cohort2…), as many as the
	// selection's user with the most classes needs; the export counts them first.
	perClass bool
	// check refuses options the format cannot use (an unknown field or placeholder); prepare
	// builds what the rows read (x.platform) once per export.
	check   func(ExportOptions) error
	prepare func(x *exportRun) error
	// sheets names a workbook's sheets when the format has one per template; sheet says which
	// one a user goes in, -1 for none (the user is left out).
	sheets []string
	sheet  func(u *model.User) int
}

// ExportFormatInfo is one entry of the export registry: the name the CLI takes, the file's
// extension, and how it is written.
type ExportFormatInfo struct {
	Format ExportFormat
	Name   string // --format NAME
	Ext    string // ".csv", ".xlsx"
	box    container
	shape  exportShape
	set    *exportSet // the files of a multi-file format (containerZip)
}

// exportFormats is the registry, in the order the console offers them.
var exportFormats = []ExportFormatInfo{
	{Format: ExportXLSX, Name: "xlsx", Ext: ".xlsx", box: containerXLSX, shape: listShape},
	{Format: ExportCSV, Name: "csv", Ext: ".csv", box: containerCSV, shape: listShape},
	{Format: ExportCSVSemicolon, Name: "csv-fr", Ext: ".csv", box: containerCSVFr, shape: listShape},
	{Format: ExportMoodle, Name: "moodle", Ext: ".csv", box: containerPlainCSV, shape: moodleShape},
	{Format: ExportOneRoster11, Name: "oneroster-1.1", Ext: ".zip", box: containerZip, set: oneRoster11},
	{Format: ExportOneRoster12, Name: "oneroster-1.2", Ext: ".zip", box: containerZip, set: oneRoster12},
	{Format: ExportSDS21, Name: "sds-v2.1", Ext: ".zip", box: containerZip, set: sdsV21},
	{Format: ExportGoogle, Name: "google", Ext: ".csv", box: containerCSV, shape: googleShape},
	{Format: ExportENT, Name: "ent-export", Ext: ".csv", box: containerENT, shape: entShape},
	{Format: ExportEdulib, Name: "edulib-xlsx", Ext: ".xlsx", box: containerXLSX, shape: edulibShape},
}

// ExportFormats lists the formats an export can write, in the order the console offers them.
func ExportFormats() []ExportFormatInfo { return exportFormats }

// ParseExportFormat finds a format by its CLI name (case does not matter).
func ParseExportFormat(name string) (ExportFormatInfo, bool) {
	for _, f := range exportFormats {
		if strings.EqualFold(f.Name, name) {
			return f, true
		}
	}
	return ExportFormatInfo{}, false
}

// CheckExportOptions refuses the options a format cannot use, before anything is read or
// written: an unknown field, placeholder or charset is an *model.ExportOptionError.
func CheckExportOptions(f ExportFormat, opts ExportOptions) error {
	if check := f.Info().shape.check; check != nil {
		return check(opts)
	}
	return nil
}

// Info is the registry's entry of a format.
func (f ExportFormat) Info() ExportFormatInfo {
	for _, e := range exportFormats {
		if e.Format == f {
			return e
		}
	}
	return ExportFormatInfo{Format: f}
}

// ExportFormatNames are the CLI names of the formats, for help and errors.
func ExportFormatNames() []string {
	names := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		names[i] = f.Name
	}
	return names
}

// listShape is the preview's columns in the admin's language: Rollcall's own export, which
// imports back.
var listShape = exportShape{
	header: func(x *exportRun) []string { return x.labels.Headers[:] },
	row: func(dst []string, u *model.User, x *exportRun) []string {
		var classes []string
		for _, id := range u.ClassIDs {
			classes = append(classes, x.classes[id].Name)
		}
		code := ""
		if !u.Activated() {
			code = model.FormatCode(u.ActivationCode)
		}
		return append(dst, u.LastName, u.FirstName, x.labels.Profile(u.Profile), u.Login, code, u.Email,
			strings.Join(classes, ", "), x.labels.Date(u.CreatedAt))
	},
}
