package userlist

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rollcall/i18n"
	"rollcall/model"
)

// Column is one column of the users preview.
type Column int

// The preview's columns, in the order the issue lists them.
const (
	LastName Column = iota
	FirstName
	Profile
	Login
	Code
	Email
	Class
	Created
)

// AllColumns are the preview's columns, in order.
func AllColumns() []Column {
	return []Column{LastName, FirstName, Profile, Login, Code, Email, Class, Created}
}

// marker is drawn before the row under the cursor; every row keeps its width free.
const (
	marker     = "› "
	markedLead = "* " // a row marked for a bulk action
	gap        = "  "
)

// spec is how a column grows: from minimum to preferred width, then by weight.
type spec struct{ min, pref, weight int }

func (m *Model) spec(c Column) spec {
	cat := m.sess.Cat
	h := cat.Users.Columns
	switch c {
	case LastName:
		return spec{8, 16, 3}
	case FirstName:
		return spec{6, 12, 2}
	case Profile:
		w := lipgloss.Width(h.Profile)
		for _, p := range model.Profiles {
			w = max(w, lipgloss.Width(cat.Profile(p)))
		}
		return spec{7, w, 0}
	case Login:
		return spec{8, 18, 2}
	case Code:
		return spec{9, max(9, lipgloss.Width(h.Code)), 0}
	case Email:
		return spec{8, 26, 4}
	case Class:
		return spec{5, max(10, lipgloss.Width(h.Class)), 1}
	}
	w := lipgloss.Width(h.Created)
	for month := range 12 { // "13 janv. 2026" is wider than "13 mai 2026"
		w = max(w, lipgloss.Width(cat.Date(model.Date{Year: 2026, Month: time.Month(month + 1), Day: 28})))
	}
	return spec{11, w, 0}
}

// widths fits the columns into the list's width: every column gets its minimum, then all grow
// by the same share of the way to their preferred widths (fixed ones first), then what is left
// goes by weight.
func (m *Model) widths() []int {
	avail := m.width - lipgloss.Width(marker) - lipgloss.Width(gap)*(len(m.cols)-1)
	out := make([]int, len(m.cols))
	specs := make([]spec, len(m.cols))
	wanted, weights := 0, 0
	for i, c := range m.cols {
		specs[i] = m.spec(c)
		out[i] = specs[i].min
		avail -= out[i]
		wanted += specs[i].pref - specs[i].min
		weights += specs[i].weight
	}
	for i, s := range specs { // columns of known content (codes, dates) first: never cut them
		if s.weight == 0 {
			g := max(min(s.pref-s.min, avail), 0)
			out[i] += g
			avail -= g
			wanted -= s.pref - s.min
		}
	}
	if avail <= 0 {
		return out
	}
	grown := 0
	for i, s := range specs {
		if s.weight == 0 {
			continue
		}
		g := min((s.pref-s.min)*avail/max(wanted, 1), s.pref-s.min)
		out[i] += g
		grown += g
	}
	avail -= grown
	if avail > 0 && weights > 0 {
		share := avail
		for i, s := range specs {
			out[i] += share * s.weight / weights
		}
	}
	return out
}

func (m *Model) header(cat *i18n.Catalog) []string {
	h := cat.Users.Columns
	names := map[Column]string{LastName: h.LastName, FirstName: h.FirstName, Profile: h.Profile, Login: h.Login,
		Code: h.Code, Email: h.Email, Class: h.Class, Created: h.Created}
	out := make([]string, len(m.cols))
	for i, c := range m.cols {
		out[i] = names[c]
	}
	return out
}

func (m *Model) cells(u *model.User) []string {
	cat := m.sess.Cat
	out := make([]string, len(m.cols))
	for i, c := range m.cols {
		switch c {
		case LastName:
			out[i] = u.LastName
		case FirstName:
			out[i] = u.FirstName
		case Profile:
			out[i] = cat.Profile(u.Profile)
		case Login:
			out[i] = u.Login
		case Code:
			switch {
			case u.Suspended(): // its code opens nothing while it is
				out[i] = cat.Accounts.SuspendedMark
			case !u.Activated():
				out[i] = model.FormatCode(u.ActivationCode)
			}
		case Email:
			out[i] = u.Email
		case Class:
			names := make([]string, 0, len(u.ClassIDs))
			for _, id := range u.ClassIDs {
				names = append(names, m.names[id])
			}
			out[i] = strings.Join(names, ", ")
		case Created:
			out[i] = cat.Date(model.DateOf(u.CreatedAt.Local()))
		}
		out[i] = model.Printable(out[i])
	}
	return out
}

// line fits cells into their widths: cut with an ellipsis, padded with spaces.
func line(cells []string, widths []int) string {
	var b strings.Builder
	for i, c := range cells {
		if i > 0 {
			b.WriteString(gap)
		}
		c = ansi.Truncate(strings.ReplaceAll(c, "\n", " "), widths[i], "…")
		b.WriteString(c + strings.Repeat(" ", max(widths[i]-ansi.StringWidth(c), 0)))
	}
	return strings.TrimRight(b.String(), " ")
}

// View renders the header and the rows on screen; rows still loading show an ellipsis.
func (m *Model) View() string {
	cat, st := m.sess.Cat, m.sess.Styles
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	widths := m.widths()
	indent := strings.Repeat(" ", lipgloss.Width(marker))
	lines := []string{st.Muted.Render(indent + line(m.header(cat), widths))}
	switch {
	case m.err != nil:
		lines = append(lines, indent+st.Error.Render(cat.Error(m.err)))
	case !m.loaded:
		lines = append(lines, indent+st.Muted.Render(cat.App.Working))
	case m.loaded && !m.stale && m.total == 0:
		empty := cat.Directory.Users.NoMatch
		if m.empty != "" {
			empty = m.empty
		}
		lines = append(lines, indent+st.Muted.Render(empty))
	default:
		lines = append(lines, m.rowLines(widths, indent)...)
	}
	return lipgloss.NewStyle().MaxWidth(m.width).Render(strings.Join(lines, "\n"))
}

func (m *Model) rowLines(widths []int, indent string) []string {
	st := m.sess.Styles
	var lines []string
	end := min(m.top+m.Visible(), m.total)
	for i := m.top; i < end; i++ {
		j := i - m.rowsAt
		if j < 0 || j >= len(m.rows) {
			lines = append(lines, indent+st.Muted.Render("…"))
			continue
		}
		u := &m.rows[j]
		text := line(m.cells(u), widths)
		lead := indent
		if m.marked != nil && m.marked(u.ID) {
			lead = markedLead
		}
		switch {
		case i == m.cursor && m.focused && !m.stale:
			if lead == markedLead {
				lines = append(lines, st.Selected.Render("›*"+text))
			} else {
				lines = append(lines, st.Selected.Render(marker+text))
			}
		case m.stale || u.PendingDeletion() || u.Suspended():
			lines = append(lines, lead+st.Muted.Render(text))
		default:
			lines = append(lines, lead+text)
		}
	}
	return lines
}
