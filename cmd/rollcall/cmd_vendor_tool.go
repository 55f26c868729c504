package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"rollcall/model"
)

// The vendor's own tool, which needs no database: a signing key pair (vendor keygen), and the
// signed claim and renewal codes it issues (vendor issue-code).

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
