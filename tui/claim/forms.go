package claim

import (
	"errors"
	"strconv"
	"strings"

	"charm.land/huh/v2"

	"rollcall/model"
)

// parseCount reads a whole number of displays.
func parseCount(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil && n > 0
}

// methodForm asks what came with the purchase, then the code, or the displays and serial, or
// (in a database with the demo school) one of the demo's codes and serials.
func (m *Model) methodForm() *huh.Form {
	t := m.sess.Cat.Licensing.Claim
	v := m.v
	methods := []huh.Option[string]{huh.NewOption(t.MethodCode, methodCode), huh.NewOption(t.MethodDisplays, methodDisplays)}
	if m.hasDemo() {
		methods = append(methods, huh.NewOption(m.sess.Cat.ClaimDemo().Method, methodDemo))
	}
	groups := []*huh.Group{
		huh.NewGroup(huh.NewSelect[string]().Key("method").Title(t.Method).Value(&v.method).Options(methods...)),
		huh.NewGroup(huh.NewInput().Key("code").Title(t.Code).Description(t.CodeHint).CharLimit(2000).
			Value(&v.code).Validate(m.checkCode)).
			WithHideFunc(func() bool { return v.method != methodCode }),
		huh.NewGroup(
			huh.NewInput().Key("displays").Title(t.Displays).Description(t.DisplaysHint).CharLimit(6).
				Value(&v.displays).Validate(m.checkCount),
			huh.NewInput().Key("serial").Title(t.Serial).Description(t.SerialHint).CharLimit(40).
				Value(&v.serial).Validate(m.sess.Required(t.Serial))).
			WithHideFunc(func() bool { return v.method != methodDisplays }),
	}
	if m.hasDemo() {
		groups = append(groups, m.demoGroup())
	}
	return m.sess.NewForm(groups...)
}

// checkCode catches typos at once (characters, checksum); the signature is checked next.
func (m *Model) checkCode(s string) error {
	if _, err := model.ParseClaimCode(s); err != nil {
		return errors.New(m.sess.Cat.Error(err))
	}
	return nil
}

func (m *Model) checkCount(s string) error {
	if _, ok := parseCount(s); !ok {
		return errors.New(m.sess.Cat.Licensing.Claim.Displays + " " + m.sess.Cat.Licensing.Claim.NotANumber)
	}
	return nil
}

// vendorForm asks for the optional vendor and location.
func (m *Model) vendorForm() *huh.Form {
	t := m.sess.Cat.Licensing.Claim
	return m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key("vendor").Title(t.Vendor).Description(t.VendorHint).CharLimit(model.MaxNameLength).Value(&m.v.vendor),
		huh.NewInput().Key("location").Title(t.Location).CharLimit(model.MaxNameLength).Value(&m.v.location),
	))
}

// orgForm picks one of the admin's organizations, or asks for a new one's name, city and
// country.
func (m *Model) orgForm() *huh.Form {
	t, f := m.sess.Cat.Licensing.Claim, m.sess.Cat.Fields
	v := m.v
	var opts []huh.Option[model.ID]
	for _, o := range m.orgs {
		opts = append(opts, huh.NewOption(o.Name, o.ID))
	}
	opts = append(opts, huh.NewOption(t.NewOrg, model.ID(0)))
	if v.org == 0 && len(m.orgs) > 0 && v.newName == "" {
		v.org = m.orgs[0].ID
	}
	if v.newCountry == "" {
		v.newCountry = m.sess.Admin.Country
	}
	return m.sess.NewForm(
		huh.NewGroup(huh.NewSelect[model.ID]().Key("org").Title(t.Org).Options(opts...).Value(&v.org)),
		huh.NewGroup(
			huh.NewInput().Key("name").Title(t.NewOrgName).CharLimit(model.MaxNameLength).Value(&v.newName).Validate(m.sess.Required(t.NewOrgName)),
			huh.NewInput().Key("city").Title(t.NewOrgCity).CharLimit(model.MaxNameLength).Value(&v.newCity),
			huh.NewInput().Key("country").Title(t.NewOrgCountry).CharLimit(2).Value(&v.newCountry).Validate(m.checkCountry(f.Country)),
		).WithHideFunc(func() bool { return v.org != 0 }),
	)
}

func (m *Model) checkCountry(title string) func(string) error {
	return func(s string) error {
		if s = strings.ToUpper(strings.TrimSpace(s)); s != "" && !model.ValidCountry(s) {
			return errors.New(title + " " + m.sess.Cat.Rules.Country)
		}
		return nil
	}
}

// reviewForm asks what to do with the claim shown above it.
func (m *Model) reviewForm() *huh.Form {
	cat := m.sess.Cat
	t := cat.Licensing.Claim
	m.v.choice = choiceSubmit
	return m.sess.NewForm(huh.NewGroup(huh.NewSelect[string]().Key("choice").Title(t.Review).Value(&m.v.choice).Options(
		huh.NewOption(t.Submit, choiceSubmit),
		huh.NewOption(cat.Label(t.Edit, t.EditCode), choiceCode),
		huh.NewOption(cat.Label(t.Edit, t.EditVendor), choiceVendor),
		huh.NewOption(cat.Label(t.Edit, t.EditOrg), choiceOrg),
		huh.NewOption(t.Cancel, choiceCancel),
	)))
}
