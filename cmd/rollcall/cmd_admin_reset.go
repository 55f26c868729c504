package main

import (
	"context"
	"errors"

	"github.com/spf13/cobra"
)

// resetAdminOptions are the flags of reset-admin-password.
type resetAdminOptions struct {
	f               *factory
	email, forEmail string
	useCode, stdin  bool
}

func newResetAdminPasswordCmd(f *factory) *cobra.Command {
	o := &resetAdminOptions{f: f}
	cmd := &cobra.Command{
		Use:   "reset-admin-password",
		Short: "An admin who forgot their password gets a reset code by email, or from another admin of their school",
		Long: `With --email only: email a single-use reset code (valid one hour) through the SMTP server of
one of that admin's schools. The answer is the same whether or not the email has an account.

With --email and --use-code: set the new password with the code, typed at a prompt or read from
the first line of stdin; the password from the next line (--password-stdin) or a prompt.

With --for EMAIL (signed in): when their schools send no email, an admin of one of the same
schools issues the code for them, to hand over; it is in the school's log.`,
		Example: `  rollcall reset-admin-password --email marie@example.fr
  printf '%s\n' ABCD-EFGH-JKLM a-new-password1 | rollcall reset-admin-password --email marie@example.fr --use-code --password-stdin
  rollcall reset-admin-password --for marie@example.fr`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runResetAdmin(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.email, "email", "", "the email of the admin who forgot their password")
	fl.BoolVar(&o.useCode, "use-code", false, "set the new password with the code (read from stdin or a prompt)")
	fl.BoolVar(&o.stdin, "password-stdin", false, "with --use-code: read the new password from stdin, on the line after the code")
	fl.StringVar(&o.forEmail, "for", "", "issue a code for another admin of one of your schools")
	return cmd
}

func runResetAdmin(ctx context.Context, o *resetAdminOptions) error {
	f := o.f
	cat := f.Catalog()
	switch {
	case o.forEmail != "":
		sess, err := signedIn(ctx, f)
		if err != nil {
			return err
		}
		code, until, err := sess.IssueAdminReset(ctx, o.forEmail)
		if err != nil {
			return err
		}
		f.say(cat.Admins.ResetIssued, o.forEmail, cat.DateTime(until))
		f.println(code) // the data this command produces
		return nil
	case o.email == "":
		return usageError{errors.New(o.f.Catalog().CLIUsage.EmailOrFor)}
	case o.useCode:
		code, err := readCode(f, "Code")
		if err != nil {
			return err
		}
		password, err := readPassword(f, o.stdin, "--password-stdin")
		if err != nil {
			return err
		}
		a, err := f.App()
		if err != nil {
			return err
		}
		if err := a.ResetAdminPassword(ctx, o.email, code, password, ""); err != nil {
			return err
		}
		f.say("%s", cat.Admins.ResetDone)
		return nil
	}
	a, err := f.App()
	if err != nil {
		return err
	}
	if err := a.RequestAdminReset(ctx, o.email, ""); err != nil {
		return err
	}
	f.say(cat.Admins.ResetRequested, o.email)
	return nil
}
