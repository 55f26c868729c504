package users

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rollcall/model"
)

// The fixed parts of the layout, in lines.
const (
	titleLines  = 2 // the title and a blank line
	statusLines = 1
	wideWidth   = 100 // from this width the panel's short filters go two by two
)

func (m *Model) wide() bool { return m.width >= wideWidth }

func (m *Model) panelLines() int {
	if m.wide() {
		return 2 + int(rowCount-rowClasses+1)/2 // search, profiles, then the others two by two
	}
	return int(rowCount)
}

// listHeight is the list's share of the body: header plus rows.
func (m *Model) listHeight() int {
	return max(m.height-titleLines-statusLines-m.panelLines()-1, 2)
}

// formHeight is the room a form or the detail has under the title.
func (m *Model) formHeight() int { return max(m.height-titleLines-statusLines, 4) }

// View shows the title and count, then the panel and the list, or the picker, the detail or a
// form in their place, and the status line at the bottom.
func (m *Model) View() string {
	var body string
	switch {
	case m.focus == focusForm && m.forms.Form != nil:
		body = m.forms.Form.View()
	case m.focus == focusDetail || (m.focus == focusBusy && m.back == focusDetail):
		body = m.detailView()
	case m.focus == focusPicker:
		body = m.panelView() + "\n\n" + m.pickerView(m.listHeight())
	case m.focus == focusSaved || (m.focus == focusBusy && m.back == focusSaved):
		body = m.panelView() + "\n\n" + m.savedView(m.listHeight())
	case m.focus == focusDups || (m.focus == focusBusy && m.back == focusDups):
		body = m.dupsView(m.formHeight())
	default:
		body = m.panelView() + "\n\n" + m.list.View()
	}
	h := m.formHeight()
	body = lipgloss.NewStyle().Height(h).MaxHeight(h).MaxWidth(max(m.width, 1)).Render(body)
	return m.titleLine() + "\n\n" + body + "\n" + m.statusLine()
}

// titleLine is "Users  1,170 users  rows 1–21", with "filtering…" while a filter runs.
func (m *Model) titleLine() string {
	cat, st := m.sess.Cat, m.sess.Styles
	line := st.Title.Render(cat.Home.Users)
	if m.list.Loaded() || m.list.Total() > 0 {
		line += "  " + st.Primary.Render(cat.Count(m.list.Total(), cat.Nouns.User))
	}
	if from, to := m.list.Window(); to > from {
		line += "  " + st.Muted.Render(fmt.Sprintf(cat.Directory.Users.Range, cat.Int(from+1), cat.Int(to)))
	}
	if !m.list.Loaded() {
		line += "  " + st.Muted.Render(cat.Directory.Users.Filtering)
	}
	return ansi.Truncate(line, max(m.width, 1), "…")
}

func (m *Model) statusLine() string {
	st := m.sess.Styles
	switch {
	case m.busy.On():
		return m.busy.View(m.busyLabel) + "  " + st.Muted.Render(m.sess.Cat.Directory.Users.CancelHint)
	case m.errText != "":
		return st.Error.Render(strings.ReplaceAll(m.errText, "\n", " · "))
	case m.notice != "":
		return st.Success.Render(m.notice)
	}
	return ""
}

// panelView lays the filters out: search and profiles on their own lines, the rest two by two
// when the screen is wide, one a line otherwise.
func (m *Model) panelView() string {
	cells := make([]string, rowCount)
	labelW := 0
	for r := range rowCount {
		labelW = max(labelW, lipgloss.Width(m.rowLabel(r)))
	}
	for r := range rowCount {
		cells[r] = m.panelCell(r, labelW)
	}
	if !m.wide() {
		return strings.Join(cells, "\n")
	}
	colW := m.width / 2
	lines := []string{cells[rowSearch], cells[rowProfiles]}
	for r := rowClasses; r < rowCount; r += 2 {
		if r+1 == rowCount { // an odd row out: alone on its line
			lines = append(lines, cells[r])
			break
		}
		left := ansi.Truncate(cells[r], colW-1, "…")
		left += strings.Repeat(" ", max(colW-lipgloss.Width(left), 0))
		lines = append(lines, left+cells[r+1])
	}
	return strings.Join(lines, "\n")
}

func (m *Model) rowLabel(r filterRow) string {
	f := m.sess.Cat.Directory.Filters
	return [...]string{f.Search, f.Profiles, f.Classes, f.Activation, f.Email, f.LocalAdmins,
		m.sess.Cat.Schools.Functions, f.CreatedFrom, f.CreatedTo, f.Pending, f.Sort, m.sess.Cat.Accounts.Level}[r]
}

// panelCell is one filter: a marker when the cursor is on it, its label, its value.
func (m *Model) panelCell(r filterRow, labelW int) string {
	st := m.sess.Styles
	on := m.panel.row == r && (m.focus == focusFilters || (m.focus == focusPicker && r == rowClasses))
	label := m.rowLabel(r)
	pad := strings.Repeat(" ", labelW-lipgloss.Width(label))
	if on {
		return st.Selected.Render("› "+label) + pad + "  " + m.panelValue(r, true)
	}
	return "  " + st.Muted.Render(label) + pad + "  " + m.panelValue(r, false)
}

func (m *Model) panelValue(r filterRow, on bool) string {
	cat, st := m.sess.Cat, m.sess.Styles
	f, s, p := cat.Directory.Filters, &m.panel.sel, &m.panel
	choice := func(v string) string {
		if on {
			return st.Selected.Render("‹ " + v + " ›")
		}
		return v
	}
	bad := func(in string, isBad bool) string {
		if isBad {
			return in + st.Error.Render(" ✗ "+cat.Rules.Date)
		}
		return in
	}
	switch r {
	case rowSearch:
		return p.search.View()
	case rowProfiles:
		return m.profilesValue(on)
	case rowClasses:
		return m.classesValue(on)
	case rowActivation:
		return choice([...]string{f.All, f.Activated, f.NotActivated}[s.Activation])
	case rowEmail:
		return choice([...]string{f.All, f.WithEmail, f.WithoutEmail}[s.Email])
	case rowLocalAdmins:
		return choice(checkbox(s.LocalAdmins) + f.OnlyLocalAdmins)
	case rowFunction:
		return p.function.View()
	case rowCreatedFrom:
		return bad(p.from.View(), p.fromBad)
	case rowCreatedTo:
		return bad(p.to.View(), p.toBad)
	case rowPending:
		return choice([...]string{f.PendingExcluded, f.PendingIncluded, f.PendingOnly}[s.Pending])
	case rowLevel:
		return p.level.View()
	}
	return choice([...]string{f.SortName, f.SortProfile, f.SortClass}[s.Sort])
}

func checkbox(on bool) string {
	if on {
		return "[x] "
	}
	return "[ ] "
}

func (m *Model) profilesValue(on bool) string {
	cat, st := m.sess.Cat, m.sess.Styles
	items := make([]string, len(model.Profiles))
	for i, p := range model.Profiles {
		items[i] = checkbox(slices.Contains(m.panel.sel.Profiles, p)) + cat.Profile(p)
		if on && i == m.panel.profile {
			items[i] = st.Selected.Render(items[i])
		}
	}
	// Every profile stays visible on 80 columns: one space between them when two do not fit.
	labelW := 0
	for r := range rowCount {
		labelW = max(labelW, lipgloss.Width(m.rowLabel(r)))
	}
	if v := strings.Join(items, "  "); lipgloss.Width(v) <= m.width-labelW-4 {
		return v
	}
	return strings.Join(items, " ")
}

func (m *Model) classesValue(on bool) string {
	cat, st := m.sess.Cat, m.sess.Styles
	f := cat.Directory.Filters
	v := f.All
	if ids := m.panel.sel.ClassIDs; len(ids) > 0 {
		labels := m.classLabels()
		names := make([]string, len(ids))
		for i, id := range ids {
			names[i] = labels[id]
		}
		v = strings.Join(names, ", ")
	}
	if on {
		return st.Selected.Render(v) + "  " + st.Muted.Render(f.ChooseHint)
	}
	return v
}
