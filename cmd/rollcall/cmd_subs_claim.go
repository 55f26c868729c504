package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

// claimJSON is the --json shape of `subs claim`: the subscription, and whether it was a dry run.
type claimJSON struct {
	subJSON
	DryRun bool `json:"dry_run,omitempty"`
}

func newSubsClaimCmd(f *factory) *cobra.Command {
	var in app.ClaimInput
	var org, newName, newCity, newCountry string
	var dryRun, asJSON bool
	cmd := &cobra.Command{
		Use:   "claim --code CODE | --displays N --serial S [--org ID | --new-org-name NAME …]",
		Short: "Claim a subscription: a vendor's claim code (or claim link), or displays and a serial",
		Example: `  rollcall subs claim --code "https://shop.example/claim?code=05JVC-…" --org 3
  rollcall subs claim --displays 12 --serial TBX-2411-0427-7 --new-org-name "Lycée Ampère" --new-org-city Lyon --new-org-country FR`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if in.Code != "" && (in.Serial != "" || in.Displays != 0) {
				return usageError{errors.New("give --code, or --displays and --serial, not both")}
			}
			sess, err := signedIn(cmd.Context(), f)
			if err != nil {
				return err
			}
			if in.OrgID, err = orgFlag(cmd.Context(), sess, org); err != nil {
				return err
			}
			if newName != "" || newCity != "" || newCountry != "" {
				in.NewOrg = &model.Organization{Name: newName, City: newCity, Country: newCountry}
			}
			claimed, err := sess.Claim(cmd.Context(), in, dryRun)
			if err != nil {
				return err
			}
			sub := claimed.Subscription
			row := app.SubRow{Sub: sub, OrgName: claimed.OrgName, State: sub.State(model.DateOf(sess.Now()))}
			cat := f.Catalog()
			seats := cat.Count(sub.Seats, cat.Licensing.Seat)
			if dryRun {
				f.say(cat.Licensing.Claim.DryRun, sub.Product, row.OrgName, seats)
			} else {
				f.say(cat.Licensing.Claim.Claimed, sub.Product, row.OrgName, seats)
			}
			if asJSON {
				return f.printJSON(claimJSON{subJSON: toSubJSON(row), DryRun: dryRun})
			}
			fmt.Fprintf(f.env.stdout, "%d\t%s\t%s\n", sub.ID, cat.ProductKeys(sub.Keys, len(sub.Keys)), cat.SubState(row.State))
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&in.Code, "code", "", "the claim code, or the whole claim link from the order email")
	fl.IntVar(&in.Displays, "displays", 0, "how many interactive displays were bought")
	fl.StringVar(&in.Serial, "serial", "", "the serial number of one of them")
	fl.StringVar(&in.Vendor, "vendor", "", "who sold it (optional)")
	fl.StringVar(&in.VendorLocation, "vendor-location", "", "where the vendor is (optional)")
	fl.StringVar(&org, "org", "", "the organization that receives it (id or UAI; default: your only one)")
	fl.StringVar(&newName, "new-org-name", "", "or add an organization with this name")
	fl.StringVar(&newCity, "new-org-city", "", "its city")
	fl.StringVar(&newCountry, "new-org-country", "", "its two-letter country code")
	fl.BoolVar(&dryRun, "dry-run", false, "check the code or serial and the organization, claim nothing")
	fl.BoolVar(&asJSON, "json", false, "print the subscription as JSON")
	return cmd
}
