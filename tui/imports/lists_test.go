package imports

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"rollcall/model"
)

// TestDiffScrollsAndFilters: a diff longer than the screen shows a window of it, pages, jumps
// to the end, and narrows to one kind of change.
func TestDiffScrollsAndFilters(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeBigENT(t, dir, 100)
	f := newFixture(t, model.English, 1, dir)
	d := f.d
	f.dryRun(dir)
	d.WaitView("Dry run: 100 created", "[f] all · 1–", " of 100", "anna.a ")
	pos := regexp.MustCompile(`(\d+)–(\d+) of 100`)
	shown := func() (int, int) {
		m := pos.FindStringSubmatch(d.View())
		if m == nil {
			t.Fatalf("no position:\n%s", d.View())
		}
		return atoi(m[1]), atoi(m[2])
	}
	first, last := shown()
	if first != 1 || last >= 100 || last < 20 {
		t.Fatalf("the first window shows %d–%d of 100 on 40 lines", first, last)
	}
	if lines := strings.Count(d.View(), "\n"); lines > 40 {
		t.Errorf("the view has %d lines for a 40-line body", lines)
	}
	d.Press("pgdown")
	if f2, _ := shown(); f2 != last+1 && f2 != last {
		t.Errorf("page down starts at %d, after %d–%d", f2, first, last)
	}
	d.Press("end")
	if _, l := shown(); l != 100 {
		t.Errorf("end shows up to %d", l)
	}
	d.Press("home")
	d.Press("f")
	d.WaitView("[f] created · 1–")
	d.Press("f")
	d.WaitView("[f] updated · 0–0 of 0", "No user would change.")
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// TestUnknownFileSaysWhatWasTried: a CSV in no known format is shown as not readable, with
// the formats tried and what each missed.
func TestUnknownFileSaysWhatWasTried(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "inventory.csv"), []byte("Item;Price\nChalk;2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, model.English, 1, dir)
	f.typePath("inventory.csv") // relative to the folder shown
	f.d.WaitView("inventory.csv", "not readable", "not a known roster format", "tried ")
}

// TestMissingPathIsSaidAndUnmarked: a typed path with a typo is said, and not kept marked.
func TestMissingPathIsSaidAndUnmarked(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := newFixture(t, model.English, 1, dir)
	f.typePath("nowhere.csv")
	f.d.WaitView("nowhere.csv")
	if !strings.Contains(f.d.View(), "Cannot read") || !strings.Contains(f.d.View(), "no such file or folder") {
		t.Errorf("the missing file is not said:\n%s", f.d.View())
	}
	f.d.Press("enter") // nothing to set options for
	if f.m.step != stepDetected {
		t.Errorf("options opened for a missing file, step %v", f.m.step)
	}
	f.d.Press("esc")
	f.d.WaitView("Nothing marked:")
}

func TestScroller(t *testing.T) {
	t.Parallel()
	two := func(int) int { return 2 }
	item := func(i int) []string { return []string{"item", "detail"} }
	tests := []struct {
		name       string
		do         func(s *scroller)
		wantOffset int
	}{
		{"page down moves a screenful", func(s *scroller) { s.page(true, 10, 6, two) }, 3},
		{"page down stops at the last screenful", func(s *scroller) { s.page(true, 10, 6, two); s.page(true, 10, 6, two); s.page(true, 10, 6, two) }, 7},
		{"down stops at the last screenful", func(s *scroller) { s.end(true, 10, 6, two); s.scroll(1, 10, 6, two) }, 7},
		{"page up comes back", func(s *scroller) { s.end(true, 10, 6, two); s.page(false, 10, 6, two) }, 4},
		{"a list that fits does not move", func(s *scroller) { s.scroll(1, 3, 6, two) }, 0},
		{"an item taller than the window still pages", func(s *scroller) { s.page(true, 3, 1, two) }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s scroller
			tt.do(&s)
			if s.offset != tt.wantOffset {
				t.Errorf("offset %d, want %d", s.offset, tt.wantOffset)
			}
			lines, next := s.window(10, 6, item)
			if len(lines) > 6 || next > 10 {
				t.Errorf("window of %d lines up to %d", len(lines), next)
			}
		})
	}
}
