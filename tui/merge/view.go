package merge

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rollcall/mailmerge"
)

// View renders the screen: the counts, the tabs, the panel, the status line.
func (m *Model) View() string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.MailMerge
	var b strings.Builder
	b.WriteString(st.Title.Render(t.Title) + "\n")
	switch {
	case m.filterName != "":
		b.WriteString(st.Muted.Render(m.wrap(fmt.Sprintf(t.FromFilter, m.filterName))) + "\n")
	case m.fromHome:
		b.WriteString(st.Muted.Render(m.wrap(t.FromHome)) + "\n")
	}
	if m.loaded && m.err == nil || m.preview.Card != nil {
		c := m.preview.Counts
		b.WriteString(fmt.Sprintf(t.Counts, cat.Int(c.Total), cat.Int(c.WithEmail), cat.Int(c.Activated)) + "\n")
	}
	if m.step == stepForm && m.forms.Form != nil {
		b.WriteString("\n" + m.forms.Form.View())
		return b.String()
	}
	b.WriteString("\n" + m.tabs() + "\n")
	var body []string
	if m.panel == panelCards {
		body = m.cardsPanel()
	} else {
		body = m.emailsPanel()
	}
	body = strings.Split(strings.Join(body, "\n"), "\n") // wrapped entries count as their lines
	status := m.status()
	used := strings.Count(b.String(), "\n") + len(status) + 1
	if room := m.height - used; m.height > 0 && len(body) > room {
		body = body[:max(room, 0)]
	}
	b.WriteString(strings.Join(body, "\n"))
	if len(status) > 0 {
		b.WriteString("\n\n" + strings.Join(status, "\n"))
	}
	return b.String()
}

func (m *Model) tabs() string {
	st, t := m.sess.Styles, m.sess.Cat.MailMerge
	names := []string{t.TabCards, t.TabEmails}
	out := make([]string, len(names))
	for i, n := range names {
		if panel(i) == m.panel {
			out[i] = st.Selected.Render("[" + n + "]")
		} else {
			out[i] = st.Muted.Render(" " + n + " ")
		}
	}
	return strings.Join(out, "  ")
}

func (m *Model) cardsPanel() []string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.MailMerge
	paper := "A4"
	if m.opts.paper == mailmerge.Letter {
		paper = "US Letter"
	}
	line := fmt.Sprintf(t.PerSheet, m.opts.perSheet) + " · " + cat.Label(t.Paper, paper) + " · " + cat.Label(t.Output, m.opts.output)
	if m.opts.split {
		line += " · " + t.SplitByClass
	}
	lines := []string{m.wrap(line)}
	if m.preview.NoActivationURL && m.loaded {
		lines = append(lines, st.Error.Render(m.wrap(t.NoActivationURL)))
	}
	lines = append(lines, "", st.Primary.Render("── "+t.FirstCard+" ──"))
	if m.preview.Card == nil {
		if m.loaded {
			lines = append(lines, st.Muted.Render(t.NoCard))
		}
		return lines
	}
	return append(lines, m.cardLines(m.preview.CardText)...)
}

// cardLines renders the card markup for a terminal: headings bold, small print muted.
func (m *Model) cardLines(text string) []string {
	st := m.sess.Styles
	bold := lipgloss.NewStyle().Bold(true)
	var out []string
	for _, raw := range strings.Split(text, "\n") {
		s := strings.TrimSpace(raw)
		switch {
		case strings.HasPrefix(s, "---"):
			out = append(out, st.Muted.Render(strings.Repeat("─", min(40, max(m.width-2, 10)))))
		case strings.HasPrefix(s, "## "), strings.HasPrefix(s, "# "):
			out = append(out, "  "+bold.Render(strings.TrimLeft(s, "# ")))
		case strings.HasPrefix(s, "> "):
			out = append(out, st.Muted.Render(m.wrapIndent(s[2:])))
		default:
			out = append(out, m.wrapIndent(s))
		}
	}
	return out
}

func (m *Model) emailsPanel() []string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.MailMerge
	var lines []string
	if m.noSMTP && m.loaded {
		lines = append(lines, st.Error.Render(m.wrap(t.NoSMTP)))
	}
	if m.preview.NoActivationURL && m.loaded {
		lines = append(lines, st.Error.Render(m.wrap(t.NoActivationURL)))
	}
	lines = append(lines, st.Primary.Render("── "+t.Campaigns+" ──"))
	if len(m.campaigns) == 0 {
		lines = append(lines, st.Muted.Render(t.NoCampaigns))
	}
	for i, c := range m.campaigns[:min(len(m.campaigns), 5)] {
		counts := fmt.Sprintf(t.CampaignLine, cat.Int(c.Counts.Sent), cat.Int(c.Counts.Failed+c.Counts.Uncertain), cat.Int(c.Counts.Left()))
		item := fmt.Sprintf(t.CampaignItem, c.ID, cat.CampaignState(c.State, c.Interrupted()), counts)
		if i == m.cursor {
			lines = append(lines, st.Selected.Render("› "+item))
		} else {
			lines = append(lines, "  "+item)
		}
	}
	lines = append(lines, "", st.Primary.Render("── "+t.FirstMessage+" ──"))
	msg := m.preview.Message
	if msg == nil {
		if m.loaded {
			lines = append(lines, st.Muted.Render(t.NoMessage))
		}
		return lines
	}
	lines = append(lines, cat.Label(t.To, msg.ToName+" <"+msg.To+">"), cat.Label(t.Subject, msg.Subject), "")
	for _, l := range strings.Split(strings.TrimSpace(msg.Text), "\n") {
		lines = append(lines, m.wrapIndent(l))
	}
	return lines
}

// status is the job's progress, the last result, an error, or a question.
func (m *Model) status() []string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.MailMerge
	var out []string
	switch m.step {
	case stepConfirm:
		out = append(out, st.Primary.Render(fmt.Sprintf(t.ConfirmSend, cat.Int(m.preview.Counts.WithEmail))))
	case stepRunning:
		p := m.job.p
		label := t.Generating
		if m.job.kind == jobPDF {
			if p.total > 0 {
				label = fmt.Sprintf(t.Pages, cat.Int(p.pages), cat.Int(p.total))
			}
		} else {
			label = t.SendingNow + " " + fmt.Sprintf(t.CampaignLine, cat.Int(p.campaign.Sent), cat.Int(p.campaign.Failed), cat.Int(p.campaign.Left))
		}
		if m.job.cancelling {
			label = t.Cancelling
		}
		out = append(out, m.busy.View(label))
	default:
		if m.busy.On() {
			out = append(out, m.busy.View(cat.App.Working))
		}
	}
	if m.notice != "" {
		out = append(out, st.Success.Render(m.wrap(m.notice)))
	}
	if m.err != nil {
		out = append(out, st.Error.Render(m.wrap(cat.Error(m.err))))
	}
	return out
}

// wrap fits text to the body width.
func (m *Model) wrap(s string) string {
	if m.width <= 0 {
		return s
	}
	return ansi.Wrap(s, m.width, "")
}

// wrapIndent fits text to the body width, two columns in.
func (m *Model) wrapIndent(s string) string {
	if m.width <= 4 {
		return "  " + s
	}
	return "  " + strings.ReplaceAll(ansi.Wrap(s, m.width-2, ""), "\n", "\n  ")
}
