package home

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rollcall/model"
	"rollcall/tui/screen"
)

// View shows the summary, the areas and the demo load's line.
func (m *Model) View() string {
	cat, st := m.sess.Cat, m.sess.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(cat.Home.Title) + "\n\n")
	b.WriteString(m.summary() + "\n\n")
	width := 0
	for _, a := range screen.Areas() {
		width = max(width, lipgloss.Width(a.Title(cat)))
	}
	for _, a := range screen.Areas() {
		marker, title := "  ", a.Title(cat)
		pad := strings.Repeat(" ", width-lipgloss.Width(title))
		if a == m.cursor {
			marker, title = st.Selected.Render("› "), st.Selected.Render(title)
		}
		line := marker + title + pad + "  " + st.Muted.Render(a.Help(cat))
		if m.width > 0 {
			line = ansi.Truncate(line, m.width, "…") // the help is a hint: cut, but visibly
		}
		b.WriteString(line + "\n")
	}
	if s := m.demo.View(m.sess, m.width); s != "" {
		b.WriteString("\n" + s + "\n")
	}
	if s := m.backupView(); s != "" {
		b.WriteString("\n" + s + "\n")
	}
	return b.String()
}

// summary is "2 organizations · 1,170 users · Student 1,020, Teacher 52, …", or why there is
// nothing to count yet.
func (m *Model) summary() string {
	cat, st := m.sess.Cat, m.sess.Styles
	ov := m.overview
	switch {
	case m.overviewErr != nil:
		return st.Error.Render(cat.Error(m.overviewErr))
	case !m.loaded:
		return st.Muted.Render(cat.App.Working)
	case ov.Users == 0 && len(ov.Orgs) == 0:
		return st.Muted.Render(cat.Home.NoData)
	}
	var profiles []string
	for _, p := range model.Profiles {
		if n := ov.ByProfile[p]; n > 0 {
			profiles = append(profiles, cat.Profile(p)+" "+cat.Int(n))
		}
	}
	line := fmt.Sprintf(cat.Home.Summary, cat.Count(len(ov.Orgs), cat.Nouns.Organization),
		cat.Count(ov.Users, cat.Nouns.User), strings.Join(profiles, ", "))
	if m.width > 0 { // counts, not prose: the whole width, wrapped only when it must
		line = lipgloss.NewStyle().Width(m.width).Render(line)
	}
	if ov.Demo {
		line += "\n" + st.Primary.Render(cat.Home.DemoBanner)
	}
	return line
}
