// Package notyet is the placeholder screen of an area of Rollcall that a later version
// provides: it names the area and says, in the catalogue's words, that it is not there yet.
package notyet

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/tui/screen"
)

// Model is the placeholder of one area.
type Model struct {
	sess  *screen.Session
	area  screen.Area
	width int
}

// New builds the placeholder of an area.
func New(sess *screen.Session, area screen.Area) *Model { return &Model{sess: sess, area: area} }

// Init has nothing to load.
func (m *Model) Init() tea.Cmd { return nil }

// Update has nothing to do: esc is the root's.
func (m *Model) Update(tea.Msg) (screen.Screen, tea.Cmd) { return m, nil }

// SetSize records the width for wrapping.
func (m *Model) SetSize(w, _ int) { m.width = w }

// CapturesInput is false.
func (m *Model) CapturesInput() bool { return false }

// View names the area and says it is not available yet.
func (m *Model) View() string {
	cat, st := m.sess.Cat, m.sess.Styles
	return st.Title.Render(m.area.Title(cat)) + "\n" + st.Muted.Render(m.area.Help(cat)) + "\n\n" +
		screen.Paragraph(cat.Home.NotYet, m.width) + "\n"
}

// ShortHelp is empty: the root adds back and quit.
func (m *Model) ShortHelp() []key.Binding { return nil }

// FullHelp is empty.
func (m *Model) FullHelp() [][]key.Binding { return nil }
