package users

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/model"
)

// linkForm asks which child to link the parent u to (or unlink), as `rollcall users link`.
func (m *Model) linkForm(u model.User) tea.Cmd {
	if u.Profile != model.Parent {
		m.fail(&model.LinkError{Problem: model.LinkNotParent, Login: u.Login})
		return nil
	}
	p := m.sess.Cat.People
	m.fv = &formValues{target: u}
	return m.openForm(formLink, m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key("child").Title(fmt.Sprintf(p.LinkTitle, u.FullName())).Description(p.LinkHint).
			CharLimit(256).Value(&m.fv.childLogin).Validate(m.sess.Required(p.LinkChild)),
		huh.NewConfirm().Key("unlink").Title(p.LinkOrUnlink).Affirmative(p.UnlinkChoice).Negative(p.LinkChoice).
			Value(&m.fv.unlink),
	)))
}

// link links or unlinks the form's parent and child in a command.
func (m *Model) link() tea.Cmd {
	parent, login, on := m.fv.target, strings.TrimSpace(m.fv.childLogin), !m.fv.unlink
	as := m.sess.Acting
	return m.run(actLink, m.sess.Cat.App.Working, func(ctx context.Context) actionMsg {
		child, err := as.FindUserByLogin(ctx, login)
		if err != nil {
			return actionMsg{user: parent, err: err}
		}
		u, err := as.LinkChild(ctx, parent.ID, child.ID, on, false)
		n := 0
		if on {
			n = 1
		}
		return actionMsg{user: u, path: child.Login, n: n, err: err}
	})
}
