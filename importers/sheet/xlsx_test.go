package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"rollcall/importers/roster"
	"rollcall/model"
)

// zipParts builds a workbook from its parts.
func zipParts(tb testing.TB, parts map[string]string) []byte {
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

// TestWorkbookCells: what the streamed reader makes of the ways a writer may put cells: shared
// strings with rich text runs and phonetic hints, inline strings, numbers, booleans, a formula's
// text, cells without references, rows left out, namespace prefixes, a part with a BOM, a
// workbook found through its relationships, and the author in the document properties.
func TestWorkbookCells(t *testing.T) {
	t.Parallel()
	parts := map[string]string{
		"_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="book/main.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
		"docProps/core.xml": `<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>t</dc:title><dc:creator>Rollcall</dc:creator></cp:coreProperties>`,
		"book/main.xml": "\xEF\xBB\xBF" + `<x:workbook xmlns:x="m" xmlns:r="r"><x:sheets><x:sheet name="Notes" sheetId="2" r:id="rId9"/>` +
			`<x:sheet name="Élèves" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
		"book/_rels/main.xml.rels": `<Relationships><Relationship Id="rId1" Type=".../worksheet" Target="/book/s/one.xml"/>` +
			`<Relationship Id="rId9" Type=".../worksheet" Target="s/notes.xml"/><Relationship Id="rId3" Type=".../sharedStrings" Target="strings.xml"/></Relationships>`,
		"book/strings.xml": `<sst><si><t>Nom</t></si><si><r><t>Pré</t></r><r><rPr/><t xml:space="preserve">nom</t></r></si>` +
			`<si><t>Code classe</t></si><si><t>COLIN</t><rPh><t>コリン</t></rPh></si><si><t>L&amp;éa</t></si></sst>`,
		"book/s/notes.xml": `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Instructions</t></is></c></row></sheetData></worksheet>`,
		"book/s/one.xml": `<x:worksheet xmlns:x="m"><x:sheetData>` +
			`<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>Identifiant</x:t></x:is></x:c></x:row>` +
			`<x:row r="3"><x:c r="A3" t="s"><x:v>3</x:v></x:c><x:c t="s"><x:v>4</x:v></x:c><x:c r="C3" t="str"><x:f>"6"&amp;"A"</x:f><x:v>6A</x:v></x:c><x:c r="D3"><x:v>12345</x:v></x:c></x:row>` +
			`<x:row><x:c r="A4" t="inlineStr"><x:is><x:r><x:t>DU</x:t></x:r><x:r><x:t>RAND</x:t></x:r></x:is></x:c><x:c r="B4" t="inlineStr"><x:is><x:t>Zoé</x:t></x:is></x:c><x:c r="C4" t="b"><x:v>1</x:v></x:c><x:c r="E4"/></x:row>` +
			`</x:sheetData></x:worksheet>`,
	}
	f := &roster.File{Name: "modele.xlsx", Raw: zipParts(t, parts)}
	wb, err := openWorkbook(f)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if got := wb.sheetList(); !reflect.DeepEqual(got, []string{"Notes", "Élèves"}) || wb.creator() != RollcallCreator {
		t.Fatalf("sheets %q, creator %q", got, wb.creator())
	}
	src, err := wb.rows("Élèves")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		r, ok := src.Next()
		if !ok {
			break
		}
		got = append(got, strings.Join(append([]string{string(rune('0' + r.Line))}, r.Fields...), "|"))
	}
	src.close()
	want := []string{"1|Nom|Prénom|Code classe|Identifiant", "3|COLIN|L&éa|6A|12345", "4|DURAND|Zoé|TRUE"}
	if src.err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("rows %q (err %v), want %q", got, src.err, want)
	}
	j := roster.NewJob(context.Background(), 0, nil)
	if err := ParseWorkbook(j, f, model.ProfileUnknown); err != nil {
		t.Fatal(err)
	}
	if len(j.Batch.Records) != 2 || !j.Batch.FromRollcall || j.Batch.Records[0].Login != "12345" || j.Batch.Records[1].Where.Line != 4 {
		t.Errorf("records %+v, errors %v", j.Batch.Records, j.Errs.List)
	}
}

// TestWorkbookFaults: a shared string that is not there, a sheet that is not XML and shared
// strings past MaxSharedStrings are located errors, never a panic or a guess.
func TestWorkbookFaults(t *testing.T) {
	t.Parallel()
	base := func(sheet, sst string) []byte {
		return zipParts(t, map[string]string{
			"xl/workbook.xml":            `<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`,
			"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
			"xl/worksheets/sheet1.xml":   sheet,
			"xl/sharedStrings.xml":       sst,
		})
	}
	head := `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Nom</t></is></c><c t="inlineStr"><is><t>Prénom</t></is></c></row>`
	huge := "<sst><si><t>" + strings.Repeat("<![CDATA[abcdefghijklmnop]]>", MaxSharedStrings/16+1) + "</t></si></sst>"
	for name, tc := range map[string]struct {
		raw  []byte
		rule model.Rule
		line int
	}{
		"missing string": {base(head+`<row r="2"><c t="s"><v>7</v></c><c t="s"><v>0</v></c></row></sheetData></worksheet>`, "<sst><si><t>a</t></si></sst>"), model.RuleBadXLSX, 2},
		"not xml":        {base(head+`<row r="2"><c><v>1</c></row></sheetData></worksheet>`, "<sst/>"), model.RuleBadXLSX, 2},
		"huge strings":   {base(head+`</sheetData></worksheet>`, huge), model.RuleTooLarge, 0},
	} {
		j := roster.NewJob(context.Background(), 0, nil)
		if err := ParseWorkbook(j, &roster.File{Name: "m.xlsx", Raw: tc.raw}, model.Teacher); err != nil {
			t.Fatal(err)
		}
		if len(j.Errs.List) == 0 || j.Errs.List[0].Rule != tc.rule || j.Errs.List[0].Line != tc.line {
			t.Errorf("%s: errors %v", name, j.Errs.List)
		}
	}
}
