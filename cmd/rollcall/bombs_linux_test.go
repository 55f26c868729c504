package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// The bombs of TestImportMemoryBudget, generated on the fly (never committed): inputs of a few
// users that hold hundreds of megabytes once read.

// pad writes size bytes of row, repeated.
func pad(w io.Writer, row string, size int64) {
	chunk := bytes.Repeat([]byte(row), 64<<10/len(row))
	for n := int64(0); n < size; n += int64(len(chunk)) {
		w.Write(chunk)
	}
}

// writeCSVBomb writes an ENT students file of 10 pupils followed by size bytes of blank rows,
// which an import skips, as Excel's trailing ";;;;;" rows are.
func writeCSVBomb(t *testing.T, dir string, size int64) string {
	path := filepath.Join(dir, "CSV_Eleves_bomb.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("externalID;First name*;Last name*;Birthdate*;Email;Class\r\n")
	for i := range 10 {
		fmt.Fprintf(w, "B%03d;Léa;Martin%d;01/02/2012;;6A\r\n", i, i)
	}
	pad(w, ";;;;;\r\n", size)
	if err := errors.Join(w.Flush(), f.Close()); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeZip writes an archive whose entries gen writes, compressed as fast as can be.
func writeZip(t *testing.T, path string, names []string, gen func(name string, w io.Writer)) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, flate.BestSpeed) })
	for _, name := range names {
		e, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriterSize(e, 1<<20)
		gen(name, bw)
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	if err := errors.Join(zw.Close(), f.Close()); err != nil {
		t.Fatal(err)
	}
}

// writeZipBomb writes a OneRoster 1.1 set of one school and 10 pupils whose users.csv and
// enrollments.csv each run on with size bytes of blank rows.
func writeZipBomb(t *testing.T, dir string, size int64) string {
	path := filepath.Join(dir, "oneroster_bomb.zip")
	files := map[string]string{
		"manifest.csv":    "propertyName,value\nmanifest.version,1\noneroster.version,1.1\n",
		"orgs.csv":        "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nsch-1,,,Lycée Neuf,school,0690001A,\n",
		"courses.csv":     "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects\ncrs-1,,,,Maths,M1,09,sch-1,\n",
		"classes.csv":     "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects\ncls-1,,,Classe 1,09,crs-1,C1,homeroom,,sch-1,,\n",
		"users.csv":       "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n",
		"enrollments.csv": "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\n",
	}
	names := []string{"manifest.csv", "orgs.csv", "courses.csv", "classes.csv", "users.csv", "enrollments.csv"}
	writeZip(t, path, names, func(name string, w io.Writer) {
		io.WriteString(w, files[name])
		for i := range 10 {
			switch name {
			case "users.csv":
				fmt.Fprintf(w, "u%d,,,true,sch-1,student,,,Léa%d,MARTIN,,,,,,,09,\n", i, i)
			case "enrollments.csv":
				fmt.Fprintf(w, "e%d,,,cls-1,sch-1,u%d,student,,,\n", i, i)
			}
		}
		if name == "users.csv" || name == "enrollments.csv" {
			pad(w, ",,,,,,,,,\n", size)
		}
	})
	return path
}

// writeSharedStringsBomb writes a template workbook of 10 pupils whose shared strings are size
// bytes of XML.
func writeSharedStringsBomb(t *testing.T, dir string, size int64) string {
	path := filepath.Join(dir, "modele_bomb.xlsx")
	parts := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
		"_rels/.rels":                `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Eleves" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
	}
	names := []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"}
	writeZip(t, path, names, func(name string, w io.Writer) {
		switch name {
		case "xl/sharedStrings.xml":
			io.WriteString(w, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Nom</t></si><si><t>Prénom</t></si><si><t>Code classe</t></si>`)
			pad(w, "<si><t>abcdefghijklmnopqrst</t></si>", size)
			io.WriteString(w, `</sst>`)
		case "xl/worksheets/sheet1.xml":
			io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row>`)
			for i := 2; i < 12; i++ {
				fmt.Fprintf(w, `<row r="%d"><c t="inlineStr"><is><t>MARTIN%d</t></is></c><c t="inlineStr"><is><t>Léa</t></is></c><c t="inlineStr"><is><t>6A</t></is></c></row>`, i, i)
			}
			io.WriteString(w, `</sheetData></worksheet>`)
		default:
			io.WriteString(w, parts[name])
		}
	})
	return path
}
