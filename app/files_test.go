package app

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// A file is written whole or not at all: a failing writer leaves the old file and no
// temporary one; a missing folder is a write error naming the file asked for.
func TestWriteFileWholeOrNotAtAll(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "cartes.pdf")
	if err := writeFile(dest, func(w io.Writer) error { _, err := io.WriteString(w, "v1"); return err }); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("cancelled halfway")
	err := writeFile(dest, func(w io.Writer) error { _, _ = io.WriteString(w, "half"); return boom })
	if !errors.Is(err, boom) {
		t.Errorf("the writer's error: %v", err)
	}
	if got, _ := os.ReadFile(dest); string(got) != "v1" {
		t.Errorf("after a failed write the file holds %q, want the old v1", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a temporary file was left behind: %v", entries)
	}
	if info, _ := os.Stat(dest); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}

	missing := filepath.Join(dir, "absent", "cartes.pdf")
	err = writeFile(missing, func(io.Writer) error { return nil })
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Op != "write" || pe.Path != missing || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing folder: %#v", err)
	}
}
