package claim

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"rollcall/model"
)

func (m *Model) headerHeight() int { return lipgloss.Height(m.header()) }

// header is the title and the last error, wrapped to the screen.
func (m *Model) header() string {
	cat, st := m.sess.Cat, m.sess.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(cat.Licensing.Claim.Title) + "\n")
	if m.err != nil {
		wrap := lipgloss.NewStyle().Width(min(max(m.width, 20), 100))
		b.WriteString("\n" + st.Error.Render(wrap.Render(cat.Error(m.err))) + "\n")
	}
	if m.step == stepReview {
		b.WriteString("\n" + m.details() + "\n")
	}
	return b.String()
}

// View shows the header and the step: a form, the spinner, or the claim done.
func (m *Model) View() string {
	cat, st := m.sess.Cat, m.sess.Styles
	switch m.step {
	case stepChecking:
		return m.header() + "\n" + m.busy.View(cat.Licensing.Claim.Checking)
	case stepClaiming:
		return m.header() + "\n" + m.busy.View(cat.Licensing.Claim.Claiming)
	case stepDone:
		c := m.claimed
		line := fmt.Sprintf(cat.Licensing.Claim.Claimed, c.Product, c.OrgName, cat.Count(c.Seats, cat.Licensing.Seat))
		return m.header() + "\n" + st.Success.Render(line) + "\n\n" + m.summary(c.Subscription, c.OrgName) +
			"\n" + st.Muted.Render(cat.Licensing.Claim.Again)
	}
	return m.header() + "\n" + m.form.View()
}

// details is the review: every detail of the subscription to be claimed.
func (m *Model) details() string {
	s := m.preview.Subscription
	s.Vendor, s.VendorLocation = strings.TrimSpace(m.v.vendor), strings.TrimSpace(m.v.location)
	org := m.v.newName
	for _, o := range m.orgs {
		if o.ID == m.v.org && m.v.org != 0 {
			org = o.Name
		}
	}
	if m.v.org == 0 {
		org += " (" + m.sess.Cat.Licensing.Claim.NewTag + ")"
	}
	return m.summary(s, org)
}

// summary lists a subscription's details, labels aligned.
func (m *Model) summary(s model.Subscription, org string) string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.Licensing.Subs
	rows := [][2]string{{t.Product, s.Product}}
	vendor := s.Vendor
	if s.VendorLocation != "" {
		vendor += " (" + s.VendorLocation + ")"
	}
	rows = append(rows, [2]string{t.Vendor, vendor})
	if s.OrderNumber != "" {
		rows = append(rows, [2]string{t.Order, s.OrderNumber})
	}
	if s.Displays > 0 {
		rows = append(rows, [2]string{t.Displays, cat.Int(s.Displays) + " · " + s.Serial})
	}
	rows = append(rows,
		[2]string{t.Seats, cat.Count(s.Seats, cat.Licensing.Seat)},
		[2]string{t.ProductKeys, cat.ProductKeys(s.Keys, 3)},
		[2]string{t.Term, cat.Date(s.StartsOn) + " → " + cat.SubState(s.State(m.today))},
		[2]string{t.Organization, org})
	width := 0
	for _, r := range rows {
		width = max(width, lipgloss.Width(r[0]))
	}
	var b strings.Builder
	for _, r := range rows {
		pad := strings.Repeat(" ", width-lipgloss.Width(r[0]))
		b.WriteString("  " + st.Muted.Render(r[0]+pad) + "  " + r[1] + "\n")
	}
	return b.String()
}
