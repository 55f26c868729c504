package aaf_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"rollcall/importers"
	"rollcall/importers/aaf/aaftest"
	"rollcall/importers/xmlfeed"
)

// A feed read a chunk at a time beside the records made of it keeps every request, in file
// order, across numbered files of many chunks each.
func TestChunkedReadingKeepsFileOrder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	c, err := aaftest.Write(dir, aaftest.Feed{Persons: 3000, PerFile: 700})
	if err != nil {
		t.Fatal(err)
	}
	b, err := importers.Parse(context.Background(), []importers.Input{{Path: dir}}, importers.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Records) != 3000 || len(b.Files) != len(c.Files) {
		t.Fatalf("%d records from %d files, want 3000 from %d", len(b.Records), len(b.Files), len(c.Files))
	}
	children := 0
	for i, r := range b.Records {
		if i > 0 {
			prev := b.Records[i-1]
			if prev.Where.File == r.Where.File && prev.Where.Line >= r.Where.Line {
				t.Fatalf("record %d (%s line %d) after line %d", i, r.ExternalID, r.Where.Line, prev.Where.Line)
			}
		}
		children += len(r.Children)
	}
	if children != 2*c.Pupils {
		t.Errorf("%d guardian links, want %d", children, 2*c.Pupils)
	}
}

// A file cut in the middle of its second chunk is a located error at its end.
func TestChunkedReadingStopsAtABrokenFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	c, err := aaftest.Write(dir, aaftest.Feed{Persons: 2000, PerFile: 5000})
	if err != nil {
		t.Fatal(err)
	}
	pupils := ""
	for _, f := range c.Files {
		if strings.Contains(f, "_Eleve_") {
			pupils = f
		}
	}
	raw, err := os.ReadFile(pupils)
	if err != nil {
		t.Fatal(err)
	}
	cut := raw[:len(raw)*2/3]
	if err := os.WriteFile(pupils, cut, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = importers.Parse(context.Background(), []importers.Input{{Path: dir}}, importers.Options{}, nil)
	var es *importers.Errors
	if !errors.As(err, &es) || len(es.List) != 1 {
		t.Fatalf("err = %v", err)
	}
	lines := strings.Count(strings.TrimRight(string(cut), " \n"), "\n") + 1
	if e := es.List[0]; e.Rule != xmlfeed.RuleBadXML || e.File != filepath.Base(pupils) && !strings.HasSuffix(e.File, filepath.Base(pupils)) || e.Line != lines {
		t.Errorf("error = %+v, want %s line %d", e, filepath.Base(pupils), lines)
	}
}

// Cancelling in the middle of a file stops the reading goroutines (its own and the next
// file's) before Parse returns.
func TestCancelledFeedStopsItsReaders(t *testing.T) {
	dir := t.TempDir()
	if _, err := aaftest.Write(dir, aaftest.Feed{Persons: 3000, PerFile: 1500}); err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := importers.Parse(ctx, []importers.Input{{Path: dir}}, importers.Options{}, func(importers.Progress) {
		cancel() // at the end of the first file: the next ones are being read
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want cancelled", err)
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines after, %d before", after, before)
	}
}
