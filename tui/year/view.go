package year

import (
	"fmt"
	"strings"

	"rollcall/model"
	"rollcall/tui/screen"
)

// listMax is how many classes and deleted people the plan names on screen.
const listMax = 8

// View shows the step: the form, the plan and its confirmation, the history, or the job.
func (m *Model) View() string {
	cat, st := m.sess.Cat, m.sess.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(cat.Year.Title) + "\n\n")
	if m.err != nil {
		b.WriteString(st.Error.Render(screen.Paragraph(cat.Error(m.err), m.width)) + "\n\n")
	}
	if m.notice != "" {
		b.WriteString(st.Success.Render(screen.Paragraph(m.notice, m.width)) + "\n\n")
	}
	switch m.step {
	case stepBusy:
		b.WriteString(st.Muted.Render(m.busy) + "\n")
	case stepPlan:
		b.WriteString(m.planView() + "\n")
	case stepHistory:
		b.WriteString(m.historyView() + "\n")
	}
	if m.form != nil {
		b.WriteString(m.form.View())
	}
	return b.String()
}

func (m *Model) planView() string {
	cat, p := m.sess.Cat, m.plan
	var b strings.Builder
	b.WriteString(fmt.Sprintf(cat.Year.PlanTitle, p.Summary.Year, model.Printable(p.OrgName)) + "\n")
	for _, line := range cat.YearPlanLines(p.Summary) {
		b.WriteString("• " + screen.Paragraph(line, max(m.width-2, 20)) + "\n")
	}
	for i, c := range p.Classes {
		if i == listMax {
			b.WriteString(fmt.Sprintf(cat.Year.More, cat.Int(len(p.Classes)-i)) + "\n")
			break
		}
		b.WriteString(fmt.Sprintf(cat.Year.ClassLine, model.Printable(c.OldCode), model.Printable(c.NewCode)) + "\n")
	}
	for i, d := range p.Deleted {
		if i == listMax {
			b.WriteString(fmt.Sprintf(cat.Year.More, cat.Int(len(p.Deleted)-i)) + "\n")
			break
		}
		b.WriteString(fmt.Sprintf(cat.Year.DeletedLine, model.Printable(d.Login), model.Printable(d.Name),
			cat.Date(model.DateOf(d.PendingSince))) + "\n")
	}
	return b.String()
}

func (m *Model) historyView() string {
	cat, st := m.sess.Cat, m.sess.Styles
	var b strings.Builder
	b.WriteString(st.Primary.Render(cat.Year.History) + "\n")
	if len(m.runs) == 0 {
		return b.String() + st.Muted.Render(cat.Year.NoHistory) + "\n"
	}
	names := map[model.ID]string{}
	for _, o := range m.orgs {
		names[o.ID] = model.Printable(o.Name)
	}
	for i, r := range m.runs {
		org := model.ID(0)
		if len(r.OrgIDs) > 0 {
			org = r.OrgIDs[0]
		}
		summary := cat.YearSummary(*r.YearClose)
		if r.Undone() {
			summary = cat.Year.Undone + " · " + summary
		}
		line := fmt.Sprintf(cat.Year.HistoryLine, r.ID.String(), cat.DateTime(r.At), r.YearClose.Year, names[org], summary)
		marker := "  "
		if i == m.cursor {
			marker, line = st.Selected.Render("› "), st.Selected.Render(line)
		}
		b.WriteString(marker + screen.Paragraph(line, max(m.width-2, 20)) + "\n")
	}
	return b.String()
}
