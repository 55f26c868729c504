// Package welcome is the first screen when nobody is signed in: sign in, create an account,
// load the demo school, switch the language, or quit.
package welcome

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"rollcall/i18n"
	"rollcall/tui/demoload"
	"rollcall/tui/screen"
)

// action is a menu entry; the cursor is the screen's focus.
type action int

const (
	actionSignIn action = iota
	actionSignUp
	actionDemo
	actionLanguage
	actionQuit
	actionCount
)

// Model is the welcome screen.
type Model struct {
	sess   *screen.Session
	cursor action
	demo   demoload.Loader
	width  int
	height int
}

// New builds the welcome screen.
func New(sess *screen.Session) *Model {
	return &Model{sess: sess, demo: demoload.New(sess)}
}

// Init has nothing to load.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize records the body area.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// CapturesInput is false: the welcome screen has no text field.
func (m *Model) CapturesInput() bool { return false }

// Update moves the cursor and runs actions.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		return m, m.key(k)
	}
	return m, m.demo.Update(msg)
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	km := m.sess.Keys
	switch {
	case key.Matches(k, km.Up):
		m.cursor = (m.cursor + actionCount - 1) % actionCount
	case key.Matches(k, km.Down):
		m.cursor = (m.cursor + 1) % actionCount
	case key.Matches(k, km.Select):
		return m.run(m.cursor)
	case key.Matches(k, km.SignIn):
		return m.run(actionSignIn)
	case key.Matches(k, km.SignUp):
		return m.run(actionSignUp)
	case key.Matches(k, km.Demo):
		return m.run(actionDemo)
	case key.Matches(k, km.Language):
		return m.run(actionLanguage)
	}
	return nil
}

func (m *Model) run(a action) tea.Cmd {
	m.cursor = a
	switch a {
	case actionSignIn:
		return screen.Navigate(screen.RouteSignIn, screen.SignInArgs{}, screen.Push)
	case actionSignUp:
		return screen.Navigate(screen.RouteSignUp, nil, screen.Push)
	case actionDemo:
		return m.demo.Start(m.sess)
	case actionLanguage:
		// Not signed in: nothing to save, the choice lasts for this session.
		m.sess.SetLanguage(m.sess.OtherLanguage())
	case actionQuit:
		return tea.Quit
	}
	return nil
}

// View shows the title, the pitch and the menu.
func (m *Model) View() string {
	cat, st := m.sess.Cat, m.sess.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(cat.Auth.WelcomeTitle) + "\n\n")
	body := screen.Paragraph(cat.Auth.WelcomeBody, m.width)
	b.WriteString(body + "\n\n")
	for a := range actionCount {
		label, k := m.item(a, cat)
		marker := "  "
		if a == m.cursor {
			marker, label = st.Selected.Render("› "), st.Selected.Render(label)
		}
		b.WriteString(marker + st.Key.Render(padRight(k, 3)) + " " + label + "\n")
	}
	if s := m.demo.View(m.sess, m.width); s != "" {
		b.WriteString("\n" + s + "\n")
	}
	return b.String()
}

// item is the label and shortcut of a menu entry.
func (m *Model) item(a action, cat *i18n.Catalog) (label, shortcut string) {
	km := m.sess.Keys
	switch a {
	case actionSignIn:
		return cat.Auth.ActionSignIn, km.SignIn.Help().Key
	case actionSignUp:
		return cat.Auth.ActionSignUp, km.SignUp.Help().Key
	case actionDemo:
		return cat.Auth.ActionDemo, km.Demo.Help().Key
	case actionLanguage:
		return i18n.For(m.sess.OtherLanguage()).LangName, km.Language.Help().Key
	}
	return cat.Auth.ActionQuit, km.Quit.Help().Key
}

func padRight(s string, n int) string {
	if w := lipgloss.Width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// ShortHelp lists the keys to move in the menu; the menu itself shows each item's key.
func (m *Model) ShortHelp() []key.Binding {
	km := m.sess.Keys
	return []key.Binding{km.Up, km.Down, km.Select}
}

// FullHelp groups the menu keys.
func (m *Model) FullHelp() [][]key.Binding {
	km := m.sess.Keys
	return [][]key.Binding{{km.Up, km.Down, km.Select}, {km.SignIn, km.SignUp, km.Demo, km.Language}}
}
