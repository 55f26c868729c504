package mailmerge

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWritePDFSplit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var classA, classB []Card
	for i := range 13 {
		c := testCard(i)
		if i%2 == 0 {
			classA = append(classA, c)
		} else {
			classB = append(classB, c)
		}
	}
	groups := []Group{{Name: "3e A", Cards: SliceSource(classA)}, {Name: "empty", Cards: SliceSource(nil)}, {Name: "3e B/option", Cards: SliceSource(classB)}}
	var last [2]int // an empty group has no file and no page
	paths, err := WritePDFSplit(context.Background(), dir, groups, Layout{PerSheet: 2}, nil, func(done, total int) {
		last = [2]int{done, total}
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "3e A.pdf"), filepath.Join(dir, "3e B_option.pdf")}
	if strings.Join(paths, ",") != strings.Join(want, ",") {
		t.Fatalf("paths %q, want %q", paths, want)
	}
	if last != [2]int{4 + 3, 7} {
		t.Errorf("last progress %v, want [7 7]", last)
	}
	for i, p := range paths {
		cards := classA
		if i == 1 {
			cards = classB
		}
		if info := readPDFInfo(t, p); info.pages != (len(cards)+1)/2 {
			t.Errorf("%s: %d pages, want %d", p, info.pages, (len(cards)+1)/2)
		}
		text := strings.Join(pdfPagesText(t, p), "")
		for _, c := range cards {
			if !strings.Contains(text, c.Login) {
				t.Errorf("%s lacks %s", p, c.Login)
			}
		}
	}
	assertNoTempFiles(t, dir)
}

// TestWritePDFSplitCancelLeavesNoHalfFile: the group being written when the run stops must
// not appear, completed groups stay.
func TestWritePDFSplitCancelLeavesNoHalfFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stopping := SeqSource(-1, func(yield func(Card, error) bool) {
		for i := 0; ; i++ {
			if i == 50 {
				cancel()
			}
			if !yield(testCard(i), nil) {
				return
			}
		}
	})
	groups := []Group{{Name: "done", Cards: generated(3)}, {Name: "stopped", Cards: stopping}}
	paths, err := WritePDFSplit(ctx, dir, groups, Layout{}, nil, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(paths) != 1 || filepath.Base(paths[0]) != "done.pdf" {
		t.Errorf("paths = %q, want only done.pdf", paths)
	}
	if _, err := os.Stat(filepath.Join(dir, "stopped.pdf")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stopped.pdf exists (err %v)", err)
	}
	assertNoTempFiles(t, dir)
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}
