package imports

import (
	"context"
	"errors"
	"sync"

	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/importers"
	"rollcall/model"
	"rollcall/tui/screen"
)

// tally is what the progress shows: the stage and the counts so far, across files.
type tally struct {
	stage   app.ImportStage
	rows    int // rows parsed, all files
	matched int
	total   int // records in the import, once parsed
	hashed  int
	hashes  int // passwords to hash
	written int
}

// feed carries progress from a running import to the screen without ever blocking the import
// (Bubble Tea's "realtime" pattern): the import's callback keeps the latest tally and raises a
// flag; a waiting command takes the tally when the flag is up and is issued again after each
// message. A busy screen sees fewer updates, never stale ones.
type feed struct {
	mu    sync.Mutex
	t     tally
	files map[string]int // rows parsed per file
	ready chan struct{}  // capacity 1: a newer tally is there
	done  chan struct{}  // closed once the import returned
}

func newFeed() *feed {
	return &feed{files: map[string]int{}, ready: make(chan struct{}, 1), done: make(chan struct{})}
}

// report is the import's progress callback; hashing calls it from several goroutines.
func (f *feed) report(p app.ImportProgress) {
	f.mu.Lock()
	f.t.stage = p.Stage
	switch p.Stage {
	case app.StageParsing:
		f.t.rows += p.Rows - f.files[p.File]
		f.files[p.File] = p.Rows
	case app.StageMatching:
		f.t.matched, f.t.total = p.Matched, p.Total
	case app.StageHashing:
		f.t.hashed, f.t.hashes = max(f.t.hashed, p.Hashed), p.Total
	case app.StageWriting:
		f.t.total = p.Total
	case app.StageDone:
		f.t.written = p.Total
	}
	f.mu.Unlock()
	select {
	case f.ready <- struct{}{}:
	default: // the screen has not taken the previous tally yet: it will see this one
	}
}

// progressMsg is the latest tally of a run.
type progressMsg struct {
	id screen.RequestID
	t  tally
}

// waitCmd waits for the next tally, or for the end of the import (then it returns nothing:
// the import's own command says how it ended).
func (f *feed) waitCmd(id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		select {
		case <-f.ready:
			f.mu.Lock()
			defer f.mu.Unlock()
			return progressMsg{id: id, t: f.t}
		case <-f.done:
			return nil
		}
	}
}

// runDoneMsg is how a run ended: its report, or why it stopped.
type runDoneMsg struct {
	id     screen.RequestID
	report app.ImportReport
	admin  model.Admin // as the store has them after the run (an import may add organizations)
	err    error
}

// runState is the dry run or import under way, or the last one.
type runState struct {
	id         screen.RequestID
	dry        bool
	cancel     context.CancelFunc
	feed       *feed
	t          tally
	cancelling bool
}

// importCmd runs app.Import; the feed hears its progress.
func importCmd(ctx context.Context, as *app.Session, inputs []importers.Input, opts app.ImportOptions,
	f *feed, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		defer close(f.done)
		admin, err := as.Admin(ctx)
		if err != nil {
			return runDoneMsg{id: id, err: err}
		}
		rep, err := as.Import(ctx, inputs, opts, f.report)
		msg := runDoneMsg{id: id, report: rep, err: err, admin: admin}
		if err == nil && !opts.DryRun {
			if fresh, ferr := as.Admin(context.WithoutCancel(ctx)); ferr == nil {
				msg.admin = fresh
			}
		}
		return msg
	}
}

// startRun starts a dry run or the real import with the options of the form.
func (m *Model) startRun(dry bool) tea.Cmd {
	m.stopRun()
	ctx, cancel := context.WithCancel(m.sess.Ctx)
	f := newFeed()
	m.run = runState{id: m.sess.NewRequest(), dry: dry, cancel: cancel, feed: f}
	m.step, m.notice, m.runErr = stepRunning, "", nil
	inputs := append([]importers.Input(nil), m.inputs...)
	return tea.Batch(m.busy.Start(),
		importCmd(ctx, m.sess.Acting, inputs, m.importOptions(dry), f, m.run.id),
		f.waitCmd(m.run.id))
}

// stopRun releases the context of the last run.
func (m *Model) stopRun() {
	if m.run.cancel != nil {
		m.run.cancel()
	}
}

// cancelRun asks the running import to stop. The screen waits for its end to say what
// happened: cancelled with nothing written, or, if the write had already committed, done.
func (m *Model) cancelRun() {
	if m.step != stepRunning || m.run.cancelling {
		return
	}
	m.run.cancelling = true
	m.run.cancel()
}

func (m *Model) progressed(msg progressMsg) tea.Cmd {
	if msg.id != m.run.id || m.step != stepRunning {
		return nil
	}
	m.run.t = msg.t
	return m.run.feed.waitCmd(msg.id)
}

func (m *Model) runDone(msg runDoneMsg) tea.Cmd {
	if msg.id != m.run.id || m.step != stepRunning {
		return nil
	}
	m.busy.Stop()
	m.stopRun()
	switch {
	case errors.Is(msg.err, context.Canceled):
		var cmd tea.Cmd
		if m.run.dry {
			cmd = m.openOptions()
		} else {
			m.step = stepDiff
		}
		m.notice = m.sess.Cat.ImportScreen.Cancelled
		return cmd
	case m.run.dry || msg.err != nil:
		m.step, m.runErr = stepDiff, msg.err
		if msg.err == nil {
			m.report = msg.report
		}
		m.showResult()
		return nil
	}
	m.step, m.report = stepReport, msg.report
	m.showResult()
	return tea.Batch(screen.Emit(screen.DataChangedMsg{}), screen.Emit(screen.AdminMsg{Admin: msg.admin}))
}
