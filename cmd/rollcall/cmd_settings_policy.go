package main

import (
	"context"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"rollcall/model"
)

// policyJSON is the stable --json shape of one profile's password policy.
type policyJSON struct {
	Profile   string   `json:"profile"`
	MinLength int      `json:"min_length"`
	Classes   []string `json:"classes"`
}

func toPolicyJSON(p model.Profile, pol model.PasswordPolicy) policyJSON {
	classes := pol.Classes.Names()
	if classes == nil {
		classes = []string{}
	}
	return policyJSON{Profile: p.String(), MinLength: pol.MinLength, Classes: classes}
}

// settingsPolicyOptions are the flags of settings password-policy.
type settingsPolicyOptions struct {
	f                     *factory
	flags                 *pflag.FlagSet // says which flags were given
	org, profile, classes string
	minLength             int
	dryRun, asJSON        bool
}

func newSettingsPolicyCmd(f *factory) *cobra.Command {
	o := &settingsPolicyOptions{f: f}
	cmd := &cobra.Command{
		Use:   "password-policy",
		Short: "Set what passwords of one profile must hold in a school",
		Long: `Set the password policy of one profile in one of your schools: every password chosen
afterwards by a person of that profile there follows it (activation with a card's code, reset,
the web page, passwords of imported spreadsheets). Classes: upper, lower, letter, digit, special.`,
		Example: `  rollcall settings password-policy --org 1 --profile student --min-length 8 --classes upper,lower,digit,special`,
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, _ []string) error { return runSettingsPolicy(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	o.flags = fl
	fl.StringVar(&o.org, "org", "", `the school's organization id or UAI (default: your only one; "all": each of yours)`)
	fl.StringVar(&o.profile, "profile", "", "student, teacher, parent, staff or guest")
	fl.IntVar(&o.minLength, "min-length", model.DefaultPasswordPolicy.MinLength, "the fewest characters (8 to 64; default: the school's current)")
	fl.StringVar(&o.classes, "classes", "letter,digit", "the kinds of characters each password must hold, comma-separated (default: the school's current)")
	fl.BoolVar(&o.dryRun, "dry-run", false, "check the policy without saving it")
	fl.BoolVar(&o.asJSON, "json", false, "print the policy as JSON")
	_ = cmd.MarkFlagRequired("profile")
	return cmd
}

func runSettingsPolicy(ctx context.Context, o *settingsPolicyOptions) error {
	f := o.f
	profile, ok := model.ParseProfile(o.profile)
	if !ok {
		return flagError("profile", o.profile)
	}
	classes, bad := model.ParseCharClasses(o.classes)
	if bad != "" {
		return flagError("classes", bad)
	}
	sess, orgs, err := signedInSettings(ctx, f, o.org)
	if err != nil {
		return err
	}
	// A flag left out keeps what the school has (as the console's form starts from it).
	fl := o.flags
	var pol model.PasswordPolicy
	for _, org := range orgs {
		_, current, err := sess.SchoolSettings(ctx, org)
		if err != nil {
			return err
		}
		pol = current.PasswordPolicy(profile)
		if fl.Changed("min-length") {
			pol.MinLength = o.minLength
		}
		if fl.Changed("classes") {
			pol.Classes = classes
		}
		if _, err := sess.SetPasswordPolicy(ctx, org, profile, pol, o.dryRun); err != nil {
			return err
		}
	}
	if o.asJSON {
		return f.printJSON(toPolicyJSON(profile, pol))
	}
	cat := f.Catalog()
	if o.dryRun {
		sayDryRun(f)
		return nil
	}
	for _, org := range orgs {
		school, _, err := sess.SchoolSettings(ctx, org)
		if err != nil {
			return err
		}
		f.say(cat.MailMerge.PolicySaved, cat.Profile(profile), school.Name)
	}
	return nil
}
