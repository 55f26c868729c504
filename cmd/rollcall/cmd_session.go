package main

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

func newLoginCmd(f *factory) *cobra.Command {
	var email string
	var passwordStdin, asJSON bool
	cmd := &cobra.Command{
		Use:   "login",
		Short: "Sign in; the session is kept for this OS user until logout",
		RunE: func(cmd *cobra.Command, _ []string) error {
			pw, err := readPassword(f, passwordStdin, "--password-stdin")
			if err != nil {
				return err
			}
			a, err := f.App()
			if err != nil {
				return err
			}
			res, err := a.SignIn(cmd.Context(), email, pw, "local:"+f.env.osUser)
			if err != nil {
				return err
			}
			if err := a.RememberLocal(cmd.Context(), f.env.osUser, res.Token); err != nil {
				return err
			}
			f.setSession(cmd.Context(), res.Session)
			if asJSON {
				return f.printJSON(whoamiJSON{SignedIn: true, Admin: adminToJSON(res.Admin)})
			}
			f.say(f.Catalog().CLI.SignedIn, res.Admin.Email)
			return nil
		},
	}
	cmd.Flags().StringVar(&email, "email", "", "your email address")
	cmd.Flags().BoolVar(&passwordStdin, "password-stdin", false, "read the password from the first line of standard input")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the signed-in admin as JSON")
	return cmd
}

func newLogoutCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: "Sign out and forget this OS user's session",
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := f.Session(cmd.Context())
			if err != nil {
				return err
			}
			if err := s.SignOut(cmd.Context()); err != nil {
				return err
			}
			if err := f.app.RememberLocal(cmd.Context(), f.env.osUser, ""); err != nil {
				return err
			}
			f.say("%s", f.Catalog().CLI.SignedOut)
			return nil
		},
	}
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

func newWhoamiCmd(f *factory) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "whoami",
		Short: "Show the signed-in admin, their organizations and the database",
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := f.Session(cmd.Context())
			if err != nil {
				if asJSON && exitCode(err) == exitNotFound {
					_ = f.printJSON(whoamiJSON{SignedIn: false})
				}
				return err
			}
			out, err := whoami(cmd.Context(), f, s)
			if err != nil {
				return err
			}
			if asJSON {
				return f.printJSON(out)
			}
			printWhoami(cmd, f.Catalog(), out)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
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

func printWhoami(cmd *cobra.Command, cat *i18n.Catalog, w whoamiJSON) {
	cmd.Printf("%s <%s>\n", w.Admin.FullName, w.Admin.Email)
	if w.Users == nil { // before the terms step
		cmd.PrintErrln(cat.Error(model.ErrTermsNotAccepted))
		cmd.PrintErrln(cat.CLI.AcceptTermsHint)
		return
	}
	for _, o := range w.Organizations {
		cmd.Printf("  %s (%s)\n", o.Name, o.City)
	}
	cmd.Println(cat.Label(cat.Home.Users, cat.Int(w.Users.Total)))
}

func newAcceptTermsCmd(f *factory) *cobra.Command {
	var adult, accept bool
	cmd := &cobra.Command{
		Use:   "accept-terms",
		Short: "Confirm you are an adult and accept the terms of use (once, at first sign-in)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !adult || !accept {
				return &model.ValidationError{Field: "terms", Rule: model.RuleTermsRequired}
			}
			s, err := f.Session(cmd.Context())
			if err != nil {
				return err
			}
			_, err = s.AcceptTerms(cmd.Context())
			return err
		},
	}
	cmd.Flags().BoolVar(&adult, "adult", false, "I confirm I am an adult")
	cmd.Flags().BoolVar(&accept, "accept", false, "I accept the terms of use")
	return cmd
}
