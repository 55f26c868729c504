package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"testing"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

func check(t *testing.T, j *roster.Job) {
	for _, r := range j.Batch.Records {
		if r.Where.Line < 2 || r.LastName == "" || r.FirstName == "" {
			t.Fatalf("bad record %+v", r)
		}
	}
	for _, e := range j.Errs.List {
		if e.Rule == "" {
			t.Fatalf("error without a rule: %+v", e)
		}
		if e.Rule == model.RulePasswordLength && e.Value != "" {
			t.Fatalf("password in an error: %+v", e)
		}
	}
}

// FuzzSheetCSV parses arbitrary CSV as a template.
func FuzzSheetCSV(f *testing.F) {
	f.Add([]byte("Nom;Prénom;Code classe;Mot de passe\nCOLIN;Léa;6A, 6B;Secret#2026\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		j := roster.NewJob(context.Background(), 0, nil)
		file := &roster.File{Name: "Eleves.csv", Raw: raw}
		if err := ParseCSV(j, file, table.NewText(file.Name, raw), model.ProfileUnknown); err != nil {
			t.Fatal(err)
		}
		check(t, j)
	})
}

// FuzzWorkbook parses arbitrary bytes as a workbook: the streamed reader must not take the
// process down, nor hold more than its limits.
// The seed is a one-sheet workbook of about a kilobyte built here, so an execution is cheap.
func FuzzWorkbook(f *testing.F) {
	f.Add(tinyWorkbook(f))
	f.Fuzz(func(t *testing.T, raw []byte) {
		j := roster.NewJob(context.Background(), 0, nil)
		file := &roster.File{Name: "modele.xlsx", Raw: raw}
		_ = SniffWorkbook(file)
		if err := ParseWorkbook(j, file, model.ProfileUnknown); err != nil {
			t.Fatal(err)
		}
		check(t, j)
	})
}

// tinyWorkbook is the smallest workbook excelize opens: one sheet, a header and a row, inline
// strings.
func tinyWorkbook(tb testing.TB) []byte {
	parts := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Eleves" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c><c r="B1" t="inlineStr"><is><t>Prénom</t></is></c><c r="C1" t="inlineStr"><is><t>Code classe</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>COLIN</t></is></c><c r="B2" t="inlineStr"><is><t>Léa</t></is></c><c r="C2" t="inlineStr"><is><t>6A</t></is></c></row></sheetData></worksheet>`,
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, body := range parts {
		e, err := w.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		e.Write([]byte(body))
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestTinyWorkbookReads: the fuzz seed is a real template, so mutations start from one.
func TestTinyWorkbookReads(t *testing.T) {
	j := roster.NewJob(context.Background(), 0, nil)
	if err := ParseWorkbook(j, &roster.File{Name: "modele.xlsx", Raw: tinyWorkbook(t)}, model.ProfileUnknown); err != nil || len(j.Batch.Records) != 1 || j.Batch.Records[0].FirstName != "Léa" {
		t.Fatalf("records %+v, errors %v, %v", j.Batch.Records, j.Errs.List, err)
	}
}

// FuzzWorkbookParts fuzzes what the streamed reader reads inside a workbook, the worksheet and
// the shared strings, rather than the zip around them (whose checksums turn most mutations into
// a refused archive): each execution zips the two parts, so the reader sees them as they are.
func FuzzWorkbookParts(f *testing.F) {
	f.Add(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`+
		`<row r="3"><c t="inlineStr"><is><r><t>CO</t></r><r><t>LIN</t></r></is></c><c t="s"><v>2</v></c><c r="D3" t="b"><v>1</v></c></row></sheetData></worksheet>`,
		`<sst><si><t>Nom</t></si><si><t>Prénom</t><rPh><t>x</t></rPh></si><si><t xml:space="preserve"> L&amp;éa </t></si></sst>`)
	f.Fuzz(func(t *testing.T, sheetXML, sstXML string) {
		raw := zipParts(t, map[string]string{
			"xl/workbook.xml":            `<workbook><sheets><sheet name="Enseignants" r:id="rId1"/></sheets></workbook>`,
			"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
			"xl/worksheets/sheet1.xml":   sheetXML,
			"xl/sharedStrings.xml":       sstXML,
		})
		j := roster.NewJob(context.Background(), 0, nil)
		file := &roster.File{Name: "modele.xlsx", Raw: raw}
		_ = SniffWorkbook(file)
		if err := ParseWorkbook(j, file, model.ProfileUnknown); err != nil {
			t.Fatal(err)
		}
		check(t, j)
	})
}
