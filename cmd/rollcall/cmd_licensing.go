package main

import (
	"context"
	"fmt"
	"time"

	"rollcall/app"
	"rollcall/dirsync"
	"rollcall/i18n"
	"rollcall/mailmerge"
	"rollcall/model"
)

// envDisplayCatalog names a display catalogue file that replaces the shipped one.
const envDisplayCatalog = "ROLLCALL_DISPLAY_CATALOG"

// licensingOptions reads what subscriptions and seats need from the environment: the display
// catalogue and the cloud directories' credentials (never printed). No mailer is wired yet:
// the notice is ready for when one is.
func licensingOptions(getenv func(string) string) app.LicensingOptions {
	dirs, _ := dirsync.ConfigFromEnv(getenv) // an unreadable *_FILE leaves that service not configured
	return app.LicensingOptions{CatalogPath: getenv(envDisplayCatalog), Directories: dirs, Notice: seatNotice}
}

// seatNotice writes the email telling someone their seat is ready, in their language.
func seatNotice(sub model.Subscription, email string, lang model.Language) mailmerge.Message {
	n := i18n.For(lang).Licensing.Notice
	return mailmerge.Message{To: email, Language: lang, Subject: fmt.Sprintf(n.Subject, sub.Product),
		Text: fmt.Sprintf(n.Body, sub.Product, email, sub.Vendor)}
}

// subJSON is the stable --json shape of a subscription.
type subJSON struct {
	ID             model.ID         `json:"id"`
	Product        string           `json:"product"`
	Vendor         string           `json:"vendor,omitempty"`
	VendorLocation string           `json:"vendor_location,omitempty"`
	OrderNumber    string           `json:"order_number,omitempty"`
	OrgID          model.ID         `json:"organization_id"`
	Org            string           `json:"organization"`
	SeatsTotal     int              `json:"seats_total"`
	SeatsAssigned  int              `json:"seats_assigned"`
	SeatsFree      int              `json:"seats_free"`
	State          string           `json:"state"` // renews, ends or expired
	StateDate      string           `json:"state_date,omitempty"`
	StartsOn       string           `json:"starts_on,omitempty"`
	RenewsOn       string           `json:"renews_on,omitempty"`
	EndsOn         string           `json:"ends_on,omitempty"`
	Keys           []productKeyJSON `json:"product_keys"`
	ClaimKind      string           `json:"claim_kind,omitempty"` // code or displays
	Displays       int              `json:"displays,omitempty"`
	Serial         string           `json:"serial,omitempty"`
	ClaimedAt      time.Time        `json:"claimed_at,omitzero"`
}

// productKeyJSON is a product key and its seats.
type productKeyJSON struct {
	Key   string `json:"key"`
	Seats int    `json:"seats"`
}

func stateName(k model.StateKind) string {
	switch k {
	case model.StateEnds:
		return "ends"
	case model.StateExpired:
		return "expired"
	}
	return "renews"
}

func toSubJSON(r app.SubRow) subJSON {
	s := r.Sub
	j := subJSON{ID: s.ID, Product: s.Product, Vendor: s.Vendor, VendorLocation: s.VendorLocation, OrderNumber: s.OrderNumber,
		OrgID: s.OrgID, Org: r.OrgName, SeatsTotal: s.Seats, SeatsAssigned: r.Assigned, SeatsFree: r.Free(),
		State: stateName(r.State.Kind), StateDate: r.State.Date.String(), StartsOn: s.StartsOn.String(),
		RenewsOn: s.RenewsOn.String(), EndsOn: s.EndsOn.String(), Keys: []productKeyJSON{}, ClaimKind: s.ClaimKind.String(),
		Displays: s.Displays, Serial: s.Serial, ClaimedAt: s.ClaimedAt}
	for _, k := range s.Keys {
		j.Keys = append(j.Keys, productKeyJSON{Key: k.Key, Seats: k.Seats})
	}
	return j
}

// parseSubID reads a subscription id argument.
// signedInSub is the signed-in session and the subscription named by ref (its id).
func signedInSub(ctx context.Context, f *factory, ref string) (*app.Session, model.ID, error) {
	sess, err := signedIn(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	id, err := parseSubID(ref)
	return sess, id, err
}

func parseSubID(s string) (model.ID, error) {
	id, ok := model.ParseID(s)
	if !ok {
		return 0, &model.ValidationError{Field: "subscription", Rule: model.RuleUnknownValue, Value: s}
	}
	return id, nil
}
