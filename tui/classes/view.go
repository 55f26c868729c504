package classes

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rollcall/app"
)

// The fixed parts of the layout, in lines: title, tabs and a blank line; the status line.
const (
	headLines   = 3
	statusLines = 1
)

// bodyHeight is what the list, the members or a form may use.
func (m *Model) bodyHeight() int { return max(m.height-headLines-statusLines, 3) }

// View shows the title and the tabs, then the list, the members, the search of users to add
// or a form, and the status line.
func (m *Model) View() string {
	var body string
	h := m.bodyHeight()
	switch {
	case m.focus == focusForm && m.forms.Form != nil:
		body = m.forms.Form.View()
	case m.focus == focusPicker || (m.focus == focusBusy && m.back == focusPicker):
		body = m.pickerView()
	case m.focus == focusMembers || (m.focus == focusBusy && m.back == focusMembers):
		body = m.members.View()
	default:
		body = m.listView(h)
	}
	body = lipgloss.NewStyle().Height(h).MaxHeight(h).MaxWidth(max(m.width, 1)).Render(body)
	return m.head() + "\n" + body + "\n" + m.statusLine()
}

// head is the title (with the open class or group and its count), then the tabs.
func (m *Model) head() string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.Directory.Sets
	title := st.Title.Render(cat.Home.Classes)
	if m.focus != focusList && m.open.ID != 0 {
		title += st.Title.Render(" › "+m.open.Name) + "  " + st.Primary.Render(cat.Count(m.open.Members, t.Member))
	}
	tabs := ""
	for set, name := range []string{t.TabClasses, t.TabGroups} {
		label := fmt.Sprintf(" %s (%s) ", name, cat.Int(len(m.sets[set])))
		if app.Set(set) == m.tab {
			tabs += st.Code.Render(label) + " "
		} else {
			tabs += st.Muted.Render(label) + " "
		}
	}
	return ansi.Truncate(title, max(m.width, 1), "…") + "\n" + tabs + "\n"
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

// listView is the table of the tab's classes or groups, scrolled around the cursor.
func (m *Model) listView(height int) string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.Directory.Sets
	list := m.sets[m.tab]
	switch {
	case !m.loaded:
		return st.Muted.Render(cat.App.Working)
	case len(list) == 0 && m.tab == app.Classes:
		return st.Muted.Render(t.EmptyClasses)
	case len(list) == 0:
		return st.Muted.Render(t.EmptyGroups)
	}
	header := []string{t.Name, t.Code}
	if m.tab == app.Classes {
		header = append(header, t.Level)
	}
	header = append(header, t.Members)
	if len(m.orgs) > 1 {
		header = append(header, t.School)
	}
	rows := [][]string{header}
	for _, c := range list {
		row := []string{c.Name, c.Code}
		if m.tab == app.Classes {
			row = append(row, c.Level)
		}
		row = append(row, cat.Int(c.Members))
		if len(m.orgs) > 1 {
			row = append(row, m.orgName(c))
		}
		rows = append(rows, row)
	}
	lines := align(rows)
	out := []string{st.Muted.Render("  " + lines[0])}
	cur, vis := m.cursor[m.tab], max(height-1, 1)
	top := max(min(cur-vis/2, len(list)-vis), 0)
	for i := top; i < min(top+vis, len(list)); i++ {
		if i == cur {
			out = append(out, st.Selected.Render("› "+lines[i+1]))
		} else {
			out = append(out, "  "+lines[i+1])
		}
	}
	return strings.Join(out, "\n")
}

func (m *Model) orgName(c app.ClassInfo) string {
	for _, o := range m.orgs {
		if o.ID == c.OrgID {
			return o.Name
		}
	}
	return ""
}

// align pads every column to its widest cell.
func align(rows [][]string) []string {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], lipgloss.Width(c))
		}
	}
	out := make([]string, len(rows))
	for n, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = c + strings.Repeat(" ", widths[i]-lipgloss.Width(c))
		}
		out[n] = strings.TrimRight(strings.Join(cells, "  "), " ")
	}
	return out
}

// pickerView is the search of users to add, above the users it finds.
func (m *Model) pickerView() string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.Directory.Sets
	head := st.Title.Render(fmt.Sprintf(t.AddTitle, m.open.Name)) + "  " + st.Muted.Render(t.AddHint)
	count := ""
	if m.pick.Loaded() {
		count = "  " + st.Primary.Render(cat.Count(m.pick.Total(), cat.Nouns.User))
	}
	return head + "\n" + m.query.View() + count + "\n" + m.pick.View()
}
