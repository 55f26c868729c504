package imports

import (
	"context"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// history is the history tab: the admin's imports, newest first, and the undo of the latest.
type history struct {
	step    histStep
	req     screen.RequestID // the list being read
	undoReq screen.RequestID // the undo, or its check, under way
	runs    []model.ImportRun
	loaded  bool
	err     error
	notice  string // what the last undo did
	target  model.ImportRun
	scroller

	failed    model.ImportRun // the failed run whose errors show (histErrors)
	errScroll scroller
}

// historyMsg is the result of app.ImportHistory.
type historyMsg struct {
	id   screen.RequestID
	runs []model.ImportRun
	err  error
}

// undoneMsg is the result of app.UndoLastImport: a check (dry) before asking, or the undo.
type undoneMsg struct {
	id  screen.RequestID
	dry bool
	run model.ImportRun
	err error
}

func historyCmd(ctx context.Context, as *app.Session, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		runs, err := as.ImportHistory(ctx)
		return historyMsg{id: id, runs: runs, err: err}
	}
}

func undoCmd(ctx context.Context, as *app.Session, dry bool, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		run, err := as.UndoLastImport(ctx, dry)
		return undoneMsg{id: id, dry: dry, run: run, err: err}
	}
}

// startUndo checks (dry) or does the undo of the admin's latest import.
func (m *Model) startUndo(dry bool) tea.Cmd {
	h := &m.hist
	h.step, h.notice, h.err = histUndoing, "", nil
	if dry {
		h.step = histChecking
	}
	h.undoReq = m.sess.NewRequest()
	return tea.Batch(m.busy.Start(), undoCmd(m.sess.Ctx, m.sess.Acting, dry, h.undoReq))
}

// showHistory switches to the history tab and reads it again: another console or the CLI may
// have imported meanwhile. The list read before shows until the new one arrives.
func (m *Model) showHistory() tea.Cmd {
	m.tab = tabHistory
	return m.loadHistory()
}

func (m *Model) loadHistory() tea.Cmd {
	m.hist.req = m.sess.NewRequest()
	return historyCmd(m.sess.Ctx, m.sess.Acting, m.hist.req)
}

func (m *Model) historyLoaded(msg historyMsg) tea.Cmd {
	if msg.id != m.hist.req {
		return nil
	}
	m.hist.loaded, m.hist.runs, m.hist.err = true, msg.runs, msg.err
	m.hist.scroll(0, len(m.hist.runs), m.listHeight(), func(i int) int { return len(m.runLines(i)) })
	return nil
}

func (m *Model) historyKey(k tea.KeyPressMsg) tea.Cmd {
	km, h := m.keys, &m.hist
	switch h.step {
	case histConfirm:
		switch {
		case key.Matches(k, km.Yes):
			return m.startUndo(false)
		case key.Matches(k, km.No):
			h.step = histList
		}
		return nil
	case histChecking:
		if key.Matches(k, m.sess.Keys.Back) {
			m.busy.Stop()
			h.step, h.undoReq = histList, 0
		}
		return nil
	case histUndoing:
		return nil // an undo is one transaction: it is not cancelled halfway
	case histErrors:
		m.failedErrorsKey(k)
		return nil
	}
	switch {
	case key.Matches(k, km.Tab):
		m.tab = tabImport
	case key.Matches(k, km.Undo):
		return m.startUndo(true)
	case key.Matches(k, km.Errors):
		m.openFailedErrors()
	default:
		m.scrollKey(k, &h.scroller, len(h.runs), func(i int) int { return len(m.runLines(i)) })
	}
	return nil
}

func (m *Model) undone(msg undoneMsg) tea.Cmd {
	h := &m.hist
	if msg.id != h.undoReq || (h.step != histChecking && h.step != histUndoing) {
		return nil
	}
	m.busy.Stop()
	switch {
	case msg.err != nil:
		h.step, h.err = histList, msg.err
		return m.loadHistory()
	case msg.dry:
		// The check passed: ask, naming the very run the undo will revert.
		h.step, h.target = histConfirm, msg.run
		return nil
	}
	h.step = histList
	cat := m.sess.Cat
	h.notice = fmt.Sprintf(cat.Import.UndoDone, msg.run.ID.String(), cat.ImportReport(msg.run.Counts))
	return tea.Batch(m.loadHistory(), screen.Emit(screen.DataChangedMsg{}))
}

// runLines renders one import of the history: when, source, format, report, and its files
// with the start of their SHA-256.
func (m *Model) runLines(i int) []string {
	cat, st := m.sess.Cat, m.sess.Styles
	r := m.hist.runs[i]
	head := st.Primary.Render("#"+r.ID.String()) + "  " + cat.DateTime(r.At) + "  " + r.Source
	if r.Format != "" && r.Format != r.Source {
		head += " (" + r.Format + ")"
	}
	switch {
	case r.Failed:
		head += "  " + st.Error.Render(cat.ImportRunSummary(r))
	case r.Undone():
		head += "  " + cat.ImportReport(r.Counts) + "  " + st.Error.Render("["+cat.Import.Undone+" "+cat.DateTime(r.UndoneAt)+"]")
	default:
		head += "  " + cat.Label(cat.ImportSync.Completed, cat.ImportReport(r.Counts))
	}
	lines := []string{m.cut(head)}
	for _, f := range r.Files {
		sum := f.SHA256
		if len(sum) > 12 {
			sum = sum[:12] + "…"
		}
		lines = append(lines, m.cut("      "+m.relative(f.Name)+"  "+st.Muted.Render("sha256:"+sum)+"  "+cat.Count(f.Rows, cat.Nouns.Row)))
	}
	return lines
}
