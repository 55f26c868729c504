package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"rollcall/model"
)

// renewJSON is the --json shape of `subs renew`: the subscription as renewed (or as it would be).
type renewJSON struct {
	subJSON
	SeatsAdded int  `json:"seats_added"`
	DryRun     bool `json:"dry_run,omitempty"`
}

func newSubsRenewCmd(f *factory) *cobra.Command {
	var code string
	var dryRun, asJSON bool
	cmd := &cobra.Command{
		Use:   "renew SUBSCRIPTION-ID --code CODE|URL [--dry-run]",
		Short: "Renew a subscription with the vendor's renewal code: its new renewal or end date, and the seats it adds",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if code == "" {
				return usageError{fmt.Errorf("give the renewal code: --code CODE")}
			}
			sess, err := signedIn(cmd.Context(), f)
			if err != nil {
				return err
			}
			id, err := parseSubID(args[0])
			if err != nil {
				return err
			}
			res, err := sess.RenewSubscription(cmd.Context(), id, code, dryRun)
			if err != nil {
				return err
			}
			row, err := sess.Subscription(cmd.Context(), id)
			if err != nil {
				return err
			}
			row.Sub = res.After
			row.State = res.After.State(model.DateOf(sess.Now()))
			cat := f.Catalog()
			format := cat.People.Renewed
			if dryRun {
				format = cat.People.RenewDry
			}
			f.say(format, res.After.Product, cat.SubState(row.State), cat.Count(res.SeatsAdded, cat.Licensing.Seat))
			if asJSON {
				return f.printJSON(renewJSON{subJSON: toSubJSON(row), SeatsAdded: res.SeatsAdded, DryRun: dryRun})
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&code, "code", "", "the renewal code, or the renewal link from the vendor's email")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check the code and say what it would do")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the renewed subscription as JSON")
	return cmd
}
