package app

import (
	"encoding/csv"
	"io"

	"github.com/xuri/excelize/v2"

	"rollcall/model"
)

// TemplateLabels are an empty import template's words in the admin's language: its columns as
// the spreadsheet importer reads them and the mark after a required column (i18n's
// TemplateTexts converts to it).
type TemplateLabels struct {
	LastName, FirstName, ClassCode, Login, Email, Password, Group, Profile string
	Required                                                               string
	Semicolon                                                              bool // CSV for French Excel
}

// templateColumns are a profile's columns, required ones first. Pupils need a class; the
// others may name their classes and say their profile, so that a CSV renamed to a name that
// does not say it still imports as what it is.
func templateColumns(p model.Profile, l TemplateLabels) []string {
	req := func(s string) string { return s + l.Required }
	if p == model.Student {
		return []string{req(l.LastName), req(l.FirstName), req(l.ClassCode), l.Login, l.Email, l.Password, l.Group}
	}
	cols := []string{req(l.LastName), req(l.FirstName), l.Email}
	if p == model.Teacher {
		cols = append(cols, l.ClassCode)
	}
	return append(cols, l.Login, l.Password, l.Group, l.Profile)
}

// WriteImportTemplate writes the empty spreadsheet template of a profile (pupils, teachers,
// parents, staff) to path, as XLSX or CSV, with its required columns marked: an admin fills it
// and imports it back. The file is written whole or not at all.
// sheet names the workbook's sheet, which says the profile ("Enseignants").
func WriteImportTemplate(p model.Profile, format ExportFormat, l TemplateLabels, sheet, path string) error {
	switch p {
	case model.Student, model.Teacher, model.Parent, model.Staff:
	default:
		return &model.ValidationError{Field: "profile", Rule: model.RuleUnknownValue, Value: p.String()}
	}
	cols := templateColumns(p, l)
	return writeFile(path, func(w io.Writer) error {
		if format == ExportXLSX {
			return writeTemplateBook(w, sheet, cols)
		}
		if _, err := io.WriteString(w, "\ufeff"); err != nil { // the BOM tells Excel it is UTF-8
			return err
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		if l.Semicolon {
			cw.Comma = ';'
		}
		if err := cw.Write(cols); err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	})
}

func writeTemplateBook(w io.Writer, sheet string, cols []string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	row := make([]any, len(cols))
	for i, c := range cols {
		row[i] = c
	}
	if err := f.SetSheetRow(sheet, "A1", &row); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "A", columnName(len(cols)), 18); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

func columnName(n int) string {
	if name, err := excelize.ColumnNumberToName(n); err == nil {
		return name
	}
	return "A"
}
