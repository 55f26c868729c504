package subs

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// View shows the title, the banner, the selector line and the table.
func (m *Model) View() string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.Licensing.Subs
	var b strings.Builder
	b.WriteString(st.Title.Render(t.Title) + "\n")
	if m.form != nil {
		return b.String() + "\n" + m.form.View()
	}
	if m.noticeErr != nil {
		b.WriteString(st.Error.Render(screen.Paragraph(cat.Error(m.noticeErr), m.width)) + "\n")
	} else if m.notice != "" {
		b.WriteString(st.Success.Render(screen.Paragraph(m.notice, m.width)) + "\n")
	}
	switch {
	case m.err != nil:
		b.WriteString(st.Error.Render(cat.Error(m.err)) + "\n")
		return b.String()
	case !m.loaded:
		b.WriteString(st.Muted.Render(cat.App.Working) + "\n")
		return b.String()
	}
	b.WriteString(m.banner() + "\n")
	b.WriteString(st.Muted.Render(m.selectorLine()) + "\n\n")
	if len(m.list.Rows) == 0 {
		b.WriteString(st.Muted.Render(t.Empty) + "\n")
		return b.String()
	}
	b.WriteString(m.table())
	return b.String()
}

func (m *Model) banner() string {
	cat, st := m.sess.Cat, m.sess.Styles
	if m.list.Next.Sub.ID == 0 {
		return st.Muted.Render(cat.Licensing.Subs.NoRenewal)
	}
	return st.Primary.Render(fmt.Sprintf(cat.Licensing.Subs.Banner, cat.Date(m.list.Next.State.Date), m.list.Next.Sub.Product))
}

// selectorLine is "Organization: All organizations · sorted by product".
func (m *Model) selectorLine() string {
	t := m.sess.Cat.Licensing.Subs
	name := t.AllOrgs
	if id := m.orgID(); id != 0 {
		name = m.orgs[m.org-1].Name
	}
	sorted := t.SortProduct
	if m.sort == app.SubsByState {
		sorted = t.SortState
	}
	return fmt.Sprintf(t.ShowingOrg, name) + " · " + sorted
}

// columns are the table's headers and cells, widest cells cut to fit the screen.
func (m *Model) table() string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.Licensing.Subs
	rows := [][]string{{t.Product, t.Organization, t.ProductKeys, t.Assigned, t.State}}
	for _, r := range m.list.Rows {
		rows = append(rows, []string{r.Sub.Product, r.OrgName, cat.ProductKeys(r.Sub.Keys, 1),
			cat.Int(r.Assigned) + "/" + cat.Int(r.Sub.Seats), cat.SubStateShort(r.State)})
	}
	widths := fitWidths(rows, max(m.width-2, 20))
	var b strings.Builder
	visible := max(m.height-6, 1)
	first := max(0, m.cursor-visible+1)
	for i, row := range rows {
		if i > 0 && (i-1 < first || i-1 >= first+visible) {
			continue
		}
		line := formatRow(row, widths)
		switch {
		case i == 0:
			line = "  " + st.Muted.Render(line)
		case i-1 == m.cursor:
			line = st.Selected.Render("› " + line)
		case m.list.Rows[i-1].State.Kind == model.StateExpired:
			line = "  " + st.Muted.Render(line)
		default:
			line = "  " + line
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// fitWidths gives each column its widest cell, then shrinks the widest of the first three
// (product, organization, keys) until the row fits in total (two spaces between columns);
// only when those are down to minCut does it cut the seats and the state too.
func fitWidths(rows [][]string, total int) []int {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], lipgloss.Width(c))
		}
	}
	for _, cols := range []int{min(3, len(widths)), len(widths)} {
		for sum(widths)+2*(len(widths)-1) > total {
			w := 0
			for i := range cols {
				if widths[i] > widths[w] {
					w = i
				}
			}
			if widths[w] <= minCut {
				break
			}
			widths[w]--
		}
	}
	return widths
}

// minCut is the narrowest a cut column gets: "Atlas…" still says which product.
const minCut = 6

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func formatRow(cells []string, widths []int) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		c = ansi.Truncate(c, widths[i], "…")
		parts[i] = c + strings.Repeat(" ", max(widths[i]-lipgloss.Width(c), 0))
	}
	return strings.TrimRight(strings.Join(parts, "  "), " ")
}
