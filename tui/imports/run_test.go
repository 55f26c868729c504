package imports

import (
	"context"
	"testing"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// TestCancelWritesNothing cancels a dry run, then the real import, each on its first progress
// message: the screen says nothing was written, and nothing was.
func TestCancelWritesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeBigENT(t, dir, 40_000)
	f := newFixture(t, model.English, 1, dir)
	d := f.d
	f.typePath(dir)
	f.submitOptions()
	d.WaitFor("the dry run's first progress", func() bool { return f.m.step == stepRunning && f.m.run.t.rows > 0 })
	d.WaitView("Dry run: computing the changes", "Rows read", "Reading files:")
	d.Press("ctrl+x")
	d.WaitView("Cancelled: nothing was written.", "Options")
	if f.m.step != stepOptions {
		t.Fatalf("a cancelled dry run should return to the options, step %v", f.m.step)
	}

	f.fillOptions()
	d.WaitFor("the dry run's end", func() bool { return f.m.step == stepDiff })
	d.WaitView("Dry run: 40,000 created, 0 updated")
	d.Press("enter")
	d.Press("y")
	d.WaitFor("the import's first progress", func() bool { return f.m.step == stepRunning && !f.m.run.dry && f.m.run.t.rows > 0 })
	d.WaitView("Importing", "Users written")
	d.Press("esc")
	d.WaitView("Cancelled: nothing was written.")
	if f.m.step != stepDiff {
		t.Errorf("a cancelled import should return to the diff, step %v", f.m.step)
	}
	if n := f.users(); n != 0 {
		t.Errorf("the cancelled import wrote %d users", n)
	}
	runs, err := f.sess.Acting.ImportHistory(context.Background())
	if err != nil || len(runs) != 0 {
		t.Errorf("the cancelled import is in the history: %v %v", runs, err)
	}
}

// TestProgressFeedKeepsTheLatest: a slow screen never blocks the import and sees the latest
// counts, summed across files.
func TestProgressFeedKeepsTheLatest(t *testing.T) {
	t.Parallel()
	f := screen.NewFeed[tally]()
	report := reporter(f)
	report(app.ImportProgress{Stage: app.StageParsing, File: "a.csv", Rows: 4096})
	report(app.ImportProgress{Stage: app.StageParsing, File: "a.csv", Rows: 5000})
	report(app.ImportProgress{Stage: app.StageParsing, File: "b.csv", Rows: 10})
	report(app.ImportProgress{Stage: app.StageMatching, Matched: 7, Total: 5010})
	msg, ok := f.Wait(3)().(screen.Progress[tally])
	if !ok || msg.ID != 3 || msg.P.rows != 5010 || msg.P.matched != 7 || msg.P.stage != app.StageMatching {
		t.Fatalf("got %+v, want the latest tally of request 3", msg)
	}
	f.Close()
	if msg := f.Wait(3)(); msg != nil {
		t.Errorf("after the import ended the wait returned %#v", msg)
	}
}
