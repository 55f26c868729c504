package tui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// startedMsg is the result of the start: the demo load if asked, and the resumed session.
type startedMsg struct {
	demoRan bool
	demo    app.DemoSummary
	demoErr error
	token   string
	admin   model.Admin
	err     error // model.ErrNotSignedIn when there is no session to resume
}

// startCmd loads the demo school first, so a resumed admin's summary already includes it.
func (m *Model) startCmd() tea.Cmd {
	a, ctx := m.sess.App, m.sess.Ctx
	demo, token, remember, osUser := m.demo, m.token, m.remember, m.sess.OSUser
	return func() tea.Msg {
		var msg startedMsg
		if demo {
			msg.demo, msg.demoErr = a.LoadDemo(ctx)
			msg.demoRan = true
		}
		switch {
		case token != "":
			msg.token = token
			msg.admin, msg.err = a.SessionAdmin(ctx, token)
		case remember && osUser != "":
			msg.token, msg.admin, msg.err = a.LocalSession(ctx, osUser)
		default:
			msg.err = model.ErrNotSignedIn
		}
		return msg
	}
}

// orgsMsg carries the signed-in admin's organizations for the header.
type orgsMsg struct {
	id   screen.RequestID
	orgs []model.Organization
	err  error
}

func (m *Model) orgsCmd() tea.Cmd {
	m.orgsReq = m.sess.NewRequest()
	a, ctx, admin, id := m.sess.App, m.sess.Ctx, m.sess.Admin, m.orgsReq
	return func() tea.Msg {
		orgs, err := a.ListOrgs(ctx, admin)
		return orgsMsg{id: id, orgs: orgs, err: err}
	}
}

// rememberedMsg is the result of keeping (or forgetting) the local session token.
type rememberedMsg struct{ err error }

func rememberCmd(ctx context.Context, a *app.App, osUser, token string) tea.Cmd {
	return func() tea.Msg {
		return rememberedMsg{err: a.RememberLocal(ctx, osUser, token)}
	}
}

// signedOutMsg is the result of ending the session.
type signedOutMsg struct{ err error }

// signOutCmd ends the session in the store and forgets the local token.
func (m *Model) signOutCmd() tea.Cmd {
	if !m.sess.SignedIn() {
		return nil
	}
	a, ctx, token := m.sess.App, m.sess.Ctx, m.sess.Token
	osUser, remember := m.sess.OSUser, m.remember
	return func() tea.Msg {
		err := a.SignOut(ctx, token)
		if remember {
			err = errors.Join(err, a.RememberLocal(ctx, osUser, ""))
		}
		return signedOutMsg{err: err}
	}
}
