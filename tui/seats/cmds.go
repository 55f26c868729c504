package seats

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// loadedMsg carries the seats and the sync form's choices.
type loadedMsg struct {
	id        screen.RequestID
	list      app.SeatList
	choices   choices
	canNotify bool
	err       error
}

func (m *Model) load() tea.Cmd {
	m.req = m.sess.NewRequest()
	a, ctx, as, sub, id := m.sess.App, m.sess.Ctx, m.sess.Acting, m.subID, m.req
	return func() tea.Msg {
		msg := loadedMsg{id: id}
		if msg.list, msg.err = as.ListSeats(ctx, sub); msg.err != nil {
			return msg
		}
		if msg.choices.orgs, msg.err = as.ListOrgs(ctx); msg.err != nil {
			return msg
		}
		if msg.choices.classes, msg.err = as.ListSets(ctx, app.Classes); msg.err != nil {
			return msg
		}
		if msg.choices.groups, msg.err = as.ListSets(ctx, app.Groups); msg.err != nil {
			return msg
		}
		msg.canNotify, msg.err = a.CanNotify(ctx, msg.list.Sub.OrgID)
		return msg
	}
}

func (m *Model) loadedSeats(msg loadedMsg) tea.Cmd {
	if msg.id != m.req {
		return nil
	}
	m.loaded = true
	if msg.err != nil {
		m.err = msg.err
		return nil
	}
	m.list, m.choices, m.canNotify = msg.list, msg.choices.of(msg.list.Sub.OrgID), msg.canNotify
	m.cursor = max(min(m.cursor, len(m.list.Seats)-1), 0)
	return nil
}

// doneMsg is how a change of seats ended.
type doneMsg struct {
	id  screen.RequestID
	res app.SeatResult
	err error
}

// change runs one change of seats in a command, as the session's admin.
func (m *Model) change(fn func(ctx context.Context, as *app.Session) (app.SeatResult, error)) tea.Cmd {
	m.forms.Close()
	m.focus, m.notice, m.err = focusBusy, "", nil
	m.actionReq = m.sess.NewRequest()
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.actionReq
	return tea.Batch(m.busy.Start(), func() tea.Msg {
		res, err := fn(ctx, as)
		return doneMsg{id: id, res: res, err: err}
	})
}

func (m *Model) changed(msg doneMsg) tea.Cmd {
	if msg.id != m.actionReq {
		return nil // a cancelled sync's late answer, or older
	}
	m.busy.Stop()
	if m.cancel != nil {
		m.cancel()
		m.cancel, m.feed = nil, nil
	}
	m.focus = focusList
	cat := m.sess.Cat
	switch {
	case errors.Is(msg.err, context.Canceled):
		m.notice = cat.App.Cancelled
	case msg.err != nil:
		m.err = msg.err
	default:
		m.notice = cat.SeatSummary(counts(msg.res))
		if msg.res.NotifySkipped {
			m.notice += "\n" + cat.Licensing.Seats.NoMailer
		}
		for _, e := range msg.res.NotifyErrs {
			m.notice += "\n" + cat.Error(e.Err) + " (" + e.Email + ")"
		}
	}
	return tea.Batch(m.load(), screen.Emit(screen.DataChangedMsg{}))
}

// readFileCmd-free import: the file is opened inside the command.
func importFile(path string, opts app.SeatOptions, sub model.ID) func(ctx context.Context, as *app.Session) (app.SeatResult, error) {
	return func(ctx context.Context, as *app.Session) (app.SeatResult, error) {
		f, err := os.Open(path)
		if err != nil {
			return app.SeatResult{}, err
		}
		defer f.Close()
		return as.ImportSeats(ctx, sub, filepath.Base(path), f, opts)
	}
}

// startSync runs a sync with progress; esc cancels it.
func (m *Model) startSync(src app.SyncSource, opts app.SeatOptions) tea.Cmd {
	ctx, cancel := context.WithCancel(m.sess.Ctx)
	f := screen.NewFeed[app.SyncProgress]()
	m.forms.Close()
	m.focus, m.notice, m.err = focusSyncing, "", nil
	m.cancel, m.feed, m.progress = cancel, f, app.SyncProgress{}
	m.actionReq = m.sess.NewRequest()
	as, sub, id := m.sess.Acting, m.subID, m.actionReq
	return tea.Batch(m.busy.Start(), f.Wait(id), func() tea.Msg {
		defer f.Close()
		res, err := as.SyncSeats(ctx, sub, src, opts, f.Put)
		return doneMsg{id: id, res: res, err: err}
	})
}

func (m *Model) progressed(msg screen.Progress[app.SyncProgress]) tea.Cmd {
	if msg.ID != m.actionReq || m.feed == nil {
		return nil
	}
	m.progress = msg.P
	return m.feed.Wait(msg.ID)
}

// cancelSync stops the running sync; its answer (cancelled) ends the wait.
func (m *Model) cancelSync() {
	if m.cancel != nil {
		m.cancel()
	}
}
