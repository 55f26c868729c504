package verify

import (
	"errors"

	"charm.land/huh/v2"

	"rollcall/model"
)

// Field keys, as app's validation names them.
const (
	fieldCode            = "code"
	fieldPassword        = "password"
	fieldPasswordConfirm = "password_confirm"
)

func (m *Model) newForm() *huh.Form {
	cat := m.sess.Cat
	f := cat.Fields
	return m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key(fieldCode).Title(f.Code).Value(&m.code).
			Validate(m.sess.Required(fieldCode)),
		huh.NewInput().Key(fieldPassword).Title(f.Password).Description(cat.Auth.PasswordHint).
			EchoMode(huh.EchoModePassword).Value(&m.pw).Validate(m.checkPassword),
		huh.NewInput().Key(fieldPasswordConfirm).Title(f.PasswordConfirm).
			EchoMode(huh.EchoModePassword).Value(&m.pw2).Validate(m.checkConfirm),
	))
}

// checkPassword applies the admin password policy, the same function app uses.
func (m *Model) checkPassword(pw string) error {
	if errs := model.CheckAdminPassword(fieldPassword, pw); len(errs) > 0 {
		return errors.New(m.sess.Cat.Validation(errs[0]))
	}
	return nil
}

func (m *Model) checkConfirm(pw2 string) error {
	if pw2 != m.pw {
		return errors.New(m.sess.Cat.Fields.PasswordConfirm + " " + m.sess.Cat.Rules.PasswordMismatch)
	}
	return nil
}
