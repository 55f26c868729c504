package users

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// dups is the list of likely duplicates (d), in place of the list: enter merges the later
// accounts of a group into its first, after a confirmation.
type dups struct {
	req    screen.RequestID
	groups []app.DuplicateGroup
	cursor int
	loaded bool
}

// dupsMsg is the likely duplicates, as the directory has them now.
type dupsMsg struct {
	id     screen.RequestID
	groups []app.DuplicateGroup
	err    error
}

func (m *Model) openDuplicates() tea.Cmd {
	m.dups.req, m.dups.loaded = m.sess.NewRequest(), false
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.dups.req
	return tea.Batch(m.setFocus(focusDups), func() tea.Msg {
		groups, err := as.Duplicates(ctx, nil)
		return dupsMsg{id: id, groups: groups, err: err}
	})
}

func (m *Model) dupsLoaded(msg dupsMsg) {
	if msg.id != m.dups.req {
		return
	}
	m.dups.loaded, m.dups.groups = true, msg.groups
	m.dups.cursor = max(min(m.dups.cursor, len(msg.groups)-1), 0)
	m.fail(msg.err)
}

func (m *Model) dupsKey(k tea.KeyPressMsg) tea.Cmd {
	km, d := m.keys, &m.dups
	switch {
	case key.Matches(k, km.close):
		return m.setFocus(focusTable)
	case key.Matches(k, km.rowUp):
		d.cursor = max(d.cursor-1, 0)
	case key.Matches(k, km.rowDown):
		d.cursor = min(d.cursor+1, max(len(d.groups)-1, 0))
	case key.Matches(k, km.choose) && d.cursor < len(d.groups):
		g := d.groups[d.cursor]
		m.fv = &formValues{target: g.Users[0], childLogin: g.Users[1].Login}
		return m.mergeConfirm()
	}
	return nil
}

// dupsView lists the groups, the one under the cursor marked, each person on a line.
func (m *Model) dupsView(height int) string {
	cat, st := m.sess.Cat, m.sess.Styles
	lines := []string{st.Title.Render(cat.Accounts.DuplicatesTitle)}
	switch {
	case !m.dups.loaded:
		lines = append(lines, st.Muted.Render(cat.App.Working))
	case len(m.dups.groups) == 0:
		lines = append(lines, st.Muted.Render(cat.Accounts.NoDuplicates))
	}
	for i, g := range m.dups.groups {
		head := fmt.Sprintf(cat.Accounts.DuplicateGroup, cat.DuplicateReason(g.Reason))
		if i == m.dups.cursor {
			lines = append(lines, st.Selected.Render("› "+head))
		} else {
			lines = append(lines, "  "+head)
		}
		for _, u := range g.Users {
			parts := []string{u.FullName(), u.Login, u.Email, u.BirthDate.String(), cat.Profile(u.Profile)}
			if u.Source != "" {
				parts = append(parts, u.Source)
			}
			lines = append(lines, "    "+model.Printable(strings.Join(nonEmpty(parts), " · ")))
		}
	}
	// Keep the cursor's group on screen: drop whole lines from the top.
	for len(lines) > height && m.dupsCursorLine(lines) > height-2 {
		lines = append(lines[:1], lines[2:]...)
	}
	for i := range lines {
		lines[i] = ansi.Truncate(lines[i], max(m.width, 1), "…")
	}
	return strings.Join(lines, "\n")
}

func (m *Model) dupsCursorLine(lines []string) int {
	for i, l := range lines {
		if strings.Contains(l, "› ") {
			return i
		}
	}
	return 0
}

func nonEmpty(parts []string) []string {
	out := parts[:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
