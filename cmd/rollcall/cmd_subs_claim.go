package main

import (
	"context"
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

type subsClaimOptions struct {
	f                                 *factory
	in                                app.ClaimInput
	org, newName, newCity, newCountry string
	dryRun, asJSON                    bool
}

func newSubsClaimCmd(f *factory) *cobra.Command {
	o := &subsClaimOptions{f: f}
	cmd := &cobra.Command{
		Use:   "claim --code CODE | --displays N --serial S [--org ID | --new-org-name NAME …]",
		Short: "Claim a subscription: a vendor's claim code (or claim link), or displays and a serial",
		Example: `  rollcall subs claim --code "https://shop.example/claim?code=05JVC-…" --org 3
  rollcall subs claim --displays 12 --serial TBX-2411-0427-7 --new-org-name "Lycée Ampère" --new-org-city Lyon --new-org-country FR`,
		RunE: func(cmd *cobra.Command, _ []string) error { return runSubsClaim(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.in.Code, "code", "", "the claim code, or the whole claim link from the order email")
	fl.IntVar(&o.in.Displays, "displays", 0, "how many interactive displays were bought")
	fl.StringVar(&o.in.Serial, "serial", "", "the serial number of one of them")
	fl.StringVar(&o.in.Vendor, "vendor", "", "who sold it (optional)")
	fl.StringVar(&o.in.VendorLocation, "vendor-location", "", "where the vendor is (optional)")
	fl.StringVar(&o.org, "org", "", "the organization that receives it (id or UAI; default: your only one)")
	fl.StringVar(&o.newName, "new-org-name", "", "or add an organization with this name")
	fl.StringVar(&o.newCity, "new-org-city", "", "its city")
	fl.StringVar(&o.newCountry, "new-org-country", "", "its two-letter country code")
	fl.BoolVar(&o.dryRun, "dry-run", false, "check the code or serial and the organization, claim nothing")
	fl.BoolVar(&o.asJSON, "json", false, "print the subscription as JSON")
	return cmd
}

func runSubsClaim(ctx context.Context, o *subsClaimOptions) error {
	f := o.f
	if o.in.Code != "" && (o.in.Serial != "" || o.in.Displays != 0) {
		return usageError{errors.New(o.f.Catalog().CLIUsage.ClaimBoth)}
	}
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	if o.in.OrgID, err = orgFlag(ctx, sess, o.org); err != nil {
		return err
	}
	if o.newName != "" || o.newCity != "" || o.newCountry != "" {
		o.in.NewOrg = &model.Organization{Name: o.newName, City: o.newCity, Country: o.newCountry}
	}
	claimed, err := sess.Claim(ctx, o.in, o.dryRun)
	if err != nil {
		return err
	}
	sub := claimed.Subscription
	row := app.SubRow{Sub: sub, OrgName: claimed.OrgName, State: sub.State(model.DateOf(sess.Now()))}
	cat := f.Catalog()
	seats := cat.Count(sub.Seats, cat.Licensing.Seat)
	if o.dryRun {
		f.say(cat.Licensing.Claim.DryRun, sub.Product, row.OrgName, seats)
	} else {
		f.say(cat.Licensing.Claim.Claimed, sub.Product, row.OrgName, seats)
	}
	if o.asJSON {
		return f.printJSON(claimJSON{subJSON: toSubJSON(row), DryRun: o.dryRun})
	}
	fmt.Fprintf(f.env.stdout, "%d\t%s\t%s\n", sub.ID, cat.ProductKeys(sub.Keys, len(sub.Keys)), cat.SubState(row.State))
	return nil
}
