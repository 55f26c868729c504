package main

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

type signupOptions struct {
	f                                        *factory
	name, email, emailConfirm, lang, country string
	invite                                   string // an invitation code (cmd_signup_invite.go), read from stdin
	argvInvite                               string // --invite CODE: refused, the code would show in ps
	invited, dryRun, json                    bool
}

// signupJSON is the --json shape of signup and resend-code.
type signupJSON struct {
	AdminID     model.ID  `json:"admin_id,omitempty"`
	Email       string    `json:"email"`
	CodeEmailed bool      `json:"code_emailed"`
	Code        string    `json:"code,omitempty"`
	ExpiresAt   time.Time `json:"expires_at,omitzero"`
	DryRun      bool      `json:"dry_run,omitempty"`
}

func newSignupCmd(f *factory) *cobra.Command {
	o := &signupOptions{f: f}
	cmd := &cobra.Command{
		Use:   "signup",
		Short: "Create an admin account; prints or emails the verification code",
		Example: `  rollcall signup --name "Marie Curie" --email marie@example.fr --lang fr --country FR
  printf '%s\n' ABCD-EFGH motdepasse1 | rollcall verify --email marie@example.fr --password-stdin
  printf '%s\n' INVITATION-CODE | rollcall signup --invited --name "Paul Langevin" --email paul@example.fr --country FR`,
		RunE: func(cmd *cobra.Command, _ []string) error { return runSignup(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.name, "name", "", "your full name (required)")
	fl.StringVar(&o.email, "email", "", "your email address (required)")
	fl.StringVar(&o.emailConfirm, "email-confirm", "", "the email again (default: --email)")
	fl.StringVar(&o.lang, "language", "", "your language: fr or en (default: --lang, then $LANG)")
	fl.StringVar(&o.country, "country", "", "two-letter country code, e.g. FR (required)")
	fl.BoolVar(&o.invited, "invited", false, "you have an invitation code (read from stdin or a prompt): become an admin of the organization it is for")
	fl.StringVar(&o.argvInvite, "invite", "", "no longer accepted: use --invited")
	_ = fl.MarkHidden("invite")
	fl.BoolVar(&o.dryRun, "dry-run", false, "check the form without creating the account")
	fl.BoolVar(&o.json, "json", false, "print the result as JSON")
	return cmd
}

func runSignup(ctx context.Context, o *signupOptions) error {
	f := o.f
	if o.argvInvite != "" {
		return codeInArgv(f, "--invite")
	}
	if o.invited {
		code, err := readCode(f, "Invitation")
		if err != nil {
			return err
		}
		o.invite = code
	}
	if o.emailConfirm == "" {
		o.emailConfirm = o.email
	}
	lang := f.Catalog().Lang
	if o.lang != "" {
		lang, _ = model.ParseLanguage(o.lang)
		if lang == "" {
			lang = model.Language(o.lang) // let validation name the bad value
		}
	}
	if lang.Valid() {
		f.language = lang // what follows, errors included, speaks the language being chosen
	}
	in := app.SignUpInput{FullName: o.name, Email: o.email, EmailConfirm: o.emailConfirm, Language: lang, Country: o.country}
	if o.dryRun {
		if err := in.Validate().Err(); err != nil {
			return err
		}
		if err := checkSignUpInvite(ctx, f, in, o.invite); err != nil {
			return err
		}
		sayDryRun(f)
		if o.json {
			return f.printJSON(signupJSON{Email: model.NormalizeEmail(o.email), DryRun: true})
		}
		return nil
	}
	a, err := f.App()
	if err != nil {
		return err
	}
	res, err := signUp(ctx, f, a, in, o.invite)
	if err != nil {
		return err
	}
	cat := f.Catalog()
	if o.json {
		return f.printJSON(signupJSON{AdminID: res.AdminID, Email: res.Email, CodeEmailed: res.Emailed, Code: res.Code, ExpiresAt: res.ExpiresAt})
	}
	if res.Emailed {
		f.say(cat.CLI.CodeEmailed, res.Email)
	} else {
		// The code goes to stdout: it is the data this command produces when no mail is sent.
		f.say(cat.CLI.CodeShown, res.Email, res.Code, cat.DateTime(res.ExpiresAt))
		f.println(res.Code)
	}
	f.say(cat.CLI.NextStep, res.Email)
	return nil
}

type resendOptions struct {
	f      *factory
	email  string
	asJSON bool
}

func newResendCmd(f *factory) *cobra.Command {
	o := &resendOptions{f: f}
	cmd := &cobra.Command{
		Use:   "resend-code",
		Short: "Issue a new verification code (older codes stop working)",
		RunE:  func(cmd *cobra.Command, _ []string) error { return runResend(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.email, "email", "", "the email you signed up with")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the result as JSON")
	return cmd
}

func runResend(ctx context.Context, o *resendOptions) error {
	f := o.f
	a, err := f.App()
	if err != nil {
		return err
	}
	res, err := a.ResendVerification(ctx, o.email)
	if err != nil {
		return err
	}
	if o.asJSON {
		return f.printJSON(signupJSON{AdminID: res.AdminID, Email: res.Email, CodeEmailed: res.Emailed, Code: res.Code, ExpiresAt: res.ExpiresAt})
	}
	if !res.Emailed {
		f.println(res.Code)
	}
	return nil
}

type verifyOptions struct {
	f             *factory
	email, code   string // code: only to refuse it (argv)
	passwordStdin bool
	dryRun        bool
}

func newVerifyCmd(f *factory) *cobra.Command {
	o := &verifyOptions{f: f}
	cmd := &cobra.Command{
		Use:   "verify",
		Short: "Verify your email with the code and create your password",
		Long: `Verify your email with the code Rollcall printed or emailed at signup, and create your
password. The code is typed at a prompt, or read from the first line of stdin (then the
password from the second line with --password-stdin): never from the command line.`,
		Example: `  printf '%s\n' ABCD-EFGH motdepasse1 | rollcall verify --email marie@example.fr --password-stdin`,
		RunE:    func(cmd *cobra.Command, _ []string) error { return runVerify(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.email, "email", "", "the email you signed up with")
	fl.StringVar(&o.code, "code", "", "no longer accepted: the code is read from stdin or a prompt")
	_ = fl.MarkHidden("code")
	fl.BoolVar(&o.passwordStdin, "password-stdin", false, "read the new password from standard input, on the line after the code")
	fl.BoolVar(&o.dryRun, "dry-run", false, "check the code and password without using them")
	return cmd
}

func runVerify(ctx context.Context, o *verifyOptions) error {
	f := o.f
	if o.code != "" {
		return codeInArgv(f, "--code")
	}
	code, err := readCode(f, "Code")
	if err != nil {
		return err
	}
	o.code = code
	pw, err := readPassword(f, o.passwordStdin, "--password-stdin")
	if err != nil {
		return err
	}
	a, err := f.App()
	if err != nil {
		return err
	}
	if o.dryRun {
		if err := a.CheckVerification(ctx, o.email, o.code, pw); err != nil {
			return err
		}
		sayDryRun(f)
		return nil
	}
	if err := a.CreatePassword(ctx, o.email, o.code, pw); err != nil {
		return err
	}
	f.language = a.LanguageOf(ctx, o.email)
	f.say(f.Catalog().CLI.Verified, model.NormalizeEmail(o.email))
	return nil
}
