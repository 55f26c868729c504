package importers

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"rollcall/importers/sheet"
)

// The memory budget on hostile inputs, measured in a child process (its peak resident set as
// the kernel reports it), never as a timing: a zip that inflates to hundreds of megabytes of
// garbage rows, and a workbook whose shared strings would take gigabytes in excelize.

// bombEnv names the file TestBombChild parses when the parent test starts it.
const bombEnv = "ROLLCALL_TEST_BOMB"

// TestBombChild is the child process: it parses the file and prints the error it got.
func TestBombChild(t *testing.T) {
	path := os.Getenv(bombEnv)
	if path == "" {
		t.Skip("run by the bomb tests in a child process")
	}
	_, err := Parse(context.Background(), inputs(path), Options{}, nil)
	fmt.Printf("BOMB-ERROR %v\n", err)
}

// parseInChild parses path in a child process and returns its output and peak RSS in bytes.
func parseInChild(t *testing.T, path string) (string, int64) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestBombChild$", "-test.v")
	cmd.Env = append(os.Environ(), bombEnv+"="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Skip("no resource usage on this system")
	}
	return string(out), ru.Maxrss * 1024 // kilobytes on Linux
}

// writeZipBomb writes a zip of entries, each a header line and then size bytes of line.
func writeZipBomb(t *testing.T, path string, entries map[string]string, line string, size int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := zip.NewWriter(f)
	w.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, flate.BestSpeed) })
	chunk := bytes.Repeat([]byte(line), 64<<10/len(line))
	for name, head := range entries {
		e, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriter(e)
		bw.WriteString(head)
		for n := 0; n < size; n += len(chunk) {
			bw.Write(chunk)
		}
		bw.Flush()
	}
	if err := errors.Join(w.Close(), f.Close()); err != nil {
		t.Fatal(err)
	}
}

// TestZipBombMemory: two 100 MB CSVs of garbage rows in a zip of a few hundred kilobytes. The
// rows fail, the reading stops after the first thousand errors, and the entries are streamed,
// never held: it used to peak at four times the inflated size, then at once the inflated size.
func TestZipBombMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates 200 MB")
	}
	t.Parallel()
	const size = 100 << 20
	path := filepath.Join(t.TempDir(), "bomb.zip")
	writeZipBomb(t, path, map[string]string{
		"users.csv":       "sourcedId,status,dateLastModified,givenName,familyName\n",
		"enrollments.csv": "sourcedId,classSourcedId,userSourcedId\n",
	}, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", size)
	out, peak := parseInChild(t, path)
	if !bytes.Contains([]byte(out), []byte("BOMB-ERROR "+path+"/users.csv:2")) {
		t.Errorf("the bomb's error does not name its first row:\n%s", out)
	}
	if limit := int64(64 << 20); peak > limit {
		t.Errorf("peak RSS %d MB for %d MB inflated, over %d MB", peak>>20, 2*size>>20, limit>>20)
	}
	t.Logf("zip bomb: %d MB inflated, peak RSS %d MB", 2*size>>20, peak>>20)
}

// TestWorkbookBombMemory: a workbook whose shared strings inflate to 64 MB is refused once they
// reach sheet.MaxSharedStrings (250 MB of them used to peak at 7.8 GB in excelize).
func TestWorkbookBombMemory(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "modele.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := zip.NewWriter(f)
	w.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, flate.BestSpeed) })
	for name, body := range workbookParts {
		e, _ := w.Create(name)
		e.Write([]byte(body))
	}
	e, _ := w.Create("xl/sharedStrings.xml")
	bw := bufio.NewWriter(e)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Nom</t></si><si><t>Prénom</t></si>`)
	chunk := bytes.Repeat([]byte("<si><t>abcdefghijklmnopqrst</t></si>"), 2000)
	for n := 0; n < 64<<20; n += len(chunk) {
		bw.Write(chunk)
	}
	bw.WriteString("</sst>")
	bw.Flush()
	if err := errors.Join(w.Close(), f.Close()); err != nil {
		t.Fatal(err)
	}
	out, peak := parseInChild(t, path)
	want := fmt.Sprintf("BOMB-ERROR %s: too_large, expected %d", path, sheet.MaxSharedStrings)
	if !bytes.Contains([]byte(out), []byte(want)) {
		t.Errorf("got\n%s\nwant %q", out, want)
	}
	if peak > 120<<20 {
		t.Errorf("peak RSS %d MB for a refused workbook", peak>>20)
	}
	t.Logf("workbook bomb: peak RSS %d MB", peak>>20)
}

// TestCSVBombMemory: a file of 10 pupils and 16 MB of blank rows (3.4 million lines) is read in
// a few megabytes: its lines once made room for as many records at once (64 MB of such lines
// took 3.2 GB).
func TestCSVBombMemory(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "CSV_Eleves.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("Prénom*;Nom*;Date de naissance*;Classes*\r\n")
	for i := range 10 {
		fmt.Fprintf(w, "Léa;MARTIN%d;01/02/2014;CP\r\n", i)
	}
	chunk := bytes.Repeat([]byte(";;;\r\n"), 64<<10/5)
	for n := 0; n < 16<<20; n += len(chunk) {
		w.Write(chunk)
	}
	if err := errors.Join(w.Flush(), f.Close()); err != nil {
		t.Fatal(err)
	}
	out, peak := parseInChild(t, path)
	if !bytes.Contains([]byte(out), []byte("BOMB-ERROR <nil>")) {
		t.Errorf("the file did not read:\n%s", out)
	}
	if peak > 64<<20 {
		t.Errorf("peak RSS %d MB for 10 pupils", peak>>20)
	}
	t.Logf("CSV bomb: peak RSS %d MB", peak>>20)
	// Untouched pages of a huge slice may not show in the resident set: hold the room made to it.
	b, err := Parse(context.Background(), inputs(path), Options{}, nil)
	if err != nil || len(b.Records) != 10 || cap(b.Records) > 2048 {
		t.Errorf("10 pupils read into room for %d records (err %v)", cap(b.Records), err)
	}
}

// workbookParts are the parts of a one-sheet workbook whose cells are shared strings 0 and 1.
var workbookParts = map[string]string{
	"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
	"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
	"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Eleves" sheetId="1" r:id="rId1"/></sheets></workbook>`,
	"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
	"xl/worksheets/sheet1.xml":   `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row></sheetData></worksheet>`,
}
