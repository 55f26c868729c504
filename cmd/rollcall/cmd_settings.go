package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"rollcall/app"
	"rollcall/mailmerge"
	"rollcall/model"
)

func newSettingsCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{Use: "settings", Short: "Show and change a school's settings: email, where cards point, password policy"}
	cmd.AddCommand(newSettingsSMTPCmd(f), newSettingsShowCmd(f), newSettingsPolicyCmd(f), newSettingsGraceCmd(f))
	return cmd
}

// settingsJSON is the stable --json shape of a school's settings; the SMTP password is only
// said to be set or not.
type settingsJSON struct {
	OrgID            model.ID     `json:"org_id"`
	OrgName          string       `json:"org_name"`
	PasswordPolicies []policyJSON `json:"password_policies"`
	Host             string       `json:"host"`
	Port             int          `json:"port"`
	Security         string       `json:"security"`
	Username         string       `json:"username"`
	PasswordSet      bool         `json:"password_set"`
	From             string       `json:"from"`
	ActivationURL    string       `json:"activation_url"`
	TemplateDir      string       `json:"template_dir"`
	SMTPConfigured   bool         `json:"smtp_configured"`
	GraceDays        int          `json:"deletion_grace_days"`
}

func toSettingsJSON(o model.Organization, all app.SchoolSettings) settingsJSON {
	s := all.Mail
	var pols []policyJSON
	for _, p := range model.Profiles {
		pols = append(pols, toPolicyJSON(p, all.PasswordPolicy(p)))
	}
	return settingsJSON{OrgID: o.ID, OrgName: o.Name, PasswordPolicies: pols, Host: s.Host, Port: s.Port, Security: s.Security.String(), Username: s.Username,
		PasswordSet: s.PasswordSet(), From: s.From, ActivationURL: s.ActivationURL, TemplateDir: s.TemplateDir,
		SMTPConfigured: s.SMTPConfigured(), GraceDays: all.DeletionGrace()}
}

// settingsSMTPOptions are the flags of settings smtp; only those given change a setting.
type settingsSMTPOptions struct {
	f                                                             *factory
	flags                                                         *pflag.FlagSet // says which flags were given
	org, host, security, username, from, activationURL, templates string
	port                                                          int
	passwordStdin, clearPassword, dryRun, asJSON                  bool
}

func newSettingsSMTPCmd(f *factory) *cobra.Command {
	o := &settingsSMTPOptions{f: f}
	cmd := &cobra.Command{
		Use:   "smtp",
		Short: "Set the SMTP server, the sender, the activation address and the template directory",
		Long: `Change the mail settings: only the flags given change. The password is read from stdin
(--password-stdin) or a prompt, never from the command line, and is never shown again.
The activation address is the school's account page: cards and emails point people to
ADDRESS/activate?login=…&code=… and ADDRESS/reset?login=….`,
		Example: `  echo "$SMTP_PASSWORD" | rollcall settings smtp --host smtp.example.fr --port 587 --security starttls \
      --username it@example.fr --from "IT <it@example.fr>" --password-stdin
  rollcall settings smtp --activation-url https://ent.example.fr/comptes`,
		RunE: func(cmd *cobra.Command, _ []string) error { return runSettingsSMTP(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	o.flags = fl
	fl.StringVar(&o.org, "org", "", `the school's organization id or UAI (default: your only one; "all": each of yours)`)
	fl.StringVar(&o.host, "host", "", "SMTP server host name")
	fl.IntVar(&o.port, "port", 0, "SMTP port (0: 25, 587 or 465 after --security)")
	fl.StringVar(&o.security, "security", "", "none, starttls or tls")
	fl.StringVar(&o.username, "username", "", "SMTP login (empty: no authentication)")
	fl.StringVar(&o.from, "from", "", `sender, "Name <address>" or an address`)
	fl.BoolVar(&o.passwordStdin, "password-stdin", false, "read the SMTP password from the first line of stdin")
	fl.BoolVar(&o.clearPassword, "clear-password", false, "forget the SMTP password")
	fl.StringVar(&o.activationURL, "activation-url", "", "the school's account page that cards and emails point to")
	fl.StringVar(&o.templates, "templates", "", "directory of edited templates (empty: the built-in ones)")
	fl.BoolVar(&o.dryRun, "dry-run", false, "check the settings without saving them")
	fl.BoolVar(&o.asJSON, "json", false, "print the resulting settings as JSON")
	return cmd
}

// change turns the flags that were given into a settings change.
func (o *settingsSMTPOptions) change() (app.MailSettingsChange, error) {
	var ch app.MailSettingsChange
	changed := o.flags.Changed
	if changed("templates") && o.templates != "" {
		if abs, err := filepath.Abs(o.templates); err == nil {
			o.templates = abs
		}
	}
	for _, s := range []struct {
		flag string
		val  *string
		dst  **string
	}{{"host", &o.host, &ch.Host}, {"security", &o.security, &ch.Security}, {"username", &o.username, &ch.Username},
		{"from", &o.from, &ch.From}, {"activation-url", &o.activationURL, &ch.ActivationURL}, {"templates", &o.templates, &ch.TemplateDir}} {
		if changed(s.flag) {
			*s.dst = s.val
		}
	}
	if changed("port") {
		ch.Port = &o.port
	}
	if o.passwordStdin {
		pw, err := readPassword(o.f, true, "--password-stdin")
		if err != nil {
			return ch, err
		}
		ch.Password = &pw
	}
	if o.clearPassword {
		empty := ""
		ch.Password = &empty
	}
	return ch, nil
}

func runSettingsSMTP(ctx context.Context, o *settingsSMTPOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	ch, err := o.change()
	if err != nil {
		return err
	}
	orgs, err := settingsOrgs(ctx, sess, o.org)
	if err != nil {
		return err
	}
	for _, org := range orgs {
		if _, err := sess.SetMailSettings(ctx, org, ch, o.dryRun); err != nil {
			return err
		}
	}
	org := orgs[0]
	if o.asJSON {
		org, all, err := sess.SchoolSettings(ctx, org)
		if err != nil {
			return err
		}
		return f.printJSON(toSettingsJSON(org, all))
	}
	cat := f.Catalog()
	sayDone(f, o.dryRun, "%s", cat.MailMerge.SettingsSaved)
	return nil
}

type settingsShowOptions struct {
	f      *factory
	asJSON bool
	org    string
}

func newSettingsShowCmd(f *factory) *cobra.Command {
	o := &settingsShowOptions{f: f}
	cmd := &cobra.Command{
		Use:   "show",
		Short: "Show a school's settings (the SMTP password only as set or not set)",
		RunE:  func(cmd *cobra.Command, _ []string) error { return runSettingsShow(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.org, "org", "", "the school's organization id or UAI (default: your only one)")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runSettingsShow(ctx context.Context, o *settingsShowOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	id, err := orgFlag(ctx, sess, o.org)
	if err != nil {
		return err
	}
	org, all, err := sess.SchoolSettings(ctx, id)
	if err != nil {
		return err
	}
	j := toSettingsJSON(org, all)
	if o.asJSON {
		return f.printJSON(j)
	}
	cat := f.Catalog()
	pw := cat.MailMerge.Unset
	if j.PasswordSet {
		pw = cat.MailMerge.Set
	}
	tw := tabwriter.NewWriter(f.env.stdout, 0, 4, 2, ' ', 0)
	rows := [][2]string{{"org", fmt.Sprintf("%s (%d)", org.Name, org.ID)}, {"host", j.Host},
		{"port", fmt.Sprint(all.Mail.SMTPConfig().Port)}, {"security", j.Security}, {"username", j.Username},
		{cat.MailMerge.SettingsPassword, pw}, {"from", j.From}, {"activation-url", j.ActivationURL},
		{"templates", j.TemplateDir}, {"deletion-grace", fmt.Sprint(j.GraceDays)}}
	for _, p := range j.PasswordPolicies {
		rows = append(rows, [2]string{"password-policy " + p.Profile,
			fmt.Sprintf("--min-length %d --classes %s", p.MinLength, strings.Join(p.Classes, ","))})
	}
	for _, row := range rows {
		fmt.Fprintf(tw, "%s\t%s\n", row[0], row[1])
	}
	return tw.Flush()
}

func newTemplatesCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{Use: "templates", Short: "The card and email templates, to edit per language"}
	cmd.AddCommand(newTemplatesExportCmd(f))
	return cmd
}

type templatesExportOptions struct {
	f             *factory
	force, dryRun bool
	dir           string
}

func newTemplatesExportCmd(f *factory) *cobra.Command {
	o := &templatesExportOptions{f: f}
	cmd := &cobra.Command{
		Use:   "export DIR",
		Short: "Write the built-in card and email templates (French and English) to DIR, to edit",
		Long: `Write the built-in templates to DIR (fr/card.tmpl, en/email.html.tmpl, ...). They are Go
templates; the fields they may use are listed at the top of each file and in
'go doc rollcall/mailmerge.TemplateData'. Use the edited copies with
'rollcall settings smtp --templates DIR' or --templates on merge commands.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = args[0]
			return runTemplatesExport(o)
		},
	}
	cmd.Flags().BoolVar(&o.force, "force", false, "replace files that exist")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "list the files without writing them")
	return cmd
}

func runTemplatesExport(o *templatesExportOptions) error {
	f, dir := o.f, o.dir
	files := mailmerge.DefaultTemplateFiles()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if _, err := os.Stat(path); err == nil && !o.force {
			return fmt.Errorf("%s: %w (use --force to replace it)", path, os.ErrExist)
		}
		if o.dryRun {
			fmt.Fprintln(f.env.stdout, path)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(files[name]), 0o644); err != nil {
			return err
		}
		fmt.Fprintln(f.env.stdout, path)
	}
	if o.dryRun {
		sayDryRun(f)
		return nil
	}
	f.say(f.Catalog().MailMerge.TemplatesExported, len(names), dir, dir)
	return nil
}

// settingsOrgs reads the --org of a settings change: one school, "all" of the admin's (each
// gets the same change), or "" for their only one (0, which app resolves).
// signedInSettings is the signed-in session and the schools whose settings --org names.
func signedInSettings(ctx context.Context, f *factory, org string) (*app.Session, []model.ID, error) {
	sess, err := signedIn(ctx, f)
	if err != nil {
		return nil, nil, err
	}
	orgs, err := settingsOrgs(ctx, sess, org)
	return sess, orgs, err
}

func settingsOrgs(ctx context.Context, sess *app.Session, v string) ([]model.ID, error) {
	if strings.EqualFold(strings.TrimSpace(v), "all") {
		orgs, err := sess.ListOrgs(ctx)
		if err != nil {
			return nil, err
		}
		if len(orgs) == 0 {
			return nil, model.ErrNoOrganization
		}
		ids := make([]model.ID, len(orgs))
		for i, o := range orgs {
			ids[i] = o.ID
		}
		return ids, nil
	}
	id, err := orgFlag(ctx, sess, v)
	return []model.ID{id}, err
}
