package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
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

// keygenJSON is the --json shape of `vendor keygen`.
type keygenJSON struct {
	Vendor     string `json:"vendor"`
	KeyID      string `json:"key_id"`
	PrivateKey string `json:"private_key_file"`
	PublicKey  string `json:"public_key_file"`
}

type vendorKeygenOptions struct {
	f           *factory
	vendor, out string
	asJSON      bool
}

func newVendorKeygenCmd(f *factory) *cobra.Command {
	o := &vendorKeygenOptions{f: f}
	cmd := &cobra.Command{
		Use:   "keygen --vendor NAME --out PREFIX",
		Short: "For vendors: make a signing key pair (PREFIX.key, private, mode 0600; PREFIX.pub, for schools)",
		RunE:  func(cmd *cobra.Command, _ []string) error { return runVendorKeygen(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.vendor, "vendor", "", "the vendor's name, as schools will see it")
	cmd.Flags().StringVar(&o.out, "out", "", "path prefix of the two files")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the files and key id as JSON")
	return cmd
}

func runVendorKeygen(ctx context.Context, o *vendorKeygenOptions) error {
	f := o.f
	if strings.TrimSpace(o.vendor) == "" {
		return &model.ValidationError{Field: "--vendor", Rule: model.RuleRequired}
	}
	if o.out == "" {
		return &model.ValidationError{Field: "--out", Rule: model.RuleRequired}
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	keyPath, pubPath := o.out+".key", o.out+".pub"
	// O_EXCL: never overwrite a key, it may be the only copy.
	kf, err := os.OpenFile(keyPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = kf.WriteString(model.FormatVendorPrivateKey(o.vendor, priv))
	if cerr := kf.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.WriteFile(pubPath, []byte(model.FormatVendorPublicKey(o.vendor, pub)), 0o644); err != nil {
		return err
	}
	k := model.VendorKey{Vendor: o.vendor, Public: pub}
	if o.asJSON {
		return f.printJSON(keygenJSON{Vendor: k.Vendor, KeyID: k.KeyID(), PrivateKey: keyPath, PublicKey: pubPath})
	}
	f.say(f.Catalog().Licensing.Vendor.KeyWritten, keyPath, pubPath)
	return nil
}

// issueJSON is the --json shape of `vendor issue-code`.
type issueJSON struct {
	Code        string `json:"code"`
	URL         string `json:"url,omitempty"`
	KeyID       string `json:"key_id"`
	Product     string `json:"product"`
	OrderNumber string `json:"order_number,omitempty"`
	Seats       int    `json:"seats"`
	Keys        int    `json:"product_keys"`
	StartsOn    string `json:"starts_on"`
	RenewsOn    string `json:"renews_on,omitempty"`
	EndsOn      string `json:"ends_on,omitempty"`
	Renewal     bool   `json:"renewal,omitempty"`
}

type vendorIssueOptions struct {
	f                              *factory
	keyFile, start, term, claimURL string
	e                              model.Entitlement
	renews, asJSON                 bool
}

func newVendorIssueCmd(f *factory) *cobra.Command {
	o := &vendorIssueOptions{f: f}
	cmd := &cobra.Command{
		Use:   "issue-code --key FILE --product P --seats N --term 12m|2y|YYYY-MM-DD [--renews] [--renewal --order O]",
		Short: "For vendors: mint a signed claim code for an order, or a renewal code for one (no database needed)",
		Example: `  rollcall vendor issue-code --key acme.key --product "Maths+ Collège" --seats 120 --order PO-42 --term 1y --renews
  rollcall vendor issue-code --key acme.key --product Atlas --seats 30 --start 2026-09-01 --term 2027-08-31 --keys 2
  rollcall vendor issue-code --key acme.key --renewal --order PO-42 --product "Maths+ Collège" --seats 20 --start 2027-09-30 --term 1y --renews`,
		RunE: func(cmd *cobra.Command, _ []string) error { return runVendorIssue(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.keyFile, "key", "", "the private key file from vendor keygen")
	fl.StringVar(&o.e.Product, "product", "", "the product, as schools will see it (up to 64 bytes)")
	fl.IntVar(&o.e.Seats, "seats", 0, "how many seats were bought")
	fl.IntVar(&o.e.Keys, "keys", 1, "how many product keys the seats are split into")
	fl.StringVar(&o.e.OrderNumber, "order", "", "the order number (up to 32 bytes)")
	fl.StringVar(&o.start, "start", "", "first day of the term, YYYY-MM-DD (default: today)")
	fl.StringVar(&o.term, "term", "1y", "length of the term (12m, 1y, 2y) or its renewal or end date")
	fl.BoolVar(&o.renews, "renews", false, "the subscription renews at the end of the term (default: it ends)")
	fl.StringVar(&o.claimURL, "claim-url", "", "also print the claim link: this URL with ?code=…")
	fl.BoolVar(&o.e.Renewal, "renewal", false, "a renewal code for the order --order: the new term, and --seats more seats (0: none) on --keys new keys")
	fl.BoolVar(&o.asJSON, "json", false, "print the code and what it carries as JSON")
	return cmd
}

func runVendorIssue(ctx context.Context, o *vendorIssueOptions) error {
	f := o.f
	raw, err := os.ReadFile(o.keyFile)
	if err != nil {
		return err
	}
	_, priv, err := model.ParseVendorPrivateKey(strings.NewReader(string(raw)))
	if err != nil {
		return err
	}
	if o.e.StartsOn, err = parseStart(o.start); err != nil {
		return err
	}
	end, err := termEnd(o.e.StartsOn, o.term, o.renews)
	if err != nil {
		return err
	}
	if o.renews {
		o.e.RenewsOn = end
	} else {
		o.e.EndsOn = end
	}
	code, err := model.SignEntitlement(priv, o.e)
	if err != nil {
		return err
	}
	out := issueJSON{Code: code, KeyID: model.VendorKey{Public: priv.Public().(ed25519.PublicKey)}.KeyID(),
		Product: o.e.Product, OrderNumber: o.e.OrderNumber, Seats: o.e.Seats, Keys: o.e.Keys, StartsOn: o.e.StartsOn.String(),
		RenewsOn: o.e.RenewsOn.String(), EndsOn: o.e.EndsOn.String(), Renewal: o.e.Renewal}
	if o.claimURL != "" {
		out.URL = o.claimURL + "?code=" + url.QueryEscape(code)
	}
	if o.asJSON {
		return f.printJSON(out)
	}
	fmt.Fprintln(f.env.stdout, code)
	if out.URL != "" {
		fmt.Fprintln(f.env.stdout, out.URL)
	}
	return nil
}

func parseStart(s string) (model.Date, error) {
	if s == "" {
		return model.DateOf(time.Now()), nil
	}
	return parseDateFlag("start", s)
}

// termEnd is the renewal date (start + term) or, for a term that ends, its last day; a date
// is taken as is.
func termEnd(start model.Date, term string, renews bool) (model.Date, error) {
	bad := &model.ValidationError{Field: "--term", Rule: model.RuleUnknownValue, Value: term}
	if d, ok := model.ParseDate(term, model.ISODate); ok {
		return d, nil
	}
	if len(term) < 2 {
		return model.Date{}, bad
	}
	n, err := strconv.Atoi(term[:len(term)-1])
	if err != nil || n < 1 || n > 100 {
		return model.Date{}, bad
	}
	months := n
	switch term[len(term)-1] {
	case 'y', 'Y', 'a':
		months = 12 * n
	case 'm', 'M':
	default:
		return model.Date{}, bad
	}
	end := start.Time().AddDate(0, months, 0)
	if !renews {
		end = end.AddDate(0, 0, -1)
	}
	return model.DateOf(end), nil
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
	args           []string
}

func newVendorTrustCmd(f *factory) *cobra.Command {
	o := &vendorTrustOptions{f: f}
	cmd := &cobra.Command{
		Use:   "trust PUBKEY-FILE",
		Short: "Accept the claim codes a vendor signs in one of your schools: add its public key file",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.args = args
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
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	orgs, err := settingsOrgs(ctx, sess, o.org)
	if err != nil {
		return err
	}
	file, err := os.Open(o.args[0])
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
		kk, a, err := sess.TrustVendorKey(ctx, id, o.args[0], bytes.NewReader(raw), o.dryRun)
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
	args           []string
}

func newVendorUntrustCmd(f *factory) *cobra.Command {
	o := &vendorUntrustOptions{f: f}
	cmd := &cobra.Command{
		Use:   "untrust KEY-ID|VENDOR",
		Short: "Stop accepting a vendor's claim codes in one of your schools (keys added with trust; claimed subscriptions stay)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.args = args
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
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	orgs, err := settingsOrgs(ctx, sess, o.org)
	if err != nil {
		return err
	}
	var k model.VendorKey
	for _, id := range orgs {
		if k, err = sess.UntrustVendorKey(ctx, id, o.args[0], o.dryRun); err != nil {
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
