package importers

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
	"time"
)

// TestNothingToImportIsAnError: a folder, a zip or a file list in which nothing is a roster is
// refused, each file named with why it was not read; never an empty import that "succeeds".
func TestNothingToImportIsAnError(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("# export\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "photo.jpg"), []byte{0xFF, 0xD8, 0xFF}, 0o600)
	os.Mkdir(filepath.Join(dir, "old"), 0o755)
	os.WriteFile(filepath.Join(dir, ".DS_Store"), []byte{0}, 0o600)
	es := mustFail(t, Options{}, dir)
	want := []errKey{
		{filepath.Join(dir, "README.md"), 0, "", "", "", RuleNotRoster, ".csv|.tsv|.txt|.xlsx|.xml|.zip", 0},
		{filepath.Join(dir, "old"), 0, "", "", "", RuleNotRoster, "file", 0},
		{filepath.Join(dir, "photo.jpg"), 0, "", "", "", RuleNotRoster, ".csv|.tsv|.txt|.xlsx|.xml|.zip", 0},
	}
	if got := keys(es); !reflect.DeepEqual(got, want) {
		t.Errorf("folder of no roster:\n got %+v\nwant %+v", got, want)
	}
	ds, err := Detect(inputs(dir))
	if err != nil || len(ds) != 3 || ds[0].Problem == nil || ds[0].Problem.Rule != RuleNotRoster {
		t.Errorf("Detect = %+v, %v", ds, err)
	}

	empty := t.TempDir()
	if es := mustFail(t, Options{}, empty); es.List[0].Rule != RuleNothingToImport || es.List[0].File != empty {
		t.Errorf("empty folder: %+v", es.List[0])
	}

	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, _ := w.Create("export/notes.pdf")
	f.Write([]byte("%PDF-1.4"))
	w.Close()
	z := writeFile(t, "export.zip", buf.Bytes())
	if es := mustFail(t, Options{}, z); len(es.List) != 1 || es.List[0].File != z+"/export/notes.pdf" || es.List[0].Rule != RuleNotRoster {
		t.Errorf("zip of no roster: %+v", es.List)
	}
}

// TestSkippedBesideRosters: files not read beside recognised ones are listed in the batch: a
// README beside ENT files, a set's files its format does not use (SDS's academicSessions.csv
// and userFlags.csv).
func TestSkippedBesideRosters(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "CSV_Eleves.csv"), []byte("Prénom*;Nom*;Date de naissance*;Classes*\nLéa;COLIN;13/08/2014;CP\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "LISEZMOI.pdf"), []byte("%PDF"), 0o600)
	b := mustParse(t, Options{}, dir)
	if len(b.Records) != 1 || keys(b.Skipped)[0] != (errKey{filepath.Join(dir, "LISEZMOI.pdf"), 0, "", "", "", RuleNotRoster, ".csv|.tsv|.txt|.xlsx|.xml|.zip", 0}) {
		t.Errorf("records %d, skipped %+v", len(b.Records), keys(b.Skipped))
	}
	sds := mustParse(t, Options{}, sample(t, "sds/v2.1"))
	if got := keys(sds.Skipped); len(got) != 2 || filepath.Base(got[0].File) != "academicSessions.csv" ||
		filepath.Base(got[1].File) != "userFlags.csv" || got[1].Rule != RuleNotInSet || got[1].Expected != "sds-v2" {
		t.Errorf("sds v2.1 skipped %+v", got)
	}
}

// TestOnlyRegularFilesAreRead: a device or a named pipe given as a file is refused at once,
// without reading /dev/zero forever or waiting for a pipe's writer.
func TestOnlyRegularFilesAreRead(t *testing.T) {
	t.Parallel()
	fifo := filepath.Join(t.TempDir(), "users.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "set")
	os.Mkdir(dir, 0o755)
	syscall.Mkfifo(filepath.Join(dir, "users.csv"), 0o600)
	feed := filepath.Join(t.TempDir(), "ENT_Complet_Eleve_0000.xml") // streamed, not read whole
	syscall.Mkfifo(feed, 0o600)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, p := range []string{"/dev/zero", fifo, dir, feed} {
			_, err := Parse(context.Background(), inputs(p), Options{}, nil)
			es, ok := err.(*Errors)
			if !ok || es.List[0].Rule != RuleNotRegular {
				t.Errorf("%s: %v, want %s", p, err, RuleNotRegular)
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(time.Minute): // a hang, not a timing assert: the read would never end
		t.Fatal("reading a device or a pipe did not return")
	}
}
