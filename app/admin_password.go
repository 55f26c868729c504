package app

import (
	"context"
	"errors"

	"rollcall/model"
)

// AdminPasswordProfile is the profile whose policy an admin's own password follows in each of
// their schools: an admin is one of the school's staff.
const AdminPasswordProfile = model.Staff

// adminPasswordPolicy is the policy an admin's new password must follow: every one of their
// schools' staff policies at once (the longest minimum, every class any requires), and never
// less than model.DefaultPasswordPolicy, since an admin's password opens every pupil's record.
// An admin without a school yet (just signed up) follows the default.
func (a *App) adminPasswordPolicy(ctx context.Context, admin model.Admin) (model.PasswordPolicy, error) {
	pol := model.DefaultPasswordPolicy
	for _, org := range admin.OrgIDs {
		s, err := a.schoolSettings(ctx, org)
		if err != nil {
			return pol, err
		}
		pol = pol.And(s.PasswordPolicy(AdminPasswordProfile))
	}
	return pol, nil
}

// errAdminPolicy stops spending a code when the password breaks the admin's policy; the
// caller returns the rules broken instead.
var errAdminPolicy = errors.New("password breaks the admin's policy")

// adminPasswordCheck returns a check for SpendCode that refuses, once the code itself is
// right, a password breaking pol, leaving the code unspent; *broken then holds the rules. The
// rules are only told to whoever holds a right code, so they never tell whether an email has
// an account or which schools it administers.
func adminPasswordCheck(pol model.PasswordPolicy, password string, broken *error) func() error {
	return func() error {
		if err := pol.Check("password", password).Err(); err != nil {
			*broken = err
			return errAdminPolicy
		}
		return nil
	}
}
