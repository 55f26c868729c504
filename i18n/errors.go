package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"rollcall/model"
)

// Error turns an error from app, model or storage into a sentence in this language: the
// sentence of its message (model.Describe). An error that carries none keeps its own text
// behind the "something went wrong" phrase.
func (c *Catalog) Error(err error) string {
	if err == nil {
		return ""
	}
	coded, isCoded := model.Describe(err)
	if isCoded && !coded.ErrorMessage().Generic() {
		if s, ok := c.Message(coded.ErrorMessage()); ok {
			return s
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		format := c.Errors.NoFile
		switch pe.Op {
		case "write", "createtemp", "mkdir", "rename", "chmod", "sync", "truncate":
			format = c.Errors.NoWrite
		}
		return fmt.Sprintf(format, pe.Path, c.fileReason(pe.Err))
	}
	if isCoded {
		if s, ok := c.Message(coded.ErrorMessage()); ok {
			return s
		}
	}
	return fmt.Sprintf(c.Errors.Internal, err.Error())
}

// thing names a kind of record; an unknown kind keeps its code name.
func (c *Catalog) thing(t model.Thing) string {
	n := c.Errors.Things
	switch t {
	case model.ThingUser:
		return n.User
	case model.ThingClass:
		return n.Class
	case model.ThingGroup:
		return n.Group
	case model.ThingOrganization:
		return n.Organization
	case model.ThingSubscription:
		return n.Subscription
	case model.ThingSeat:
		return n.Seat
	case model.ThingCampaign:
		return n.Campaign
	case model.ThingAdmin:
		return n.Admin
	case model.ThingSSHKey:
		return n.SSHKey
	case model.ThingFilter:
		return n.Filter
	case model.ThingVendorKey:
		return n.VendorKey
	case model.ThingImport:
		return c.ImportSync.ThingImport
	case model.ThingYearClose:
		return c.Year.ThingYearClose
	}
	return string(t)
}

// fileReason says why a file could not be read in the catalogue's language when the reason is
// a common one, else in the system's words.
func (c *Catalog) fileReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return c.Errors.FileMissing
	case errors.Is(err, fs.ErrPermission):
		return c.Errors.FileDenied
	case errors.Is(err, syscall.EISDIR):
		return c.Errors.FileIsFolder
	}
	return err.Error()
}

// Validation says which field broke which rule: "Email: is not a valid email address".
func (c *Catalog) Validation(ve *model.ValidationError) string {
	rule := c.Rule(ve.Rule)
	if ve.Rule == model.RulePasswordLength && ve.Limit > 0 {
		rule = fmt.Sprintf(c.Rules.PasswordLength, ve.Limit)
	}
	s := c.FieldName(ve.Field) + " " + rule
	if ve.Value != "" { // never set for secrets
		s += " (" + fmt.Sprintf(c.quote, ve.Value) + ")"
	}
	return s
}

// FieldName names a field id used in validation errors.
func (c *Catalog) FieldName(field string) string {
	f := c.Fields
	switch field {
	case "full_name":
		return f.FullName
	case "email_confirm":
		return f.EmailConfirm
	case "country":
		return f.Country
	case "password":
		return f.Password
	case "password_confirm":
		return f.PasswordConfirm
	case "code":
		return f.Code
	case "class":
		return f.Class
	case "group":
		return f.Group
	case "user":
		return f.User
	case "birth-date":
		return f.BirthDate
	case "terms":
		return f.Terms
	case "class_code":
		return f.ClassCode
	case "org_name":
		return f.FullName
	case "filter":
		return f.Filter
	case "uai":
		return c.Schools.UAI
	}
	for f, name := range model.FieldNames { // the user's fields (last_name, email…), named once
		if name == field {
			return c.UserField(f)
		}
	}
	return field
}

// Rule says what a value should have been.
func (c *Catalog) Rule(r model.Rule) string {
	t := c.Rules
	m := map[model.Rule]string{
		model.RuleRequired: t.Required, model.RuleEmail: t.Email, model.RuleEmailMismatch: t.EmailMismatch,
		model.RulePasswordLength: fmt.Sprintf(t.PasswordLength, model.PasswordPolicyMinLength), model.RulePasswordLetter: t.PasswordLetter,
		model.RulePasswordDigit: t.PasswordDigit, model.RulePasswordUpper: t.PasswordUpper,
		model.RulePasswordLower: t.PasswordLower, model.RulePasswordSymbol: t.PasswordSymbol,
		model.RuleLanguage: t.Language, model.RuleCountry: t.Country, model.RuleDate: t.Date,
		model.RuleFutureDate:   t.FutureDate,
		model.RuleUnknownValue: t.UnknownValue, model.RuleTooLong: t.TooLong,
		model.RuleTermsRequired: t.TermsRequired, model.RuleLogin: t.Login,
	}
	if s, ok := m[r]; ok {
		return s
	}
	if s := c.Schools.rule(r); s != "" {
		return s
	}
	return string(r)
}
