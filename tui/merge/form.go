package merge

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	mm "rollcall/mailmerge"
	"rollcall/tui/screen"
)

// openForm shows the options: layout, paper, output, split, activation address, rate.
func (m *Model) openForm() tea.Cmd {
	cat := m.sess.Cat
	t := cat.MailMerge
	m.fv = m.opts
	perSheet := make([]huh.Option[int], 0, 3)
	for _, n := range []int{1, 2, 8} {
		perSheet = append(perSheet, huh.NewOption(fmt.Sprintf(t.PerSheet, n), n))
	}
	return m.openAs(formOptions, m.sess.NewForm(huh.NewGroup(
		huh.NewSelect[int]().Key("per_sheet").Title(t.Layout).Options(perSheet...).Value(&m.fv.perSheet).Inline(true),
		huh.NewSelect[mm.Paper]().Key("paper").Title(t.Paper).Options(
			huh.NewOption("A4", mm.A4), huh.NewOption("US Letter", mm.Letter)).Value(&m.fv.paper).Inline(true),
		huh.NewInput().Key("output").Title(t.Output).Description(t.OutputHint).Value(&m.fv.output).Validate(m.sess.Required(t.Output)),
		huh.NewConfirm().Key("split").Title(t.SplitByClass).Description(t.SplitHint).
			Affirmative(cat.App.Yes).Negative(cat.App.No).Value(&m.fv.split),
		huh.NewInput().Key("activation_url").Title(t.ActivationURL).Description(t.ActivationURLHint).
			Value(&m.fv.activationURL).Validate(m.checkURL),
		huh.NewInput().Key("rate").Title(t.Rate).Value(&m.fv.rate).Validate(m.checkRate),
	)))
}

// openAs shows a form of the screen, of the given kind.
func (m *Model) openAs(kind formKind, f *huh.Form) tea.Cmd {
	m.step = stepForm
	return m.forms.Open(kind, f, m.width, m.height)
}

// closeForm drops the form and goes back to the preview.
func (m *Model) closeForm() {
	m.forms.Close()
	m.step = stepView
}

// refused is a field's refusal: its title and what it expects, in the admin's language.
func (m *Model) refused(field, expected string) error {
	return errors.New(m.sess.Cat.Label(field, expected))
}

func (m *Model) checkURL(s string) error {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return m.refused(m.sess.Cat.MailMerge.ActivationURL, m.sess.Cat.FormChecks().URL)
	}
	return nil
}

func (m *Model) checkRate(s string) error {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	if n, err := strconv.Atoi(s); err != nil || n < 0 {
		return m.refused(m.sess.Cat.MailMerge.Rate, m.sess.Cat.FormChecks().Rate)
	}
	return nil
}

// updateForm passes a message to the form and applies it once completed.
func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	cmd, end := m.forms.Update(msg, m.keys.cancel)
	switch end {
	case screen.FormCancelled:
		m.step = stepView
		return cmd
	case screen.FormOpen:
		return cmd
	}
	switch m.forms.Kind {
	case formSMTP:
		return tea.Batch(cmd, m.applySMTPForm())
	case formPolicyProfile:
		return tea.Batch(cmd, m.readPolicy())
	case formPolicy:
		return tea.Batch(cmd, m.applyPolicyForm())
	case formFilter:
		return tea.Batch(cmd, m.applyFilter())
	}
	return tea.Batch(cmd, m.applyForm())
}

// applyForm keeps the options; a changed activation address is saved to the settings, and the
// preview follows.
func (m *Model) applyForm() tea.Cmd {
	m.closeForm()
	urlChanged := strings.TrimSpace(m.fv.activationURL) != m.opts.activationURL
	m.opts = m.fv
	m.opts.output = strings.TrimSpace(m.opts.output)
	if !urlChanged {
		return nil
	}
	m.loadReq = m.sess.NewRequest()
	url := strings.TrimSpace(m.fv.activationURL)
	return tea.Batch(m.busy.Start(), saveSettingsCmd(m.sess.Ctx, m.sess.Acting, m.school,
		app.MailSettingsChange{ActivationURL: &url}, "", m.loadReq))
}
