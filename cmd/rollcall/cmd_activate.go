package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

// activationJSON is the stable --json shape of activate and of a password change.
type activationJSON struct {
	Login     string    `json:"login"`
	Activated bool      `json:"activated"`
	At        time.Time `json:"at"`
}

type activateOptions struct {
	f             *factory
	login, code   string
	stdin, asJSON bool
}

func newActivateCmd(f *factory) *cobra.Command {
	o := &activateOptions{f: f}
	cmd := &cobra.Command{
		Use:   "activate",
		Short: "Activate a directory account with the code of its login card and choose its password",
		Long: `Activate a person's account with their login and the activation code printed on their
login card (or sent by email), and set their password. The code is typed at a prompt or read
from the first line of stdin, the password from the next line (--password-stdin) or a
prompt: never from the command line. The code then stops working.`,
		Example: `  printf '%s\n' ABCD-EFGH a-new-password1 | rollcall activate --login zoe.martin --password-stdin`,
		RunE:    func(cmd *cobra.Command, _ []string) error { return runActivate(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.login, "login", "", "the account's login")
	fl.StringVar(&o.code, "code", "", "no longer accepted: the code is read from stdin or a prompt")
	_ = fl.MarkHidden("code")
	fl.BoolVar(&o.stdin, "password-stdin", false, "read the new password from stdin, on the line after the code")
	fl.BoolVar(&o.asJSON, "json", false, "print the result as JSON")
	return cmd
}

func runActivate(ctx context.Context, o *activateOptions) error {
	f := o.f
	if o.code != "" {
		return codeInArgv(f, "--code")
	}
	if o.login == "" {
		return usageError{errors.New(o.f.Catalog().CLIUsage.LoginRequired)}
	}
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
	u, err := a.Activate(ctx, o.login, code, password)
	if err != nil {
		return err
	}
	if o.asJSON {
		return f.printJSON(activationJSON{Login: u.Login, Activated: true, At: u.ActivatedAt})
	}
	f.say(f.Catalog().MailMerge.Activated, u.Login)
	return nil
}

// resetJSON is the stable --json shape of reset-password.
type resetJSON struct {
	Login     string    `json:"login"`
	Emailed   bool      `json:"emailed"`
	Email     string    `json:"email,omitempty"`
	Code      string    `json:"code,omitempty"` // only when it was not emailed
	ExpiresAt time.Time `json:"expires_at"`
	DryRun    bool      `json:"dry_run"`
}

// resetPasswordOptions issues a reset code for login, or (useCode) sets a new password with one.
type resetPasswordOptions struct {
	f                              *factory
	login, code                    string
	useCode, stdin, dryRun, asJSON bool
}

func newResetPasswordCmd(f *factory) *cobra.Command {
	o := &resetPasswordOptions{f: f}
	cmd := &cobra.Command{
		Use:   "reset-password",
		Short: "Issue a password-reset code for an activated account, or set a new password with one",
		Long: `With --login only (you must be signed in): issue a single-use reset code, valid 7 days. It is
emailed to the person when SMTP and the activation address are configured and they have an
email; otherwise it is printed for you to hand over. Older reset codes stop working.

With --use-code: set the account's new password with a reset code; no sign-in needed. The
code is typed at a prompt or read from the first line of stdin, the password from the next
line (--password-stdin) or a prompt: never from the command line. The code then stops working.`,
		Example: `  rollcall reset-password --login zoe.martin
  printf '%s\n' ABCD-EFGH a-new-password1 | rollcall reset-password --login zoe.martin --use-code --password-stdin`,
		RunE: func(cmd *cobra.Command, _ []string) error { return runResetPassword(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.login, "login", "", "the account's login")
	fl.BoolVar(&o.useCode, "use-code", false, "set the new password with a reset code (read from stdin or a prompt)")
	fl.StringVar(&o.code, "code", "", "no longer accepted: use --use-code")
	_ = fl.MarkHidden("code")
	fl.BoolVar(&o.stdin, "password-stdin", false, "with --use-code: read the new password from stdin, on the line after the code")
	fl.BoolVar(&o.dryRun, "dry-run", false, "check the account without issuing a code")
	fl.BoolVar(&o.asJSON, "json", false, "print the result as JSON")
	return cmd
}

func runResetPassword(ctx context.Context, o *resetPasswordOptions) error {
	f := o.f
	if o.code != "" {
		return codeInArgv(f, "--code")
	}
	if o.login == "" {
		return usageError{errors.New(o.f.Catalog().CLIUsage.LoginRequired)}
	}
	if o.useCode {
		code, err := readCode(f, "Code")
		if err != nil {
			return err
		}
		return runResetWithCode(ctx, o, code)
	}
	return runIssueReset(ctx, o)
}

func runResetWithCode(ctx context.Context, o *resetPasswordOptions, code string) error {
	f := o.f
	password, err := readPassword(f, o.stdin, "--password-stdin")
	if err != nil {
		return err
	}
	a, err := f.App()
	if err != nil {
		return err
	}
	u, err := a.ResetPassword(ctx, o.login, code, password)
	if err != nil {
		return err
	}
	if o.asJSON {
		return f.printJSON(activationJSON{Login: u.Login, Activated: u.Activated(), At: u.UpdatedAt})
	}
	f.say(f.Catalog().MailMerge.PasswordReset, u.Login)
	return nil
}

func runIssueReset(ctx context.Context, o *resetPasswordOptions) error {
	f, login, dryRun := o.f, o.login, o.dryRun
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	res, sendErr := sess.SendResetCode(ctx, login, app.MergeOptions{ProfileLabel: profileLabel}, dryRun)
	if res.User.ID == 0 {
		return sendErr
	}
	cat := f.Catalog()
	if sendErr != nil { // the code exists but did not leave: hand it over instead
		f.say("%s", cat.Error(sendErr))
	}
	j := resetJSON{Login: res.User.Login, Emailed: res.Emailed, ExpiresAt: res.ExpiresAt, DryRun: dryRun}
	if res.Emailed {
		j.Email = res.User.Email
	}
	if res.Code != "" {
		j.Code = model.FormatCode(res.Code)
	}
	switch {
	case o.asJSON:
		return f.printJSON(j)
	case dryRun:
		sayDryRun(f)
	case res.Emailed:
		f.say(cat.MailMerge.ResetEmailed, j.Email, cat.DateTime(res.ExpiresAt))
	default:
		f.say(cat.MailMerge.ResetShown, j.Login, cat.DateTime(res.ExpiresAt))
		fmt.Fprintln(f.env.stdout, j.Code)
	}
	return nil
}
