// Package busy is the "working…" indicator a screen shows while one of its requests runs: a
// spinner that ticks only while it is on, so an idle screen sends no messages.
package busy

import (
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// Model is a spinner that can be switched on and off.
type Model struct {
	spin spinner.Model
	on   bool
}

// New returns an indicator, off, drawn in the given style.
func New(style lipgloss.Style) Model {
	return Model{spin: spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(style))}
}

// Start switches the indicator on and returns the command that makes it tick.
func (m *Model) Start() tea.Cmd {
	if m.on {
		return nil
	}
	m.on = true
	return m.spin.Tick
}

// Stop switches the indicator off; its pending tick is then ignored.
func (m *Model) Stop() { m.on = false }

// On reports whether the indicator is running.
func (m Model) On() bool { return m.on }

// Update advances the spinner on its own tick messages while on.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(spinner.TickMsg); !ok || !m.on {
		return nil
	}
	var cmd tea.Cmd
	m.spin, cmd = m.spin.Update(msg)
	return cmd
}

// View shows the spinner and a label while on, nothing while off.
func (m Model) View(label string) string {
	if !m.on {
		return ""
	}
	return m.spin.View() + " " + label
}
