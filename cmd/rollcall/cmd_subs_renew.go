package main

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"rollcall/model"
)

// renewJSON is the --json shape of `subs renew`: the subscription as renewed (or as it would be).
type renewJSON struct {
	subJSON
	SeatsAdded int  `json:"seats_added"`
	DryRun     bool `json:"dry_run,omitempty"`
}

type subsRenewOptions struct {
	f              *factory
	code           string
	dryRun, asJSON bool
	sub            string
}

func newSubsRenewCmd(f *factory) *cobra.Command {
	o := &subsRenewOptions{f: f}
	cmd := &cobra.Command{
		Use:   "renew SUBSCRIPTION-ID --code CODE|URL [--dry-run]",
		Short: "Renew a subscription with the vendor's renewal code: its new renewal or end date, and the seats it adds",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.sub = args[0]
			return runSubsRenew(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.code, "code", "", "the renewal code, or the renewal link from the vendor's email")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check the code and say what it would do")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the renewed subscription as JSON")
	return cmd
}

func runSubsRenew(ctx context.Context, o *subsRenewOptions) error {
	f := o.f
	if o.code == "" {
		return usageError{errors.New(o.f.Catalog().CLIUsage.RenewCode)}
	}
	sess, id, err := signedInSub(ctx, f, o.sub)
	if err != nil {
		return err
	}
	res, err := sess.RenewSubscription(ctx, id, o.code, o.dryRun)
	if err != nil {
		return err
	}
	row, err := sess.Subscription(ctx, id)
	if err != nil {
		return err
	}
	row.Sub = res.After
	row.State = res.After.State(model.DateOf(sess.Now()))
	cat := f.Catalog()
	format := cat.People.Renewed
	if o.dryRun {
		format = cat.People.RenewDry
	}
	f.say(format, res.After.Product, cat.SubState(row.State), cat.Count(res.SeatsAdded, cat.Licensing.Seat))
	if o.asJSON {
		return f.printJSON(renewJSON{subJSON: toSubJSON(row), SeatsAdded: res.SeatsAdded, DryRun: o.dryRun})
	}
	return nil
}
