package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

func newVendorCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{Use: "vendor", Short: "Vendor keys: trust a vendor's claim codes; and the vendor's own tool to mint them"}
	cmd.AddCommand(newVendorKeygenCmd(f), newVendorIssueCmd(f), newVendorTrustCmd(f), newVendorUntrustCmd(f), newVendorListCmd(f))
	return cmd
}

// trustJSON is the --json shape of `vendor trust`.
type trustJSON struct {
	Vendor string `json:"vendor"`
	KeyID  string `json:"key_id"`
	Added  bool   `json:"added"`
	DryRun bool   `json:"dry_run,omitempty"`
}

// vendorOrgHelp is the help of --org on the vendor commands: trusted keys are each school's.
const vendorOrgHelp = `the school's organization id or UAI (default: your only one; "all": each of yours)`

type vendorTrustOptions struct {
	f              *factory
	dryRun, asJSON bool
	org            string
	file           string
}

func newVendorTrustCmd(f *factory) *cobra.Command {
	o := &vendorTrustOptions{f: f}
	cmd := &cobra.Command{
		Use:   "trust PUBKEY-FILE",
		Short: "Accept the claim codes a vendor signs in one of your schools: add its public key file",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			return runVendorTrust(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.org, "org", "", vendorOrgHelp)
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check the file without adding the key")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the key as JSON")
	return cmd
}

func runVendorTrust(ctx context.Context, o *vendorTrustOptions) error {
	f := o.f
	sess, orgs, err := signedInSettings(ctx, f, o.org)
	if err != nil {
		return err
	}
	file, err := os.Open(o.file)
	if err != nil {
		return err
	}
	raw, err := io.ReadAll(io.LimitReader(file, 1<<16)) // a key file is one or two lines
	file.Close()
	if err != nil {
		return err
	}
	var k model.VendorKey
	added := false
	for _, id := range orgs {
		kk, a, err := sess.TrustVendorKey(ctx, id, o.file, bytes.NewReader(raw), o.dryRun)
		if err != nil {
			return err
		}
		k, added = kk, added || a
	}
	if o.asJSON {
		return f.printJSON(trustJSON{Vendor: k.Vendor, KeyID: k.KeyID(), Added: added, DryRun: o.dryRun})
	}
	v := f.Catalog().Licensing.Vendor
	switch {
	case o.dryRun:
		sayDryRun(f)
	case added:
		f.say(v.Trusted, k.Vendor, k.KeyID())
	default:
		f.say(v.AlreadyTrusted, k.Vendor, k.KeyID())
	}
	return nil
}

type vendorUntrustOptions struct {
	f              *factory
	dryRun, asJSON bool
	org            string
	key            string
}

func newVendorUntrustCmd(f *factory) *cobra.Command {
	o := &vendorUntrustOptions{f: f}
	cmd := &cobra.Command{
		Use:   "untrust KEY-ID|VENDOR",
		Short: "Stop accepting a vendor's claim codes in one of your schools (keys added with trust; claimed subscriptions stay)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.key = args[0]
			return runVendorUntrust(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.org, "org", "", vendorOrgHelp)
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check which key would be removed, without removing it")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the key as JSON")
	return cmd
}

func runVendorUntrust(ctx context.Context, o *vendorUntrustOptions) error {
	f := o.f
	sess, orgs, err := signedInSettings(ctx, f, o.org)
	if err != nil {
		return err
	}
	var k model.VendorKey
	for _, id := range orgs {
		if k, err = sess.UntrustVendorKey(ctx, id, o.key, o.dryRun); err != nil {
			return err
		}
	}
	if o.asJSON {
		return f.printJSON(trustJSON{Vendor: k.Vendor, KeyID: k.KeyID(), DryRun: o.dryRun})
	}
	sayDone(f, o.dryRun, f.Catalog().Licensing.Vendor.Untrusted, k.Vendor, k.KeyID())
	return nil
}

// vendorKeyJSON is the --json shape of a trusted key.
type vendorKeyJSON struct {
	OrgID       model.ID  `json:"org_id,omitempty"` // the school that added it (added keys)
	Vendor      string    `json:"vendor"`
	KeyID       string    `json:"key_id"`
	Fingerprint string    `json:"fingerprint"`
	Origin      string    `json:"origin"` // shipped, added or demo
	AddedAt     time.Time `json:"added_at,omitzero"`
}

type vendorListOptions struct {
	f      *factory
	asJSON bool
	org    string
}

func newVendorListCmd(f *factory) *cobra.Command {
	o := &vendorListOptions{f: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the vendor keys one of your schools checks claim codes against",
		RunE:  func(cmd *cobra.Command, _ []string) error { return runVendorList(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.org, "org", "", "the school's organization id or UAI (default: each of yours)")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runVendorList(ctx context.Context, o *vendorListOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	keys, err := vendorKeysOf(ctx, sess, o.org)
	if err != nil {
		return err
	}
	out := []vendorKeyJSON{}
	for _, k := range keys {
		out = append(out, vendorKeyJSON{OrgID: k.OrgID, Vendor: k.Vendor, KeyID: k.KeyID(), Fingerprint: k.Fingerprint(),
			Origin: k.Origin.String(), AddedAt: k.AddedAt})
	}
	if o.asJSON {
		return f.printJSON(out)
	}
	v := f.Catalog().Licensing.Vendor
	origins := map[string]string{"shipped": v.Shipped, "added": v.Added, "demo": v.Demo}
	tw := tabwriter.NewWriter(f.env.stdout, 2, 4, 2, ' ', 0)
	for _, k := range out {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", k.KeyID, k.Vendor, origins[k.Origin])
	}
	return tw.Flush()
}

// vendorKeysOf lists the keys one school trusts (--org), or every school of the admin: the
// shipped keys once, each school's added keys with their school.
func vendorKeysOf(ctx context.Context, sess *app.Session, org string) ([]model.VendorKey, error) {
	ids := []model.ID{0}
	if org != "" {
		id, err := orgFlag(ctx, sess, org)
		if err != nil {
			return nil, err
		}
		ids = []model.ID{id}
	} else if orgs, err := sess.ListOrgs(ctx); err != nil {
		return nil, err
	} else if len(orgs) > 1 {
		ids = ids[:0]
		for _, o := range orgs {
			ids = append(ids, o.ID)
		}
	}
	var out []model.VendorKey
	for _, id := range ids {
		keys, err := sess.TrustedVendorKeys(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			if !slices.ContainsFunc(out, func(o model.VendorKey) bool { return o.OrgID == k.OrgID && o.Public.Equal(k.Public) }) {
				out = append(out, k)
			}
		}
	}
	return out, nil
}
