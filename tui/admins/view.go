package admins

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rollcall/model"
	"rollcall/tui/screen"
)

// The fixed parts of the layout, in lines: title, tabs and a blank line; the status line.
const (
	headLines   = 3
	statusLines = 1
)

// bodyHeight is what a list or a form may use.
func (m *Model) bodyHeight() int { return max(m.height-headLines-statusLines, 3) }

// View shows the title and tabs, the tab's list (or a form), and the status line.
func (m *Model) View() string {
	h := m.bodyHeight()
	body := ""
	if m.focus == focusForm && m.forms.Form != nil {
		body = m.forms.Form.View()
	} else {
		body = m.listView(h)
	}
	body = lipgloss.NewStyle().Height(h).MaxHeight(h).MaxWidth(max(m.width, 1)).Render(body)
	return m.head() + "\n" + body + "\n" + m.statusLine()
}

func (m *Model) head() string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.Admins
	tabs := ""
	for i, name := range []string{t.TabAdmins, t.TabInvites, t.TabKeys, t.TabLog, t.Schools.Tab} {
		label := fmt.Sprintf(" %s (%s) ", name, cat.Int(m.count(tab(i))))
		if tab(i) == m.tab {
			tabs += st.Code.Render(label) + " "
		} else {
			tabs += st.Muted.Render(label) + " "
		}
	}
	width := max(m.width, 1)
	return ansi.Truncate(st.Title.Render(t.Title), width, "…") + "\n" + ansi.Truncate(tabs, width, "…") + "\n"
}

func (m *Model) statusLine() string {
	st := m.sess.Styles
	switch {
	case m.busy.On():
		return m.busy.View(m.sess.Cat.App.Working)
	case m.errText != "":
		return st.Error.Render(strings.ReplaceAll(m.errText, "\n", " · "))
	case m.notice != "":
		return st.Success.Render(m.notice)
	}
	return ""
}

// listView renders the tab's rows as aligned columns, scrolled to keep the cursor in view.
func (m *Model) listView(height int) string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.Admins
	if !m.loaded {
		return st.Muted.Render(cat.App.Working)
	}
	var pre string
	if m.tab == tabInvites && m.shown != "" {
		// Wrapped, not cut: the code and its expiry must stay readable on a narrow terminal.
		pre = st.Primary.Width(max(m.width, 20)).Render(m.shown) + "\n\n"
		height -= lipgloss.Height(pre)
	}
	header, rows := m.table()
	if len(rows) == 0 {
		empty := map[tab]string{tabInvites: t.NoInvites, tabKeys: t.NoKeys, tabLog: t.NoLog}[m.tab]
		return pre + st.Muted.Render(empty)
	}
	widths := lastTakesTheRest(columnWidths(header, rows), header, rows, m.width-2)
	cur := m.cursor[m.tab]
	var detail string
	if m.tab == tabLog && cur < len(rows) {
		// The row under the cursor, in full: its last column is often cut.
		last := len(header) - 1
		detail = "\n\n" + screen.Paragraph(cat.Label(header[last], rows[cur][last]), max(m.width-2, 20))
		height -= lipgloss.Height(detail)
	}
	var b strings.Builder
	b.WriteString(pre + st.Muted.Render("  "+joinColumns(header, widths)) + "\n")
	visible := max(height-1, 1)
	first := max(min(cur-visible/2, len(rows)-visible), 0)
	for i := first; i < min(first+visible, len(rows)); i++ {
		line := joinColumns(rows[i], widths)
		if i == cur {
			b.WriteString(st.Selected.Render("› "+line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n") + detail
}

// table is the header and the cells of the tab's list.
func (m *Model) table() ([]string, [][]string) {
	cat := m.sess.Cat
	t := cat.Admins
	var rows [][]string
	switch m.tab {
	case tabAdmins:
		for _, a := range m.data.admins {
			name := a.FullName
			if a.ID == m.data.me.ID {
				name += " " + t.You
			}
			if !a.Verified {
				name += " " + t.Unverified
			}
			rows = append(rows, []string{model.Printable(name), model.Printable(a.Email), model.Printable(m.orgNames(a.OrgIDs)), cat.Int(a.SSHKeys)})
		}
		return []string{t.ColName, t.ColEmail, t.ColOrgs, t.ColKeys}, rows
	case tabInvites:
		for _, inv := range m.data.invites {
			rows = append(rows, []string{m.inviteLabel(inv), m.orgNames(ids(inv.OrgID)), inv.InvitedBy, cat.DateTime(inv.ExpiresAt)})
		}
		return []string{t.ColEmail, t.ColOrgs, t.ColInvitedBy, t.ColExpires}, rows
	case tabKeys:
		for _, k := range m.data.keys {
			rows = append(rows, []string{k.Fingerprint, k.Type, k.Comment, cat.DateTime(k.AddedAt)})
		}
		return []string{t.ColFingerprint, "Type", t.ColComment, t.ColAdded}, rows
	case tabSchools:
		return m.schoolsTable()
	}
	for _, e := range m.data.log {
		org := ""
		if e.OrgID != 0 {
			org = m.orgNames(ids(e.OrgID))
		}
		rows = append(rows, []string{cat.DateTime(e.At), cat.AuditAuthor(e.AdminEmail), cat.AuditAction(e.Action), org,
			cat.AuditDetail(e.Action, e.Detail)})
	}
	return []string{t.ColWhen, t.ColWho, t.ColAction, t.ColOrgs, t.ColTarget}, rows
}

// columnWidths fits each column to its widest cell, capped so one long cell cannot push the
// others off the screen.
func columnWidths(header []string, rows [][]string) []int {
	const maxCol = 52 // a SHA256 fingerprint is 50
	w := make([]int, len(header))
	for i, h := range header {
		w[i] = min(lipgloss.Width(h), maxCol)
	}
	for _, r := range rows {
		for i, c := range r {
			w[i] = min(max(w[i], lipgloss.Width(c)), maxCol)
		}
	}
	return w
}

// lastTakesTheRest widens the last column (what an action was done to, said in words) to the
// room the others leave on a line of total columns, as far as its widest cell needs.
func lastTakesTheRest(widths []int, header []string, rows [][]string, total int) []int {
	last := len(widths) - 1
	if last < 0 {
		return widths
	}
	need := lipgloss.Width(header[last])
	for _, r := range rows {
		need = max(need, lipgloss.Width(r[last]))
	}
	rest := total - 2*last
	for _, w := range widths[:last] {
		rest -= w
	}
	widths[last] = max(widths[last], min(need, rest))
	return widths
}

func joinColumns(cells []string, widths []int) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		c = ansi.Truncate(c, widths[i], "…")
		if i < len(cells)-1 {
			c += strings.Repeat(" ", widths[i]-lipgloss.Width(c))
		}
		parts[i] = c
	}
	return strings.Join(parts, "  ")
}
