// Package demoload is the "load the demo school" action shared by the welcome and home screens:
// it runs app.LoadDemo in a command, shows progress, then the summary or the error.
package demoload

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/tui/busy"
	"rollcall/tui/screen"
)

// state is where the loader is.
type state int

const (
	idle state = iota
	loading
	done
	failed
)

// Loader runs the demo load for one screen.
type Loader struct {
	state   state
	req     screen.RequestID
	summary app.DemoSummary
	err     error
	busy    busy.Model
}

// loadedMsg is the result of a load.
type loadedMsg struct {
	id      screen.RequestID
	summary app.DemoSummary
	err     error
}

// New returns an idle loader.
func New(sess *screen.Session) Loader {
	return Loader{busy: busy.New(sess.Styles.Primary)}
}

// Start begins a load, unless one is running.
func (l *Loader) Start(sess *screen.Session) tea.Cmd {
	if l.state == loading {
		return nil
	}
	l.state, l.err = loading, nil
	l.req = sess.NewRequest()
	return tea.Batch(l.busy.Start(), loadDemoCmd(sess.Ctx, sess.App, l.req))
}

func loadDemoCmd(ctx context.Context, a *app.App, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		sum, err := a.LoadDemo(ctx)
		return loadedMsg{id: id, summary: sum, err: err}
	}
}

// Loading reports whether a load runs.
func (l Loader) Loading() bool { return l.state == loading }

// Update handles the loader's own messages and ignores the rest. When a load succeeds it tells
// the root and the screen that the data changed.
func (l *Loader) Update(msg tea.Msg) tea.Cmd {
	m, ok := msg.(loadedMsg)
	if !ok {
		return l.busy.Update(msg)
	}
	if m.id != l.req || l.state != loading {
		return nil // a stale result
	}
	l.busy.Stop()
	if m.err != nil {
		l.state, l.err = failed, m.err
		return nil
	}
	l.state, l.summary = done, m.summary
	return screen.Emit(screen.DataChangedMsg{})
}

// View is one line: the spinner, the summary, or the error ("already loaded" included).
func (l Loader) View(sess *screen.Session, width int) string {
	switch l.state {
	case loading:
		return l.busy.View(sess.Cat.App.Working)
	case done:
		return sess.Styles.Success.Render(screen.Paragraph(Summary(sess.Cat, l.summary), width))
	case failed:
		return sess.Styles.Error.Render(screen.Paragraph(sess.Cat.Error(l.err), width))
	}
	return ""
}

// Summary says what the demo load wrote: "Demo school loaded: 1,170 users, 2 organizations, …",
// and where to try its claim codes.
func Summary(cat *i18n.Catalog, s app.DemoSummary) string {
	n := cat.Nouns
	parts := []string{
		cat.Count(s.Total(), n.User), cat.Count(s.Orgs, n.Organization),
		cat.Count(s.Classes, n.Class), cat.Count(s.Groups, n.Group),
		cat.Count(s.Subscriptions, n.Subscription),
	}
	return fmt.Sprintf(cat.Demo.Loaded, strings.Join(parts, ", ")) + " " + cat.ClaimDemo().Loaded
}
