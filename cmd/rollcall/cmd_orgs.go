package main

import (
	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

func newOrgsCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{Use: "orgs", Short: "List and add the organizations (schools) you administer"}
	var asJSON bool
	list := &cobra.Command{
		Use: "list", Short: "List your organizations",
		RunE: func(cmd *cobra.Command, _ []string) error {
			sess, err := signedIn(cmd.Context(), f)
			if err != nil {
				return err
			}
			orgs, err := sess.ListOrgs(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				out := []orgJSON{}
				for _, o := range orgs {
					out = append(out, orgJSON{ID: o.ID, Name: o.Name, City: o.City, Country: o.Country, Code: o.Code})
				}
				return f.printJSON(out)
			}
			for _, o := range orgs {
				cmd.Printf("%d\t%s\t%s\t%s\t%s\n", o.ID, o.Name, o.City, o.Country, o.Code)
			}
			return nil
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	var in model.Organization
	var dryRun, createJSON bool
	create := &cobra.Command{
		Use: "create --name NAME [--city CITY] [--country CC]", Short: "Add an organization you will administer",
		RunE: func(cmd *cobra.Command, _ []string) error {
			sess, err := signedIn(cmd.Context(), f)
			if err != nil {
				return err
			}
			o, err := sess.CreateOrg(cmd.Context(), in, dryRun)
			if err != nil {
				return err
			}
			if dryRun {
				sayDryRun(f)
			}
			if createJSON {
				return f.printJSON(orgJSON{ID: o.ID, Name: o.Name, City: o.City, Country: o.Country, Code: o.Code})
			}
			return nil
		},
	}
	create.Flags().StringVar(&in.Name, "name", "", "name (required)")
	create.Flags().StringVar(&in.City, "city", "", "city")
	create.Flags().StringVar(&in.Country, "country", "", "two-letter country code")
	create.Flags().StringVar(&in.Code, "code", "", "official school code: a UAI in France (7 digits and their check letter), unique")
	create.Flags().BoolVar(&dryRun, "dry-run", false, "check without creating")
	create.Flags().BoolVar(&createJSON, "json", false, "print the organization as JSON")
	cmd.AddCommand(list, create, newOrgsEditCmd(f))
	return cmd
}

// newOrgsEditCmd changes one of the admin's schools; only the flags given change.
func newOrgsEditCmd(f *factory) *cobra.Command {
	var name, city, country, code string
	var dryRun, asJSON bool
	cmd := &cobra.Command{
		Use:   "edit ORG [--name NAME] [--city CITY] [--country CC] [--code UAI]",
		Short: "Change a school's name, city, country or official code (UAI)",
		Long: "Change one of your schools, named by its id or its UAI. Only the flags you give change;\n" +
			"--code \"\" clears the official code. A UAI is checked (its check letter) and must be unique.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			sess, err := signedIn(cmd.Context(), f)
			if err != nil {
				return err
			}
			id, err := sess.ResolveOrg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			var edit app.OrgEdit
			for flag, set := range map[string]struct {
				to **string
				v  *string
			}{"name": {&edit.Name, &name},
				"city": {&edit.City, &city}, "country": {&edit.Country, &country}, "code": {&edit.Code, &code}} {
				if cmd.Flags().Changed(flag) {
					*set.to = set.v
				}
			}
			o, err := sess.EditOrg(cmd.Context(), id, edit, dryRun)
			if err != nil {
				return err
			}
			if dryRun {
				sayDryRun(f)
			}
			if asJSON {
				return f.printJSON(orgJSON{ID: o.ID, Name: o.Name, City: o.City, Country: o.Country, Code: o.Code})
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&name, "name", "", "new name")
	cmd.Flags().StringVar(&city, "city", "", "new city")
	cmd.Flags().StringVar(&country, "country", "", "new two-letter country code")
	cmd.Flags().StringVar(&code, "code", "", "new official code: a UAI in France (7 digits and their check letter)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check without changing anything")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the school as JSON")
	return cmd
}
