package main

import (
	"context"
	"errors"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

type loginOptions struct {
	f                     *factory
	email                 string
	passwordStdin, asJSON bool
}

func newLoginCmd(f *factory) *cobra.Command {
	o := &loginOptions{f: f}
	cmd := &cobra.Command{
		Use:   "login",
		Short: "Sign in; the session is kept for this OS user until logout",
		RunE:  func(cmd *cobra.Command, _ []string) error { return runLogin(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.email, "email", "", "your email address")
	cmd.Flags().BoolVar(&o.passwordStdin, "password-stdin", false, "read the password from the first line of standard input")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the signed-in admin as JSON")
	return cmd
}

func runLogin(ctx context.Context, o *loginOptions) error {
	f := o.f
	pw, err := readPassword(f, o.passwordStdin, "--password-stdin")
	if err != nil {
		return err
	}
	a, err := f.App()
	if err != nil {
		return err
	}
	res, err := a.SignIn(ctx, o.email, pw, "local:"+f.env.osUser)
	if err != nil {
		return err
	}
	if err := a.RememberLocal(ctx, f.env.osUser, res.Token); err != nil {
		return err
	}
	f.setSession(ctx, res.Session)
	if o.asJSON {
		return f.printJSON(whoamiJSON{SignedIn: true, Admin: adminToJSON(res.Admin)})
	}
	f.say(f.Catalog().CLI.SignedIn, res.Admin.Email)
	return nil
}

func newLogoutCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: "Sign out and forget this OS user's session",
		RunE:  func(cmd *cobra.Command, _ []string) error { return runLogout(cmd.Context(), &logoutOptions{f: f}) },
	}
}

// logoutOptions: logout takes no flag.
type logoutOptions struct{ f *factory }

func runLogout(ctx context.Context, o *logoutOptions) error {
	f := o.f
	s, err := f.Session(ctx)
	if err != nil {
		return err
	}
	if err := s.SignOut(ctx); err != nil {
		return err
	}
	if err := f.app.RememberLocal(ctx, f.env.osUser, ""); err != nil {
		return err
	}
	f.say("%s", f.Catalog().CLI.SignedOut)
	return nil
}

// adminJSON is the stable --json shape of an admin.
type adminJSON struct {
	ID              model.ID  `json:"id"`
	FullName        string    `json:"full_name"`
	Email           string    `json:"email"`
	Language        string    `json:"language"`
	Country         string    `json:"country"`
	Verified        bool      `json:"verified"`
	TermsAcceptedAt time.Time `json:"terms_accepted_at,omitzero"`
	CreatedAt       time.Time `json:"created_at"`
}

func adminToJSON(a model.Admin) *adminJSON {
	return &adminJSON{ID: a.ID, FullName: a.FullName, Email: a.Email, Language: string(a.Language),
		Country: a.Country, Verified: a.Verified(), TermsAcceptedAt: a.TermsAcceptedAt, CreatedAt: a.CreatedAt}
}

// whoamiJSON is the stable --json shape of whoami.
type whoamiJSON struct {
	SignedIn      bool        `json:"signed_in"`
	Admin         *adminJSON  `json:"admin,omitempty"`
	Organizations []orgJSON   `json:"organizations,omitempty"`
	Demo          bool        `json:"demo"`
	Users         *countsJSON `json:"users,omitempty"`
	Database      string      `json:"database,omitempty"`
}

type orgJSON struct {
	ID      model.ID `json:"id"`
	Name    string   `json:"name"`
	City    string   `json:"city,omitempty"`
	Country string   `json:"country,omitempty"`
	// Code is the school's official code: its UAI in France.
	Code string `json:"code,omitempty"`
}

type countsJSON struct {
	Total     int            `json:"total"`
	ByProfile map[string]int `json:"by_profile"`
}

type whoamiOptions struct {
	f      *factory
	asJSON bool
}

func newWhoamiCmd(f *factory) *cobra.Command {
	o := &whoamiOptions{f: f}
	cmd := &cobra.Command{
		Use:   "whoami",
		Short: "Show the signed-in admin, their organizations and the database",
		RunE:  func(cmd *cobra.Command, _ []string) error { return runWhoami(cmd.Context(), o) },
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runWhoami(ctx context.Context, o *whoamiOptions) error {
	f := o.f
	s, err := f.Session(ctx)
	if err != nil {
		if o.asJSON && exitCode(err) == exitNotFound {
			_ = f.printJSON(whoamiJSON{SignedIn: false})
		}
		return err
	}
	out, err := whoami(ctx, f, s)
	if err != nil {
		return err
	}
	if o.asJSON {
		return f.printJSON(out)
	}
	printWhoami(f, f.Catalog(), out)
	return nil
}

// whoami says who is signed in; their schools and users only once they accepted the terms.
func whoami(ctx context.Context, f *factory, s *app.Session) (whoamiJSON, error) {
	admin, err := s.Admin(ctx)
	if err != nil {
		return whoamiJSON{}, err
	}
	out := whoamiJSON{SignedIn: true, Admin: adminToJSON(admin), Database: dbDisplay(f.dbPath)}
	if !admin.AcceptedTerms() {
		return out, nil
	}
	overview, err := s.Overview(ctx)
	if err != nil {
		return out, err
	}
	for _, o := range overview.Orgs {
		out.Organizations = append(out.Organizations, orgJSON{ID: o.ID, Name: o.Name, City: o.City, Country: o.Country})
	}
	out.Demo = overview.Demo
	out.Users = &countsJSON{Total: overview.Users, ByProfile: map[string]int{}}
	for p, n := range overview.ByProfile {
		out.Users.ByProfile[p.String()] = n
	}
	return out, nil
}

func printWhoami(f *factory, cat *i18n.Catalog, w whoamiJSON) {
	f.printf("%s <%s>\n", w.Admin.FullName, w.Admin.Email)
	if w.Users == nil { // before the terms step
		f.say("%s", cat.Error(model.ErrTermsNotAccepted))
		f.say("%s", cat.CLI.AcceptTermsHint)
		return
	}
	for _, o := range w.Organizations {
		f.printf("  %s (%s)\n", o.Name, o.City)
	}
	f.println(cat.Label(cat.Home.Users, cat.Int(w.Users.Total)))
}

type acceptTermsOptions struct {
	f             *factory
	adult, accept bool
}

func newAcceptTermsCmd(f *factory) *cobra.Command {
	o := &acceptTermsOptions{f: f}
	cmd := &cobra.Command{
		Use:   "accept-terms",
		Short: "Confirm you are an adult and accept the terms of use (once, at first sign-in)",
		RunE:  func(cmd *cobra.Command, _ []string) error { return runAcceptTerms(cmd.Context(), o) },
	}
	cmd.Flags().BoolVar(&o.adult, "adult", false, "I confirm I am an adult")
	cmd.Flags().BoolVar(&o.accept, "accept", false, "I accept the terms of use")
	return cmd
}

func runAcceptTerms(ctx context.Context, o *acceptTermsOptions) error {
	s, err := o.f.Session(ctx) // first, so that a refusal speaks the admin's language
	if err != nil {
		return err
	}
	if !o.adult || !o.accept {
		return usageError{errors.New(o.f.Catalog().CLI.AcceptTermsFlags)}
	}
	_, err = s.AcceptTerms(ctx)
	return err
}
