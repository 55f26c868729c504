// Package tui is Rollcall's interactive console: the root router (a screen stack, the header,
// the footer help, the global keys, the status line) and, in sub-packages, one package per
// screen. New builds one console session; the local terminal gets one, and each SSH session
// will get its own, so nothing here is shared between sessions but the *app.App.
package tui

import (
	"context"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// Options describe one console session.
type Options struct {
	// Context ends with the session; app calls made by the console are cancelled with it.
	Context context.Context
	// App is the application layer, shared by every session of the process.
	App *app.App
	// Lang is the language before anyone signs in (from --lang, else LANG).
	Lang model.Language
	// LangFixed keeps Lang after sign-in (--lang was given); otherwise the admin's saved
	// language takes over when they sign in.
	LangFixed bool
	// OSUser is the local user; with Remember, a sign-in is kept for them in the database and
	// their remembered session is resumed at start.
	OSUser   string
	Remember bool
	// Session resumes an already authenticated session (an SSH connection's) instead of the
	// remembered local one.
	Session *app.Session
	// Origin labels the sessions this console opens; default "local:<OSUser>".
	Origin string
	// Remote is set for a console served over SSH: screens refuse file paths (the server's).
	Remote bool
	// Inbox is, over SSH, the admin's folder on the server that SFTP and scp fill: the one
	// place a remote console reads files from ("" when the server takes no files).
	Inbox string
	// Demo loads the demo school at start if it is not loaded yet.
	Demo bool
	// Dark is the guess of the terminal's background until the terminal answers.
	Dark bool
}

// Model is the root of one console session. It implements tea.Model.
type Model struct {
	sess      *screen.Session
	langFixed bool
	demo      bool
	remember  bool
	resume    *app.Session // the session to resume at start

	stack         []screen.Screen
	width, height int
	help          help.Model
	status        status
	orgs          []model.Organization // the signed-in admin's, for the header
	orgsReq       screen.RequestID
	// started is set once the start command answered; until then the header names nobody.
	started bool
}

// status is the line above the footer: an error or a notice, until the next key.
type status struct {
	text  string
	isErr bool
}

// New builds one console session.
func New(opts Options) *Model {
	sess := screen.NewSession(opts.Context, opts.App, opts.Lang, opts.Dark)
	sess.OSUser, sess.Remember, sess.Origin, sess.Remote = opts.OSUser, opts.Remember, opts.Origin, opts.Remote
	sess.Inbox = opts.Inbox
	if sess.Origin == "" {
		sess.Origin = "local:" + opts.OSUser
	}
	h := help.New()
	h.Styles = sess.Styles.Help
	return &Model{sess: sess, langFixed: opts.LangFixed, demo: opts.Demo, remember: opts.Remember,
		resume: opts.Session, help: h}
}

// Init loads the demo school when asked, resumes a session if there is one, and asks the
// terminal for its background colour.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.startCmd(), tea.RequestBackgroundColor)
}

// View renders the whole console on the alternate screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = m.sess.Cat.App.Title
	return v
}

// top is the screen receiving keys, nil before the start finished.
func (m *Model) top() screen.Screen {
	if len(m.stack) == 0 {
		return nil
	}
	return m.stack[len(m.stack)-1]
}
