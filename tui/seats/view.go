package seats

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rollcall/app"
	"rollcall/i18n"
)

// headLines is the title, the summary and a blank line; the status line takes the rest.
const headLines = 3

// bodyHeight is what the list or a form may use.
func (m *Model) bodyHeight() int { return max(m.height-headLines-m.statusHeight(), 3) }

func (m *Model) statusHeight() int {
	if s := m.statusLine(); s != "" {
		return lipgloss.Height(s) + 1
	}
	return 0
}

func counts(r app.SeatResult) i18n.SeatCounts {
	return i18n.SeatCounts{Added: len(r.Added), Removed: len(r.Removed), Kept: r.Kept, Duplicates: r.Duplicates,
		Notified: r.Notified, Free: r.Free}
}

// View shows the title and summary, then the seats, a form or the sync's progress, then the
// status line.
func (m *Model) View() string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.Licensing.Seats
	title := fmt.Sprintf(t.Title, m.list.Sub.Product)
	summary := ""
	if m.loaded && m.list.Sub.ID != 0 {
		summary = fmt.Sprintf(t.Summary, cat.Int(m.list.Assigned), cat.Int(m.list.Sub.Seats), cat.Int(m.list.Free())) +
			" · " + m.list.OrgName + " · " + cat.SubState(m.list.State)
	} else if !m.loaded {
		summary = cat.App.Working
	}
	head := st.Title.Render(ansi.Truncate(title, max(m.width, 1), "…")) + "\n" + st.Muted.Render(ansi.Truncate(summary, max(m.width, 1), "…")) + "\n"
	var body string
	switch m.focus {
	case focusForm:
		body = m.forms.Form.View()
	case focusSyncing:
		line := cat.Licensing.Sync.Writing
		if m.progress.Stage == app.SyncReading {
			line = fmt.Sprintf(cat.Licensing.Sync.Reading, cat.Int(m.progress.Read))
		}
		body = m.busy.View(line) + "\n" + st.Muted.Render(cat.Licensing.Sync.CancelHint)
	case focusBusy:
		body = m.busy.View(cat.App.Working)
	default:
		body = m.listView()
	}
	h := m.bodyHeight()
	body = lipgloss.NewStyle().Height(h).MaxHeight(h).MaxWidth(max(m.width, 1)).Render(body)
	out := head + "\n" + body
	if s := m.statusLine(); s != "" {
		out += "\n" + s
	}
	return out
}

func (m *Model) listView() string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.Licensing.Seats
	if len(m.list.Seats) == 0 {
		return st.Muted.Render(t.Empty)
	}
	rows := [][3]string{{cat.People.Holder, t.HowAdded, t.When}}
	for _, s := range m.list.Seats {
		how := cat.SeatSource(s)
		if s.Key != "" {
			how += " · " + s.Key
		}
		rows = append(rows, [3]string{s.Label(), how, cat.DateTime(s.AddedAt)})
	}
	var w [3]int
	for _, r := range rows {
		for i, c := range r {
			w[i] = max(w[i], lipgloss.Width(c))
		}
	}
	w[1] = min(w[1], max(m.width-w[0]-w[2]-8, 8))
	visible := max(m.bodyHeight()-1, 1)
	first := max(0, m.cursor-visible+1)
	var b strings.Builder
	for i, r := range rows {
		if i > 0 && (i-1 < first || i-1 >= first+visible) {
			continue
		}
		line := pad(r[0], w[0]) + "  " + pad(ansi.Truncate(r[1], w[1], "…"), w[1]) + "  " + r[2]
		switch {
		case i == 0:
			line = "  " + st.Muted.Render(line)
		case i-1 == m.cursor:
			line = st.Selected.Render("› " + line)
		default:
			line = "  " + line
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

func pad(s string, w int) string { return s + strings.Repeat(" ", max(w-lipgloss.Width(s), 0)) }

// statusLine is the last notice or error, wrapped.
func (m *Model) statusLine() string {
	st := m.sess.Styles
	wrap := lipgloss.NewStyle().Width(max(min(m.width, 100), 20))
	switch {
	case m.err != nil:
		return st.Error.Render(wrap.Render(m.sess.Cat.Error(m.err)))
	case m.notice != "":
		return st.Success.Render(wrap.Render(m.notice))
	}
	return ""
}
