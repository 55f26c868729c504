package signup

import (
	"errors"

	"charm.land/huh/v2"

	"rollcall/i18n"
	"rollcall/model"
)

// Field keys, as app's validation names them.
const (
	fieldLanguage     = "language"
	fieldFullName     = "full_name"
	fieldCountry      = "country"
	fieldEmail        = "email"
	fieldEmailConfirm = "email_confirm"
	fieldInvite       = "invite"
)

func (m *Model) languageForm() *huh.Form {
	cat := m.sess.Cat
	var opts []huh.Option[model.Language]
	for _, l := range model.Languages {
		opts = append(opts, huh.NewOption(i18n.For(l).LangName, l))
	}
	return m.sess.NewForm(huh.NewGroup(
		huh.NewSelect[model.Language]().Key(fieldLanguage).
			Title(cat.Fields.Language).Description(cat.Auth.LanguageHint).
			Options(opts...).Value(&m.in.Language),
	))
}

func (m *Model) detailsForm() *huh.Form {
	f := m.sess.Cat.Fields
	hint := m.sess.Cat.Auth.CountryHint
	return m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key(fieldFullName).Title(f.FullName).Value(&m.in.FullName).
			Validate(m.check(fieldFullName)),
		huh.NewInput().Key(fieldCountry).Title(f.Country).Description(hint).Value(&m.in.Country).
			Suggestions(model.Countries).CharLimit(2).Validate(m.check(fieldCountry)),
		huh.NewInput().Key(fieldEmail).Title(f.Email).Value(&m.in.Email).
			Validate(m.check(fieldEmail)),
		huh.NewInput().Key(fieldEmailConfirm).Title(f.EmailConfirm).Value(&m.in.EmailConfirm).
			Validate(m.check(fieldEmailConfirm)),
		huh.NewInput().Key(fieldInvite).Title(m.sess.Cat.Admins.InviteCode).
			Description(m.sess.Cat.Admins.InviteCodeHint).Value(&m.invite).CharLimit(32),
	))
}

// check validates one field with app's own rules, so the form and SignUp never disagree. The
// form binds every field to m.in, so the other fields' current values are there too.
func (m *Model) check(field string) func(string) error {
	return func(string) error {
		for _, ve := range m.in.Validate() {
			if ve.Field == field {
				return errors.New(m.sess.Cat.Validation(ve))
			}
		}
		return nil
	}
}
