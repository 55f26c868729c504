package screen

import (
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
)

// Route names a screen the root can build.
type Route int

// The routes of the console.
const (
	RouteWelcome Route = iota // not signed in: sign in, sign up, demo
	RouteSignUp               // create an admin account
	RouteVerify               // type the verification code and create the password; Arg app.SignUpResult
	RouteSignIn               // Arg SignInArgs
	RouteTerms                // confirm adulthood and accept the terms
	RouteHome                 // signed in: the areas of Rollcall
	RouteArea                 // an area of Rollcall; Arg Area

	// RouteMailMerge is the mail merge of a selection of users; Arg MailMergeArgs.
	RouteMailMerge
	// RouteClaim is the wizard that claims a subscription.
	RouteClaim
	// RouteSeats is a subscription's seats; Arg the subscription's model.ID.
	RouteSeats
	// RouteYear is the school year's turn: its plan, confirmation, history and undo.
	RouteYear
)

// NavMode says what happens to the screen stack when a route opens.
type NavMode int

// The ways to open a route.
const (
	// Push opens the route on top; back returns to the current screen.
	Push NavMode = iota
	// Replace swaps the current screen for the route: back skips the current screen, for steps
	// that cannot be redone (the account was created).
	Replace
	// Reset empties the stack first: the route becomes the only screen (after sign-in or
	// sign-out).
	Reset
)

// NavigateMsg asks the root to open a route.
type NavigateMsg struct {
	Route Route
	Arg   any
	Mode  NavMode
}

// Navigate returns a command that asks the root to open a route.
func Navigate(route Route, arg any, mode NavMode) tea.Cmd {
	return func() tea.Msg { return NavigateMsg{Route: route, Arg: arg, Mode: mode} }
}

// BackMsg asks the root to close the current screen.
type BackMsg struct{}

// ResumeMsg tells a screen it is on top again after the screen above it closed, so it can
// refresh what may have changed meanwhile.
type ResumeMsg struct{}

// SignInArgs open the sign-in screen.
type SignInArgs struct {
	Email    string // prefilled when known
	Verified bool   // the admin just created their password: say so
}

// SignedInMsg tells the root that an admin signed in with a new session.
type SignedInMsg struct {
	Session *app.Session
	Admin   model.Admin
}

// AdminMsg tells the root that the signed-in admin's record changed (terms accepted, language
// saved).
type AdminMsg struct {
	Admin model.Admin
}

// SignOutMsg asks the root to end the session; Reason, when set, is said instead of a bare
// "Signed out".
type SignOutMsg struct{ Reason string }

// DataChangedMsg tells the root and the top screen that the directory changed (the demo school
// was loaded), so summaries must be reloaded.
type DataChangedMsg struct{}

// ErrorMsg asks the root to show an error in the status line, translated by the catalogue.
type ErrorMsg struct {
	Err error
}

// Emit wraps a message in a command.
func Emit(msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return msg }
}
