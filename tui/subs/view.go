package subs

import (
	"fmt"
	"strings"

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
	fitted := m.fits.get(rows, max(m.width-2, 20))
	var b strings.Builder
	visible := max(m.height-6, 1)
	first := max(0, m.cursor-visible+1)
	for i := range rows {
		if i > 0 && (i-1 < first || i-1 >= first+visible) {
			continue
		}
		line := fitted.row(i)
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
