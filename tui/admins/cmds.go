package admins

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// logLimit is how many of the newest log entries the activity tab shows.
const logLimit = 200

// loadedMsg carries the screen's data.
type loadedMsg struct {
	id   screen.RequestID
	data data
	err  error
}

// load reads the admin afresh (a removal elsewhere changes their organizations), then the lists.
func (m *Model) load() tea.Cmd {
	m.loadReq = m.sess.NewRequest()
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.loadReq
	return func() tea.Msg {
		d, err := loadData(ctx, as)
		return loadedMsg{id: id, data: d, err: err}
	}
}

func loadData(ctx context.Context, as *app.Session) (data, error) {
	var d data
	var err error
	if d.me, err = as.Admin(ctx); err != nil {
		return d, err
	}
	if d.admins, err = as.ListAdmins(ctx); err != nil {
		return d, err
	}
	if d.invites, err = as.ListInvitations(ctx); err != nil {
		return d, err
	}
	if d.keys, err = as.ListSSHKeys(ctx); err != nil {
		return d, err
	}
	if d.log, err = as.AuditLog(ctx, app.AuditQuery{Limit: logLimit}); err != nil {
		return d, err
	}
	if d.order, err = as.ListOrgs(ctx); err != nil {
		return d, err
	}
	d.orgs = map[model.ID]model.Organization{}
	for _, o := range d.order {
		d.orgs[o.ID] = o
	}
	return d, nil
}

func (m *Model) onLoaded(msg loadedMsg) tea.Cmd {
	if msg.id != m.loadReq {
		return nil // a newer load is on its way
	}
	if msg.err != nil {
		m.errText = m.sess.Cat.Error(msg.err)
		return nil
	}
	m.data, m.loaded = msg.data, true
	for t := range tabCount {
		m.cursor[t] = max(min(m.cursor[t], m.count(t)-1), 0)
	}
	// The header shows the admin's organizations: a removal may have changed them.
	return screen.Emit(screen.AdminMsg{Admin: msg.data.me})
}

// actionMsg is the result of a change; notice says it in the admin's language.
type actionMsg struct {
	id     screen.RequestID
	notice string
	code   string // an invitation code to keep on show
	err    error
}

// run performs a change in a command, with the admin as the store has them, then reloads.
func (m *Model) run(do func(ctx context.Context, as *app.Session) actionMsg) tea.Cmd {
	m.actionReq = m.sess.NewRequest()
	m.forms.Close()
	m.focus = focusBusy
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.actionReq
	return tea.Batch(m.busy.Start(), func() tea.Msg {
		msg := do(ctx, as)
		msg.id = id
		return msg
	})
}

func (m *Model) actionDone(msg actionMsg) tea.Cmd {
	if msg.id != m.actionReq {
		return nil
	}
	m.busy.Stop()
	m.focus = focusList
	if msg.err != nil {
		m.errText = m.sess.Cat.Error(msg.err)
	} else {
		m.notice = msg.notice
		if msg.code != "" {
			m.shown = msg.notice
		}
	}
	return m.load()
}

func ids(id ...model.ID) []model.ID { return id }
