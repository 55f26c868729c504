package admins

import (
	"context"
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// formKind is what the open form is for.
type formKind int

const (
	formInvite formKind = iota
	formJoin            // an invitation code from another school: the admin administers it too
	formAddKey
	formRemove // the question before removing an admin, withdrawing an invitation or a key
	formSchool // a new school, or the edit of one
)

// formValues are the values the open form edits.
type formValues struct {
	org               model.ID
	email, line, code string
	yes               bool
	school            schoolValues
	removeTab         tab
	removeTarget      int // the row of removeTab the question is about
}

func (m *Model) openForm(kind formKind, f *huh.Form) tea.Cmd {
	m.focus = focusForm
	return m.forms.Open(kind, f, m.width, m.bodyHeight())
}

func (m *Model) closeForm() tea.Cmd {
	m.forms.Close()
	m.focus = focusList
	return nil
}

// updateForm passes a message (esc included) to the form and acts on its completion.
func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	cmd, end := m.forms.Update(msg, m.keys.cancel)
	switch end {
	case screen.FormDone:
		return tea.Batch(cmd, m.submit())
	case screen.FormCancelled:
		m.focus = focusList
	}
	return cmd
}

// inviteForm asks for the school (admins of several) and, optionally, the invitee's email.
func (m *Model) inviteForm() tea.Cmd {
	t := m.sess.Cat.Admins
	if len(m.data.order) == 0 {
		m.errText = m.sess.Cat.Error(model.ErrNoOrganization)
		return nil
	}
	m.fv = &formValues{org: m.data.order[0].ID}
	var fields []huh.Field
	if len(m.data.order) > 1 {
		opts := make([]huh.Option[model.ID], len(m.data.order))
		for i, o := range m.data.order {
			opts[i] = huh.NewOption(o.Name, o.ID)
		}
		fields = append(fields, huh.NewSelect[model.ID]().Key("org").Title(t.InviteOrg).Options(opts...).Value(&m.fv.org))
	}
	fields = append(fields, huh.NewInput().Key("email").Title(t.InviteEmail).Description(t.InviteEmailHint).
		Value(&m.fv.email).Validate(m.optionalEmail))
	return m.openForm(formInvite, m.sess.NewForm(huh.NewGroup(fields...).Title(t.InviteTitle)))
}

func (m *Model) optionalEmail(s string) error {
	if e := model.NormalizeEmail(s); e != "" && !model.ValidEmail(e) {
		return errors.New(m.sess.Cat.Validation(&model.ValidationError{Field: "email", Rule: model.RuleEmail}))
	}
	return nil
}

// joinForm asks for an invitation code, as `rollcall admins join` does.
func (m *Model) joinForm() tea.Cmd {
	t := m.sess.Cat.Admins
	m.fv = &formValues{}
	return m.openForm(formJoin, m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key("code").Title(t.JoinField).Description(t.JoinHint).CharLimit(32).Value(&m.fv.code).
			Validate(m.sess.Required(t.JoinField)),
	).Title(t.JoinTitle)))
}

// addKeyForm asks for one public key line.
func (m *Model) addKeyForm() tea.Cmd {
	t := m.sess.Cat.Admins
	m.fv = &formValues{}
	check := func(s string) error {
		if _, err := app.ParseSSHKey(s); err != nil {
			return errors.New(m.sess.Cat.Error(err))
		}
		return nil
	}
	return m.openForm(formAddKey, m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key("key").Title(t.AddKeyField).Description(t.AddKeyHint).Value(&m.fv.line).
			CharLimit(8<<10).Validate(check),
	).Title(t.AddKeyTitle)))
}

// confirmRemove asks before removing what the cursor is on; No is the default.
func (m *Model) confirmRemove() tea.Cmd {
	t, cat := m.sess.Cat.Admins, m.sess.Cat
	row := m.cursor[m.tab]
	if row >= m.count(m.tab) || m.tab == tabLog || m.tab == tabSchools {
		return nil
	}
	var q string
	switch m.tab {
	case tabAdmins:
		ad := m.data.admins[row]
		q = fmt.Sprintf(t.ConfirmRemove, ad.Email, m.orgNames(ad.OrgIDs))
	case tabInvites:
		q = fmt.Sprintf(t.ConfirmUninvite, m.inviteLabel(m.data.invites[row]))
	case tabKeys:
		q = fmt.Sprintf(t.ConfirmRemoveKey, m.data.keys[row].Fingerprint)
	}
	m.fv = &formValues{removeTab: m.tab, removeTarget: row}
	return m.openForm(formRemove, m.sess.NewForm(huh.NewGroup(
		huh.NewConfirm().Key("yes").Title(q).Affirmative(cat.App.Yes).Negative(cat.App.No).Value(&m.fv.yes),
	)))
}

func (m *Model) submit() tea.Cmd {
	fv, cat := m.fv, m.sess.Cat
	t := cat.Admins
	switch m.forms.Kind {
	case formInvite:
		in := app.InviteInput{OrgID: fv.org, Email: fv.email}
		return m.run(func(ctx context.Context, as *app.Session) actionMsg {
			res, err := as.Invite(ctx, in, false)
			if err != nil || res.Emailed {
				return actionMsg{notice: fmt.Sprintf(t.InviteEmailed, res.Invitation.Email), err: err}
			}
			who := res.Invitation.Email
			if who == "" {
				who = t.AnyEmail
			}
			return actionMsg{notice: fmt.Sprintf(t.InviteShown, who, res.Code, cat.DateTime(res.Invitation.ExpiresAt)), code: res.Code}
		})
	case formJoin:
		code := strings.TrimSpace(fv.code)
		return m.run(func(ctx context.Context, as *app.Session) actionMsg {
			org, err := as.AcceptInvitation(ctx, code, false)
			return actionMsg{notice: fmt.Sprintf(t.Joined, org.Name), err: err}
		})
	case formAddKey:
		line := strings.TrimSpace(fv.line)
		return m.run(func(ctx context.Context, as *app.Session) actionMsg {
			k, err := as.AddSSHKey(ctx, line, false)
			return actionMsg{notice: fmt.Sprintf(t.KeyAdded, k.Fingerprint), err: err}
		})
	case formRemove:
		if fv.yes {
			return m.remove(fv.removeTab, fv.removeTarget)
		}
	case formSchool:
		return m.saveSchool(fv.school)
	}
	return m.closeForm()
}

// remove removes the admin, invitation or key of a row.
func (m *Model) remove(t tab, row int) tea.Cmd {
	texts := m.sess.Cat.Admins
	switch t {
	case tabAdmins:
		ad := m.data.admins[row]
		names := m.orgNames(ad.OrgIDs)
		return m.run(func(ctx context.Context, as *app.Session) actionMsg {
			_, err := as.RemoveAdmin(ctx, ad.ID, 0, false)
			return actionMsg{notice: fmt.Sprintf(texts.Removed, ad.Email, names), err: err}
		})
	case tabInvites:
		id := m.data.invites[row].ID
		return m.run(func(ctx context.Context, as *app.Session) actionMsg {
			_, err := as.RevokeInvitation(ctx, id, false)
			return actionMsg{notice: texts.Uninvited, err: err}
		})
	case tabKeys:
		fp := m.data.keys[row].Fingerprint
		return m.run(func(ctx context.Context, as *app.Session) actionMsg {
			_, err := as.RemoveSSHKey(ctx, fp, false)
			return actionMsg{notice: fmt.Sprintf(texts.KeyRemoved, fp), err: err}
		})
	}
	return m.closeForm()
}

// orgNames names organizations the admin administers, by name.
func (m *Model) orgNames(ids []model.ID) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		if o, ok := m.data.orgs[id]; ok {
			names = append(names, o.Name)
		} else {
			names = append(names, id.String())
		}
	}
	return strings.Join(names, ", ")
}

func (m *Model) inviteLabel(inv app.PendingInvitation) string {
	if inv.Email != "" {
		return inv.Email
	}
	return m.sess.Cat.Admins.AnyEmail
}
