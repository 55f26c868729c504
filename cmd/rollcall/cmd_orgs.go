package main

import (
	"context"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"rollcall/app"
	"rollcall/model"
)

func newOrgsCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{Use: "orgs", Short: "List and add the organizations (schools) you administer"}
	cmd.AddCommand(newOrgsListCmd(f), newOrgsCreateCmd(f), newOrgsEditCmd(f))
	return cmd
}

func toOrgJSON(o model.Organization) orgJSON {
	return orgJSON{ID: o.ID, Name: o.Name, City: o.City, Country: o.Country, Code: o.Code}
}

type orgsListOptions struct {
	f      *factory
	asJSON bool
}

func newOrgsListCmd(f *factory) *cobra.Command {
	o := &orgsListOptions{f: f}
	cmd := &cobra.Command{
		Use: "list", Short: "List your organizations",
		RunE: func(cmd *cobra.Command, _ []string) error { return runOrgsList(cmd.Context(), o) },
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runOrgsList(ctx context.Context, o *orgsListOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	orgs, err := sess.ListOrgs(ctx)
	if err != nil {
		return err
	}
	if o.asJSON {
		out := []orgJSON{}
		for _, org := range orgs {
			out = append(out, toOrgJSON(org))
		}
		return f.printJSON(out)
	}
	for _, org := range orgs {
		f.printf("%d\t%s\t%s\t%s\t%s\n", org.ID, org.Name, org.City, org.Country, org.Code)
	}
	return nil
}

type orgsCreateOptions struct {
	f              *factory
	in             model.Organization
	dryRun, asJSON bool
}

func newOrgsCreateCmd(f *factory) *cobra.Command {
	o := &orgsCreateOptions{f: f}
	cmd := &cobra.Command{
		Use: "create --name NAME [--city CITY] [--country CC]", Short: "Add an organization you will administer",
		RunE: func(cmd *cobra.Command, _ []string) error { return runOrgsCreate(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.in.Name, "name", "", "name (required)")
	fl.StringVar(&o.in.City, "city", "", "city")
	fl.StringVar(&o.in.Country, "country", "", "two-letter country code")
	fl.StringVar(&o.in.Code, "code", "", "official school code: a UAI in France (7 digits and their check letter), unique")
	fl.BoolVar(&o.dryRun, "dry-run", false, "check without creating")
	fl.BoolVar(&o.asJSON, "json", false, "print the organization as JSON")
	return cmd
}

func runOrgsCreate(ctx context.Context, o *orgsCreateOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	org, err := sess.CreateOrg(ctx, o.in, o.dryRun)
	if err != nil {
		return err
	}
	return reportOutcome(f, o.dryRun, o.asJSON, toOrgJSON(org))
}

// orgsEditOptions changes one of the admin's schools; only the flags given change.
type orgsEditOptions struct {
	f                         *factory
	flags                     *pflag.FlagSet // says which were given
	org                       string
	name, city, country, code string
	dryRun, asJSON            bool
}

func newOrgsEditCmd(f *factory) *cobra.Command {
	o := &orgsEditOptions{f: f}
	cmd := &cobra.Command{
		Use:   "edit ORG [--name NAME] [--city CITY] [--country CC] [--code UAI]",
		Short: "Change a school's name, city, country or official code (UAI)",
		Long: "Change one of your schools, named by its id or its UAI. Only the flags you give change;\n" +
			"--code \"\" clears the official code. A UAI is checked (its check letter) and must be unique.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.org = args[0]
			return runOrgsEdit(cmd.Context(), o)
		},
	}
	fl := cmd.Flags()
	o.flags = fl
	fl.StringVar(&o.name, "name", "", "new name")
	fl.StringVar(&o.city, "city", "", "new city")
	fl.StringVar(&o.country, "country", "", "new two-letter country code")
	fl.StringVar(&o.code, "code", "", "new official code: a UAI in France (7 digits and their check letter)")
	fl.BoolVar(&o.dryRun, "dry-run", false, "check without changing anything")
	fl.BoolVar(&o.asJSON, "json", false, "print the school as JSON")
	return cmd
}

func runOrgsEdit(ctx context.Context, o *orgsEditOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	id, err := sess.ResolveOrg(ctx, o.org)
	if err != nil {
		return err
	}
	var edit app.OrgEdit
	for flag, set := range map[string]struct {
		to **string
		v  *string
	}{"name": {&edit.Name, &o.name},
		"city": {&edit.City, &o.city}, "country": {&edit.Country, &o.country}, "code": {&edit.Code, &o.code}} {
		if o.flags.Changed(flag) {
			*set.to = set.v
		}
	}
	org, err := sess.EditOrg(ctx, id, edit, o.dryRun)
	if err != nil {
		return err
	}
	return reportOutcome(f, o.dryRun, o.asJSON, toOrgJSON(org))
}
