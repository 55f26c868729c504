package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

func newSubsCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{Use: "subs", Short: "Subscriptions: list them, claim what came with a purchase, renew them"}
	cmd.AddCommand(newSubsListCmd(f), newSubsClaimCmd(f), newSubsRenewCmd(f))
	return cmd
}

// subsListJSON is the stable --json shape of `subs list`.
type subsListJSON struct {
	Today         string       `json:"today"`
	NextRenewal   *renewalJSON `json:"next_renewal"` // null when nothing renews
	Subscriptions []subJSON    `json:"subscriptions"`
}

// renewalJSON is the banner: the subscription that renews soonest.
type renewalJSON struct {
	SubscriptionID model.ID `json:"subscription_id"`
	Product        string   `json:"product"`
	Date           string   `json:"date"`
}

type subsListOptions struct {
	f         *factory
	org, sort string
	asJSON    bool
}

func newSubsListCmd(f *factory) *cobra.Command {
	o := &subsListOptions{f: f}
	cmd := &cobra.Command{
		Use:   "list [--org ID] [--sort product|state]",
		Short: "List your subscriptions: product, organization, product keys, seats given, state",
		RunE:  func(cmd *cobra.Command, _ []string) error { return runSubsList(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.org, "org", "", "only this organization's (id or UAI; default: all yours)")
	cmd.Flags().StringVar(&o.sort, "sort", "product", "product, or state (renewing soonest first, expired last)")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runSubsList(ctx context.Context, o *subsListOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	var q app.SubsQuery
	if q.OrgID, err = orgFlag(ctx, sess, o.org); err != nil {
		return err
	}
	switch strings.ToLower(o.sort) {
	case "", "product":
	case "state":
		q.Sort = app.SubsByState
	default:
		return flagError("sort", o.sort)
	}
	list, err := sess.ListSubscriptions(ctx, q)
	if err != nil {
		return err
	}
	if o.asJSON {
		return f.printJSON(toSubsListJSON(list))
	}
	printSubs(f, list)
	return nil
}

func toSubsListJSON(list app.SubsList) subsListJSON {
	out := subsListJSON{Today: list.Today.String(), Subscriptions: []subJSON{}}
	for _, r := range list.Rows {
		out.Subscriptions = append(out.Subscriptions, toSubJSON(r))
	}
	if list.Next.Sub.ID != 0 {
		out.NextRenewal = &renewalJSON{SubscriptionID: list.Next.Sub.ID, Product: list.Next.Sub.Product, Date: list.Next.State.Date.String()}
	}
	return out
}

// printSubs writes the banner on stderr and the table on stdout.
func printSubs(f *factory, list app.SubsList) {
	cat := f.Catalog()
	t := cat.Licensing.Subs
	if list.Next.Sub.ID != 0 {
		f.say(t.Banner, cat.Date(list.Next.State.Date), list.Next.Sub.Product)
	} else {
		f.say("%s", t.NoRenewal)
	}
	tw := tabwriter.NewWriter(f.env.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "ID\t%s\t%s\t%s\t%s\t%s\n", t.Product, t.Organization, t.ProductKeys, t.Assigned, t.State)
	for _, r := range list.Rows {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s/%s\t%s\n", r.Sub.ID, r.Sub.Product, r.OrgName, cat.ProductKeys(r.Sub.Keys, 2),
			cat.Int(r.Assigned), cat.Int(r.Sub.Seats), cat.SubState(r.State))
	}
	_ = tw.Flush()
}
