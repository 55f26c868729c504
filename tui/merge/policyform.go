package merge

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// policyValues are what the password policy form edits, as `rollcall settings password-policy`
// sets them.
type policyValues struct {
	profile   model.Profile
	minLength string
	classes   []model.CharClass
}

// openPolicyForm sets the password policy of one profile in the school whose settings the
// screen shows: first the profile, then its rules as the school has them now (policyform's
// second step, once they are read).
func (m *Model) openPolicyForm() tea.Cmd {
	cat := m.sess.Cat
	if m.pv.profile == model.ProfileUnknown {
		m.pv.profile = model.Student
	}
	var profiles []huh.Option[model.Profile]
	for _, p := range model.Profiles {
		profiles = append(profiles, huh.NewOption(cat.Profile(p), p))
	}
	return m.openAs(formPolicyProfile, m.sess.NewForm(huh.NewGroup(
		huh.NewSelect[model.Profile]().Key("profile").Title(cat.MailMerge.PolicyProfile).Options(profiles...).Value(&m.pv.profile),
	).Title(fmt.Sprintf(cat.MailMerge.PolicyTitle, m.schoolName))))
}

// policyReadMsg carries a profile's policy as the school has it now.
type policyReadMsg struct {
	id      screen.RequestID
	profile model.Profile
	policy  model.PasswordPolicy
	err     error
}

// readPolicy reads the chosen profile's current policy, fresh: another admin may have changed
// it since the screen was loaded.
func (m *Model) readPolicy() tea.Cmd {
	m.closeForm()
	m.policyReq = m.sess.NewRequest()
	ctx, as, school, p, id := m.sess.Ctx, m.sess.Acting, m.school, m.pv.profile, m.policyReq
	return tea.Batch(m.busy.Start(), func() tea.Msg {
		_, s, err := as.SchoolSettings(ctx, school)
		return policyReadMsg{id: id, profile: p, policy: s.PasswordPolicy(p), err: err}
	})
}

// policyRead opens the rules of the profile, starting from the school's current ones.
func (m *Model) policyRead(msg policyReadMsg) tea.Cmd {
	if msg.id != m.policyReq || m.step != stepView {
		return nil
	}
	m.busy.Stop()
	if msg.err != nil {
		m.err = msg.err
		return nil
	}
	cat := m.sess.Cat
	t, w := cat.MailMerge, cat.Web
	m.pv = policyValues{profile: msg.profile, minLength: strconv.Itoa(msg.policy.MinLength)}
	classes := []huh.Option[model.CharClass]{
		huh.NewOption(w.RuleUpper, model.ClassUpper), huh.NewOption(w.RuleLower, model.ClassLower),
		huh.NewOption(w.RuleLetter, model.ClassLetter), huh.NewOption(w.RuleDigit, model.ClassDigit),
		huh.NewOption(w.RuleSpecial, model.ClassSpecial)}
	for i := range classes {
		if msg.policy.Classes.Has(classes[i].Value) {
			classes[i] = classes[i].Selected(true)
			m.pv.classes = append(m.pv.classes, classes[i].Value)
		}
	}
	return m.openAs(formPolicy, m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key("min").Title(t.PolicyMinLength).Value(&m.pv.minLength).Validate(m.checkMinLength),
		huh.NewMultiSelect[model.CharClass]().Key("classes").Title(t.PolicyClasses).Options(classes...).Value(&m.pv.classes),
	).Title(fmt.Sprintf(t.PolicyTitle, m.schoolName)).Description(cat.Profile(msg.profile))))
}

func (m *Model) checkMinLength(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < model.PasswordPolicyMinLength || n > model.PasswordPolicyMaxLength {
		return m.refused(m.sess.Cat.MailMerge.PolicyMinLength, fmt.Sprintf(m.sess.Cat.FormChecks().MinLength,
			model.PasswordPolicyMinLength, model.PasswordPolicyMaxLength))
	}
	return nil
}

// applyPolicyForm saves the policy; the notice names the profile and the school.
func (m *Model) applyPolicyForm() tea.Cmd {
	m.closeForm()
	n, _ := strconv.Atoi(strings.TrimSpace(m.pv.minLength)) // checked by the form
	var set model.CharClasses
	for _, c := range m.pv.classes {
		set |= model.CharClasses(c)
	}
	pol := model.PasswordPolicy{MinLength: n, Classes: set}
	cat := m.sess.Cat
	notice := fmt.Sprintf(cat.MailMerge.PolicySaved, cat.Profile(m.pv.profile), m.schoolName)
	m.loadReq = m.sess.NewRequest()
	m.notice, m.err = "", nil
	return tea.Batch(m.busy.Start(), savePolicyCmd(m.sess.Ctx, m.sess.Acting, m.school, m.pv.profile, pol, notice, m.loadReq))
}

func savePolicyCmd(ctx context.Context, as *app.Session, school model.ID, p model.Profile,
	pol model.PasswordPolicy, notice string, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		_, err := as.SetPasswordPolicy(ctx, school, p, pol, false)
		return settingsSavedMsg{id: id, err: err, notice: notice}
	}
}
