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
	m.form = m.sess.NewForm(huh.NewGroup(
		huh.NewSelect[int]().Key("per_sheet").Title(t.Layout).Options(perSheet...).Value(&m.fv.perSheet).Inline(true),
		huh.NewSelect[mm.Paper]().Key("paper").Title(t.Paper).Options(
			huh.NewOption("A4", mm.A4), huh.NewOption("US Letter", mm.Letter)).Value(&m.fv.paper).Inline(true),
		huh.NewInput().Key("output").Title(t.Output).Description(t.OutputHint).Value(&m.fv.output).Validate(required),
		huh.NewConfirm().Key("split").Title(t.SplitByClass).Description(t.SplitHint).
			Affirmative(cat.App.Yes).Negative(cat.App.No).Value(&m.fv.split),
		huh.NewInput().Key("activation_url").Title(t.ActivationURL).Description(t.ActivationURLHint).
			Value(&m.fv.activationURL).Validate(checkURL),
		huh.NewInput().Key("rate").Title(t.Rate).Value(&m.fv.rate).Validate(checkRate),
	))
	m.formKind, m.step = formOptions, stepForm
	screen.SizeForm(m.form, m.width, m.height)
	return m.form.Init()
}

var errFormat = errors.New("?")

func required(s string) error {
	if strings.TrimSpace(s) == "" {
		return errFormat
	}
	return nil
}

func checkURL(s string) error {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errFormat
	}
	return nil
}

func checkRate(s string) error {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	if n, err := strconv.Atoi(s); err != nil || n < 0 {
		return errFormat
	}
	return nil
}

// updateForm passes a message to the form and applies it once completed.
func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	cmd, state := screen.UpdateForm(m.form, msg)
	switch state {
	case huh.StateCompleted:
		switch m.formKind {
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
	case huh.StateAborted:
		m.form, m.step = nil, stepView
	}
	return cmd
}

// applyForm keeps the options; a changed activation address is saved to the settings, and the
// preview follows.
func (m *Model) applyForm() tea.Cmd {
	m.form, m.step = nil, stepView
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
