package importers

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"rollcall/model"
)

// TestOneEncodingPerFile: a UTF-8 file with one line pasted from a Windows-1252 file is refused
// at that line, where before the whole file became mojibake ("ChloÃ©"); a file wholly in
// Windows-1252 still reads.
func TestOneEncodingPerFile(t *testing.T) {
	t.Parallel()
	head := "Prénom*;Nom*;Date de naissance*;Classes*\n"
	mixed := []byte(head + "Chloé;MARTIN;01/02/2014;CP\n" + "Zo\xe9;DURAND;03/04/2014;CP\n" + "Léo;PETIT;05/06/2014;CP\n")
	p := writeFile(t, "CSV_Eleves.csv", mixed)
	es := mustFail(t, Options{}, p)
	want := []errKey{{p, 3, "Prénom*", "A", "Zo\uFFFD", RuleBadEncoding, "UTF-8", 0}}
	if got := keys(es); !reflect.DeepEqual(got, want) {
		t.Errorf("mixed encodings:\n got %+v\nwant %+v", got, want)
	}

	cp1252 := []byte("Pr\xe9nom*;Nom*;Date de naissance*;Classes*\n" + "Chlo\xe9;MARTIN;01/02/2014;CP\n" + "\x8cuvre;DURAND;03/04/2014;CP\n")
	b := mustParse(t, Options{}, writeFile(t, "CSV_Eleves.csv", cp1252))
	if b.Records[0].FirstName != "Chloé" || b.Records[1].FirstName != "Œuvre" {
		t.Errorf("windows-1252 read as %q, %q", b.Records[0].FirstName, b.Records[1].FirstName)
	}
	bom := append([]byte{0xEF, 0xBB, 0xBF}, []byte(head+"Chlo\xe9;MARTIN;01/02/2014;CP\n")...)
	if es := mustFail(t, Options{}, writeFile(t, "CSV_Eleves.csv", bom)); es.List[0].Rule != RuleBadEncoding || es.List[0].Line != 2 {
		t.Errorf("a BOM file with a stray byte: %+v", es.List[0])
	}
}

// TestControlCharactersRefused: NUL, ESC and C1 controls are refused in any cell and in the
// header, naming file, line and column; tabs and line breaks inside a quoted cell are spaces.
func TestControlCharactersRefused(t *testing.T) {
	t.Parallel()
	head := "Prénom*;Nom*;Date de naissance*;Classes*\n"
	// The NUL sits past the first 8 KB, where a binary file would have been told apart.
	filler := strings.Repeat("Léa;COLIN;13/08/2014;CP\n", 400)
	raw := head + filler + "Th\x1b[31méo;COLIN;02/01/2010;CM2\n" + "Inès;BER\x00GER;05/03/2014;CP\n" +
		"Noé;\u009bDUPONT;05/03/2014;CP\n" + "\"Marie\tAnne\";\"LE\nGALL\";05/03/2014;CP\n"
	p := writeFile(t, "CSV_Eleves.csv", []byte(raw))
	es := mustFail(t, Options{}, p)
	want := []errKey{
		{p, 402, "Prénom*", "A", "Th\x1b[31méo", RuleControlChar, "U+001B", 0},
		{p, 403, "Nom*", "B", "BER\x00GER", RuleControlChar, "U+0000", 0},
		{p, 404, "Nom*", "B", "\u009bDUPONT", RuleControlChar, "U+009B", 0},
	}
	if got := keys(es); !reflect.DeepEqual(got, want) {
		t.Errorf("control characters:\n got %+v\nwant %+v", got, want)
	}
	b := mustParse(t, Options{}, writeFile(t, "CSV_Eleves.csv", []byte(head+"\"Marie\tAnne\";\"LE\nGALL\";05/03/2014;CP\n")))
	if r := b.Records[0]; r.FirstName != "Marie Anne" || r.LastName != "LE GALL" || r.Profile != model.Student {
		t.Errorf("tab and line break: %+v", r)
	}
	hp := writeFile(t, "CSV_Eleves.csv", []byte("Prénom*;Nom\x07*;Date de naissance*;Classes*\nLéa;COLIN;13/08/2014;CP\n"))
	if es := mustFail(t, Options{}, hp); es.List[0].Rule != RuleControlChar || es.List[0].Line != 1 || es.List[0].Letter != "B" {
		t.Errorf("control character in the header: %+v", es.List[0])
	}
}

// TestFieldCountIsAnError: a delimited row with more values than the header has columns (a
// separator in a name) or fewer (a truncated line) is refused at its line, naming how many it
// has and how many the header has; empty cells past the header (Excel's ";;;") are not.
func TestFieldCountIsAnError(t *testing.T) {
	t.Parallel()
	raw := "Prénom*;Nom*;Date de naissance*;Classes*\n" +
		"Léa;COLIN;13/08/2014;CP;;\n" +
		"Théo;DE;COLIN;02/01/2010;CM2\n" +
		"Inès;BERGER\n"
	p := writeFile(t, "CSV_Eleves.csv", []byte(raw))
	es := mustFail(t, Options{}, p)
	want := []errKey{
		{p, 3, "", "", "5", RuleFieldCount, "4", 0},
		{p, 4, "", "", "2", RuleFieldCount, "4", 0},
	}
	got := keys(es)
	for i := len(got) - 1; i >= 0; i-- { // the short row also lacks its required values
		if got[i].Rule != RuleFieldCount {
			got = append(got[:i], got[i+1:]...)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("field counts:\n got %+v\nwant %+v", got, want)
	}
}

// TestOneEncodingPerFileFarIn: the rule holds when the telling line is far past what one window
// of the streamed reading holds, in a file on disk and in an archive entry alike.
func TestOneEncodingPerFileFarIn(t *testing.T) {
	t.Parallel()
	head := "Prénom*;Nom*;Date de naissance*;Classes*\n"
	var b strings.Builder
	b.WriteString(head)
	for i := range 20_000 {
		fmt.Fprintf(&b, "Léa;MARTIN%d;01/02/2014;CP\n", i)
	}
	mixed := []byte(b.String() + "Zo\xe9;DURAND;03/04/2014;CP\n")
	p := writeFile(t, "CSV_Eleves.csv", mixed)
	z := writeFile(t, "eleves.zip", zipOf(t, map[string][]byte{"CSV_Eleves.csv": mixed}))
	for path, file := range map[string]string{p: p, z: z + "/CSV_Eleves.csv"} {
		es := mustFail(t, Options{}, path)
		want := []errKey{{file, 20_002, "Prénom*", "A", "Zo\uFFFD", RuleBadEncoding, "UTF-8", 0}}
		if got := keys(es); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", path, got, want)
		}
	}
}
