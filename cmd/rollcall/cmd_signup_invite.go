package main

import (
	"context"

	"rollcall/app"
)

// signUp creates the account, through the invitation when a code is given: the new admin then
// administers the invitation's organization. It says which, on stderr.
func signUp(ctx context.Context, f *factory, a *app.App, in app.SignUpInput, invite string) (app.SignUpResult, error) {
	if invite == "" {
		return a.SignUp(ctx, in)
	}
	p, err := a.CheckInvitation(ctx, invite)
	if err != nil {
		return app.SignUpResult{}, err
	}
	res, err := a.SignUpInvited(ctx, in, invite)
	if err == nil {
		f.say(f.Catalog().Admins.InvitedTo, p.Org.Name, p.InvitedBy)
	}
	return res, err
}

// checkSignUpInvite is signUp's --dry-run: the invitation must be acceptable by this email.
func checkSignUpInvite(ctx context.Context, f *factory, in app.SignUpInput, invite string) error {
	if invite == "" {
		return nil
	}
	a, err := f.App()
	if err != nil {
		return err
	}
	p, err := a.CheckSignUpInvited(ctx, in, invite)
	if err == nil {
		f.say(f.Catalog().Admins.InvitedTo, p.Org.Name, p.InvitedBy)
	}
	return err
}
