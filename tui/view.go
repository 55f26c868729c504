package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rollcall/tui/screen"
)

// bodyIndent is the left margin of the body and footer.
const bodyIndent = 2

// render lays out the header, the top screen, the status line and the footer help.
func (m *Model) render() string {
	if m.width == 0 {
		return "" // the terminal has not told its size yet
	}
	header, status, footer := m.header(), m.statusLine(), m.footer()
	body := m.sess.Styles.Muted.Render(m.sess.Cat.App.Working)
	if top := m.top(); top != nil {
		body = top.View()
	}
	_, h := m.bodySize()
	body = lipgloss.NewStyle().PaddingLeft(bodyIndent).MaxWidth(m.width).Height(h).MaxHeight(h).Render(body)
	return lipgloss.JoinVertical(lipgloss.Left, header, "", body, status, footer)
}

// bodySize is the area a screen may draw in.
func (m *Model) bodySize() (w, h int) {
	chrome := lipgloss.Height(m.header()) + 1 + lipgloss.Height(m.statusLine()) + lipgloss.Height(m.footer())
	return max(m.width-bodyIndent, 0), max(m.height-chrome, 0)
}

// header is "Rollcall  Signed in as Ada <ada@example.org> · Collège Jean Moulin", cut to the
// width with an ellipsis, so a cut name shows it is cut.
func (m *Model) header() string {
	cat, st := m.sess.Cat, m.sess.Styles
	who := cat.App.NotSignedIn
	switch {
	case !m.started:
		who = ""
	case m.sess.SignedIn():
		a := m.sess.Admin
		who = fmt.Sprintf(cat.App.SignedInAs, a.FullName+" <"+a.Email+">")
		names := make([]string, len(m.orgs))
		for i, o := range m.orgs {
			names[i] = o.Name
		}
		if len(names) > 0 {
			who += " · " + strings.Join(names, ", ")
		}
	}
	line := st.Brand.Render(cat.App.Title) + " " + st.Header.Render(who)
	return ansi.Truncate(line, max(m.width, 1), "…")
}

func (m *Model) statusLine() string {
	st := m.sess.Styles
	text := m.status.text
	if text == "" {
		return ""
	}
	style := st.Success
	if m.status.isErr {
		style = st.Error
	}
	// Wrapped, not cut: an error's end is often the part that says what to do.
	wrapped := ansi.Wrap(text, max(m.width-bodyIndent, 1), "")
	return lipgloss.NewStyle().PaddingLeft(bodyIndent).Render(style.Render(wrapped))
}

// footer is the help line, or the full help when toggled. MaxWidth because bubbles' help
// still adds an item that fits exactly up to the width but leaves no room for the ellipsis.
func (m *Model) footer() string {
	return lipgloss.NewStyle().PaddingLeft(bodyIndent).MaxWidth(max(m.width, 1)).Render(m.help.View(m.helpKeys()))
}

// helpKeys are the top screen's keys followed by the global ones that apply now.
func (m *Model) helpKeys() helpKeys {
	km := m.sess.Keys
	var short []key.Binding
	var full [][]key.Binding
	typing := false
	if top := m.top(); top != nil {
		short, full, typing = top.ShortHelp(), top.FullHelp(), top.CapturesInput()
	}
	var global []key.Binding
	if len(m.stack) > 1 && !screen.HandlesBack(m.top()) { // else esc is the screen's, in its help
		global = append(global, km.Back)
	}
	if typing {
		global = append(global, km.ForceQuit)
	} else {
		global = append(global, km.Help, km.Quit)
	}
	return helpKeys{short: append(short, global...), full: append(full, global)}
}

// helpKeys adapts key lists to bubbles' help.KeyMap.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }
