package tui

import (
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/admins"
	"rollcall/tui/claim"
	"rollcall/tui/classes"
	"rollcall/tui/home"
	"rollcall/tui/imports"
	"rollcall/tui/merge"
	"rollcall/tui/notyet"
	"rollcall/tui/screen"
	"rollcall/tui/seats"
	"rollcall/tui/signin"
	"rollcall/tui/signup"
	"rollcall/tui/subs"
	"rollcall/tui/terms"
	"rollcall/tui/users"
	"rollcall/tui/verify"
	"rollcall/tui/welcome"
	"rollcall/tui/year"
)

// build makes the screen of a route. Screens never build each other: they ask for a route.
func (m *Model) build(route screen.Route, arg any) screen.Screen {
	switch route {
	case screen.RouteSignUp:
		return signup.New(m.sess)
	case screen.RouteVerify:
		res, _ := arg.(app.SignUpResult)
		return verify.New(m.sess, res)
	case screen.RouteSignIn:
		args, _ := arg.(screen.SignInArgs)
		return signin.New(m.sess, args)
	case screen.RouteTerms:
		return terms.New(m.sess)
	case screen.RouteHome:
		return home.New(m.sess)
	case screen.RouteArea:
		area, _ := arg.(screen.Area)
		switch area {
		case screen.AreaSubscriptions:
			return subs.New(m.sess)
		case screen.AreaImports:
			return imports.New(m.sess)
		case screen.AreaUsers:
			return users.New(m.sess)
		case screen.AreaClasses:
			return classes.New(m.sess)
		case screen.AreaAdmins:
			return admins.New(m.sess)
		case screen.AreaMailMerge:
			return merge.New(m.sess, screen.MailMergeArgs{}, true)
		}
		return notyet.New(m.sess, area)
	case screen.RouteClaim:
		return claim.New(m.sess)
	case screen.RouteSeats:
		id, _ := arg.(model.ID)
		return seats.New(m.sess, id)
	case screen.RouteMailMerge:
		args, _ := arg.(screen.MailMergeArgs)
		return merge.New(m.sess, args, false)
	case screen.RouteYear:
		return year.New(m.sess)
	}
	return welcome.New(m.sess)
}

// guard sends a route that needs a signed-in admin who accepted the terms to where they must
// go first.
func (m *Model) guard(route screen.Route) screen.Route {
	switch route {
	case screen.RouteHome, screen.RouteArea, screen.RouteTerms, screen.RouteMailMerge, screen.RouteClaim, screen.RouteSeats, screen.RouteYear:
		if !m.sess.SignedIn() {
			return screen.RouteWelcome
		}
		if route != screen.RouteTerms && !m.sess.Admin.AcceptedTerms() {
			return screen.RouteTerms
		}
	}
	return route
}

// navigate opens a route as the message says.
func (m *Model) navigate(msg screen.NavigateMsg) tea.Cmd {
	route := m.guard(msg.Route)
	mode := msg.Mode
	if route != msg.Route {
		mode = screen.Reset
	}
	s := m.build(route, msg.Arg)
	switch {
	case mode == screen.Reset:
		m.stack = m.stack[:0]
	case mode == screen.Replace && len(m.stack) > 0:
		m.stack = m.stack[:len(m.stack)-1]
	}
	m.stack = append(m.stack, s)
	w, h := m.bodySize()
	s.SetSize(w, h)
	return s.Init()
}

// back closes the top screen and tells the one below it is showing again.
func (m *Model) back() tea.Cmd {
	if len(m.stack) < 2 {
		return nil
	}
	m.stack[len(m.stack)-1] = nil
	m.stack = m.stack[:len(m.stack)-1]
	return m.forward(screen.ResumeMsg{})
}

// resize gives every screen of the stack the body's size, so going back shows them right.
func (m *Model) resize() {
	m.help.SetWidth(max(m.width-bodyIndent, 0))
	w, h := m.bodySize()
	for _, s := range m.stack {
		s.SetSize(w, h)
	}
}
