package imports

import (
	"context"
	"errors"

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
	files   map[string]int // rows parsed per file: only the import's callback reads it
}

// reporter is the import's progress callback, feeding f; hashing calls it from several
// goroutines.
func reporter(f *screen.Feed[tally]) func(app.ImportProgress) {
	return func(p app.ImportProgress) {
		f.Set(func(t *tally) {
			t.stage = p.Stage
			switch p.Stage {
			case app.StageParsing:
				if t.files == nil {
					t.files = map[string]int{}
				}
				t.rows += p.Rows - t.files[p.File]
				t.files[p.File] = p.Rows
			case app.StageMatching:
				t.matched, t.total = p.Matched, p.Total
			case app.StageHashing:
				t.hashed, t.hashes = max(t.hashed, p.Hashed), p.Total
			case app.StageWriting:
				t.total = p.Total
			case app.StageDone:
				t.written = p.Total
			}
		})
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
	feed       *screen.Feed[tally]
	t          tally
	cancelling bool
}

// importCmd runs app.Import; the feed hears its progress.
func importCmd(ctx context.Context, as *app.Session, inputs []importers.Input, opts app.ImportOptions,
	f *screen.Feed[tally], id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		defer f.Close()
		admin, err := as.Admin(ctx)
		if err != nil {
			return runDoneMsg{id: id, err: err}
		}
		rep, err := as.Import(ctx, inputs, opts, reporter(f))
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
	f := screen.NewFeed[tally]()
	m.run = runState{id: m.sess.NewRequest(), dry: dry, cancel: cancel, feed: f}
	m.step, m.notice, m.runErr = stepRunning, "", nil
	inputs := append([]importers.Input(nil), m.inputs...)
	return tea.Batch(m.busy.Start(),
		importCmd(ctx, m.sess.Acting, inputs, m.importOptions(dry), f, m.run.id),
		f.Wait(m.run.id))
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

func (m *Model) progressed(msg screen.Progress[tally]) tea.Cmd {
	if msg.ID != m.run.id || m.step != stepRunning {
		return nil
	}
	m.run.t = msg.P
	return m.run.feed.Wait(msg.ID)
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
