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
	acting  *app.Session
	admin   model.Admin
	err     error // model.ErrNotSignedIn when there is no session to resume
}

// startCmd loads the demo school first, so a resumed admin's summary already includes it.
func (m *Model) startCmd() tea.Cmd {
	a, ctx := m.sess.App, m.sess.Ctx
	demo, resume, remember, osUser := m.demo, m.resume, m.remember, m.sess.OSUser
	return func() tea.Msg {
		var msg startedMsg
		if demo {
			msg.demo, msg.demoErr = a.LoadDemo(ctx)
			msg.demoRan = true
		}
		switch {
		case resume != nil:
			msg.acting = resume
		case remember && osUser != "":
			msg.acting, msg.err = a.LocalSession(ctx, osUser)
		default:
			msg.err = model.ErrNotSignedIn
		}
		if msg.err == nil {
			msg.admin, msg.err = msg.acting.Admin(ctx)
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
	as, ctx, id := m.sess.Acting, m.sess.Ctx, m.orgsReq
	return func() tea.Msg {
		orgs, err := as.ListOrgs(ctx)
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
type signedOutMsg struct {
	err    error
	reason string // said instead of "Signed out"
}

// signOutCmd ends the session in the store and forgets the local token.
func (m *Model) signOutCmd(reason string) tea.Cmd {
	if !m.sess.SignedIn() {
		return nil
	}
	a, ctx, as := m.sess.App, m.sess.Ctx, m.sess.Acting
	osUser, remember := m.sess.OSUser, m.remember
	return func() tea.Msg {
		err := as.SignOut(ctx)
		if remember {
			err = errors.Join(err, a.RememberLocal(ctx, osUser, ""))
		}
		return signedOutMsg{err: err, reason: reason}
	}
}
