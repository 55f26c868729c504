package importers

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMillionColumnRow(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	b.WriteString("externalID;First name*;Last name*;Birthdate*;Class\r\n")
	b.WriteString("S-1;A;B;01/01/2010;" + strings.Repeat("x;", 1_000_000) + "\r\n")
	b.WriteString("S-2;C;D;01/01/2010;1A\r\n")
	p := writeFile(t, "Students.csv", b.Bytes())
	es := mustFail(t, Options{}, p)
	if got := keys(es); !reflect.DeepEqual(got, []errKey{{p, 2, "", "", "", RuleTooManyColumns, "1024", 0}}) {
		t.Errorf("errors = %+v", got)
	}
}

func TestMaxErrorsCountsTheRest(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("Prénom*;Nom*;Date de naissance*;Classes*\n")
	for i := 0; i < 10; i++ {
		b.WriteString("Léa;COLIN;pas une date;CP\n")
	}
	p := writeFile(t, "Eleves.csv", []byte(b.String()))
	es := mustFail(t, Options{MaxErrors: 3}, p)
	if len(es.List) != 3 || es.Omitted != 7 || es.List[2].Line != 4 {
		t.Errorf("%d listed, %d omitted, third at line %d", len(es.List), es.Omitted, es.List[2].Line)
	}
	if def := mustFail(t, Options{}, p); len(def.List) != 10 || def.Omitted != 0 {
		t.Errorf("default cap: %d listed", len(def.List))
	}
}

func TestErrorsMatchErrInvalid(t *testing.T) {
	t.Parallel()
	var err error = &RowError{File: "a.csv", Line: 2, Rule: model.RuleRequired}
	if !errors.Is(err, model.ErrInvalid) {
		t.Error("RowError does not match model.ErrInvalid")
	}
	es := table.NewErrors(0)
	es.Add(&RowError{File: "a.csv", Line: 2, Rule: model.RuleRequired, Column: "Prénom*", Letter: "A"})
	if !errors.Is(es, model.ErrInvalid) || !strings.Contains(es.Error(), `a.csv:2: column "Prénom*" (A): required`) {
		t.Errorf("Errors = %q", es.Error())
	}
}

// The parser carries a password and where it was, and never says it: the school's policy is
// app's to apply (app's TestImportedPasswordsFollowTheSchoolsPolicy).
func TestPasswordsKeepTheirCell(t *testing.T) {
	t.Parallel()
	p := writeFile(t, "Eleves.csv", []byte("Nom;Prénom;Code classe;Mot de passe\nCOLIN;Léa;CP;hunter2\n"))
	b, err := Parse(context.Background(), inputs(p), Options{}, nil)
	if err != nil || len(b.Records) != 1 {
		t.Fatalf("parse: %v", err)
	}
	c := b.Records[0].PasswordCell
	if c == nil || b.Records[0].Password != "hunter2" || c.Line != 2 || c.Column != "Mot de passe" || c.Letter != "D" || c.Value != "" {
		t.Errorf("password cell %+v", c)
	}
}

func TestMissingInputIsAnIOError(t *testing.T) {
	t.Parallel()
	_, err := Parse(context.Background(), inputs(filepath.Join(t.TempDir(), "nope.csv")), Options{}, nil)
	if !errors.Is(err, fs.ErrNotExist) || errors.Is(err, model.ErrInvalid) {
		t.Errorf("err = %v", err)
	}
}

func bigENT(t testing.TB, dir string, rows int) string {
	var b strings.Builder
	b.WriteString("externalID;First name*;Last name*;Birthdate*;Email;Class;Class\r\n")
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&b, "ID-%07d;Prénom%d;NOM%d;%02d/%02d/20%02d;eleve%d@ecole.fr;%dA;Atelier %d\r\n", i, i, i, 1+i%28, 1+i%12, 10+i%10, i, 3+i%4, i%30)
	}
	p := filepath.Join(dir, "CSV_Students.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestProgressAndCancel(t *testing.T) {
	t.Parallel()
	p := bigENT(t, t.TempDir(), 10_000)
	var seen []int
	b, err := Parse(context.Background(), inputs(p), Options{}, func(pr Progress) {
		if pr.File != p {
			t.Errorf("progress for %q", pr.File)
		}
		seen = append(seen, pr.Rows)
	})
	if err != nil || len(b.Records) != 10_000 || len(b.Classes) != 34 {
		t.Fatalf("Parse = %d records, %d classes, %v", len(b.Records), len(b.Classes), err)
	}
	if !reflect.DeepEqual(seen, []int{4096, 8192, 10_000}) {
		t.Errorf("progress = %v", seen)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Parse(ctx, inputs(p), Options{}, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Parse = %v", err)
	}
}

func zipOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, data := range files {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write(data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestZipBombGuards(t *testing.T) {
	t.Parallel()
	lim := limits{file: 1 << 20, archive: 3 << 20, total: 8 << 20, entries: 10}
	readZip := func(name string, raw []byte, errs *table.Errors, lim limits) []*roster.File {
		return (&loader{errs: errs, skipped: table.NewErrors(0), lim: lim}).readZipBytes(name, raw)
	}
	zeros := bytes.Repeat([]byte{'0'}, 2<<20) // 2 MiB, compresses to a few KiB
	t.Run("entry over the file limit", func(t *testing.T) {
		errs := table.NewErrors(0)
		files := readZip("bomb.zip", zipOf(t, map[string][]byte{"users.csv": zeros}), errs, lim)
		if len(files) != 0 || len(errs.List) != 1 || errs.List[0].Rule != RuleTooLarge || errs.List[0].File != "bomb.zip/users.csv" {
			t.Errorf("files %d, errors %v", len(files), errs.List)
		}
	})
	t.Run("entries over the archive limit", func(t *testing.T) {
		errs := table.NewErrors(0)
		small := zeros[:900<<10]
		raw := zipOf(t, map[string][]byte{"a.csv": small, "b.csv": small, "c.csv": small, "d.csv": small})
		files := readZip("bomb.zip", raw, errs, lim)
		if len(files) != 3 || len(errs.List) != 1 || errs.List[0].Rule != RuleTooLarge {
			t.Errorf("files %d, errors %v", len(files), errs.List)
		}
	})
	t.Run("too many entries", func(t *testing.T) {
		many := map[string][]byte{}
		for i := 0; i < 11; i++ {
			many[fmt.Sprintf("f%d.csv", i)] = []byte("a\n")
		}
		errs := table.NewErrors(0)
		if files := readZip("many.zip", zipOf(t, many), errs, lim); len(files) != 0 || errs.List[0].Rule != RuleTooLarge {
			t.Errorf("files %d, errors %v", len(files), errs.List)
		}
	})
	t.Run("unsafe names", func(t *testing.T) {
		for _, name := range []string{"../x.csv", "/etc/x.csv", `..\x.csv`, "a/../../x.csv", "C:/x.csv"} {
			if !unsafeEntry(name) {
				t.Errorf("%q judged safe", name)
			}
		}
		for _, name := range []string{"users.csv", "export/users.csv", "a..b.csv"} {
			if unsafeEntry(name) {
				t.Errorf("%q judged unsafe", name)
			}
		}
	})
}

func TestNoPanicOnGarbage(t *testing.T) {
	t.Parallel()
	for name, data := range map[string][]byte{
		"empty.csv":    nil,
		"binary.csv":   {0, 1, 2, 3, 0xFF, 0xFE, 0},
		"only-bom.csv": {0xEF, 0xBB, 0xBF},
		"fake.xlsx":    []byte("PK\x03\x04 not really"),
		"fake.zip":     []byte("PK\x05\x06"),
		"quote.csv":    []byte("Prénom;Nom\n\"open"),
	} {
		p := writeFile(t, name, data)
		_, err := Parse(context.Background(), inputs(p), Options{}, nil)
		if !errors.Is(err, model.ErrInvalid) {
			t.Errorf("%s: err = %v, want an invalid-input error", name, err)
		}
		if _, err := Detect(inputs(p)); err != nil {
			t.Errorf("Detect(%s) = %v", name, err)
		}
	}
}
