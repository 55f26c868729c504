package subs

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// formKind says what the open form is for.
type formKind int

const (
	formVendor formKind = iota // accept a vendor's claim codes
	formRenew                  // a vendor's renewal code for the selected subscription
)

// renewedMsg is the answer to a renewal code.
type renewedMsg struct {
	id  screen.RequestID
	res app.Renewed
	err error
}

// openRenewForm asks for the renewal code of the selected subscription, as `rollcall subs renew`.
func (m *Model) openRenewForm() tea.Cmd {
	if m.cursor >= len(m.list.Rows) {
		return nil
	}
	t := m.sess.Cat.People
	m.renewCode, m.renewSub, m.kind = "", m.list.Rows[m.cursor].Sub.ID, formRenew
	m.form = m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key("code").Title(fmt.Sprintf(t.RenewTitle, m.list.Rows[m.cursor].Sub.Product)).
			Description(t.RenewHint).CharLimit(4096).Value(&m.renewCode).Validate(m.sess.Required(t.RenewCode)),
	))
	screen.SizeForm(m.form, m.width, m.height)
	return m.form.Init()
}

// renew applies the code off the update loop.
func (m *Model) renew() tea.Cmd {
	m.req = m.sess.NewRequest()
	ctx, as, id, sub, code := m.sess.Ctx, m.sess.Acting, m.req, m.renewSub, strings.TrimSpace(m.renewCode)
	return func() tea.Msg { return renewSub(ctx, as, sub, code, id) }
}

func renewSub(ctx context.Context, as *app.Session, sub model.ID, code string, id screen.RequestID) renewedMsg {
	res, err := as.RenewSubscription(ctx, sub, code, false)
	return renewedMsg{id: id, res: res, err: err}
}

// renewed says what the renewal did, and reloads the list.
func (m *Model) renewed(msg renewedMsg) tea.Cmd {
	if msg.id != m.req {
		return nil
	}
	if msg.err != nil {
		m.noticeErr = msg.err
		return nil
	}
	cat := m.sess.Cat
	st := msg.res.After.State(model.DateOf(m.sess.App.Now()))
	m.notice = fmt.Sprintf(cat.People.Renewed, msg.res.After.Product, cat.SubState(st), cat.Count(msg.res.SeatsAdded, cat.Licensing.Seat))
	return m.load()
}
