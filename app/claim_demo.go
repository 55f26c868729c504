package app

import (
	"context"
	"fmt"
	"time"

	"rollcall/model"
)

// DemoClaims are the claim codes and display serials that come with the demo school, unclaimed,
// so a newcomer can try a claim at once. The codes are signed by the demo vendor, whose key
// only a store holding the demo school trusts; the serials are of a display model the shipped
// catalogue marks demo-only.
type DemoClaims struct {
	Codes   []DemoCode
	Serials []DemoSerial
}

// DemoCode is one demo claim code and what it is for.
type DemoCode struct {
	Code    string
	Product string
	Seats   int
}

// DemoSerial is one demo display serial.
type DemoSerial struct {
	Serial          string
	Model           string
	SeatsPerDisplay int
}

// demoSerialPrefix is the demo-only display model of the shipped catalogue.
const demoSerialPrefix = "DEMOTB"

// DemoClaims returns the demo school's claim codes and serials; they depend only on when the
// demo was loaded, so they read the same every time. A store without the demo has none.
func (a *App) DemoClaims(ctx context.Context) (DemoClaims, error) {
	v, err := a.store.Meta(ctx, metaDemoLoaded)
	if err != nil || v == "" {
		return DemoClaims{}, err
	}
	loaded, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return DemoClaims{}, fmt.Errorf("demo load date %q: %w", v, err)
	}
	return demoClaims(model.DateOf(loaded))
}

func demoClaims(loaded model.Date) (DemoClaims, error) {
	year := loaded.Year // the school year the demo was loaded in starts in September
	if loaded.Month < time.September {
		year--
	}
	start := model.Date{Year: year, Month: time.September, Day: 1}
	ents := []model.Entitlement{
		{OrderNumber: "DEMO-3001", Product: "Manuels numériques — Français 4e", Seats: 90, Keys: 1,
			StartsOn: start, RenewsOn: model.Date{Year: year + 1, Month: time.September, Day: 30}},
		{OrderNumber: "DEMO-3002", Product: "Atlas interactif 2", Seats: 40, Keys: 2,
			StartsOn: start, EndsOn: model.Date{Year: year + 2, Month: time.August, Day: 31}},
		{OrderNumber: "DEMO-3003", Product: "Dictionnaire Junior", Seats: 25, Keys: 1,
			StartsOn: start, RenewsOn: model.Date{Year: year + 1, Month: time.September, Day: 30}},
	}
	var out DemoClaims
	priv := demoVendorKey()
	for _, e := range ents {
		code, err := model.SignEntitlement(priv, e)
		if err != nil {
			return DemoClaims{}, err
		}
		out.Codes = append(out.Codes, DemoCode{Code: code, Product: e.Product, Seats: e.Seats})
	}
	cat, err := ShippedDisplayCatalog()
	if err != nil {
		return DemoClaims{}, err
	}
	for _, m := range cat.Models {
		if m.Prefix != demoSerialPrefix {
			continue
		}
		for i := 1; i <= 3; i++ {
			body := fmt.Sprintf("%s%02d%02d%0*d", m.Prefix, year%100, 9, m.Digits-4, i)
			out.Serials = append(out.Serials, DemoSerial{Serial: m.FormatSerial(body + string(model.SerialCheckDigit(body))),
				Model: m.Name, SeatsPerDisplay: m.SeatsPerDisplay})
		}
	}
	return out, nil
}

// loadDemoSeats gives seats in the demo school's subscriptions, the way an admin would: the
// college's teachers through a roster sync, and a few emails typed into the école's suite.
func (a *App) loadDemoSeats(ctx context.Context) error {
	orgs, err := a.store.ListOrgs(ctx)
	if err != nil {
		return err
	}
	demoAdmin := model.Admin{} // nobody: the demo loader
	for _, o := range orgs {
		demoAdmin.OrgIDs = append(demoAdmin.OrgIDs, o.ID)
	}
	subs, err := a.store.ListSubscriptions(ctx)
	if err != nil {
		return err
	}
	for _, s := range subs {
		switch s.OrderNumber {
		case "DEMO-1001":
			src := SyncSource{Kind: model.SeatRoster, OrgID: s.OrgID}
			_, err = a.syncSeats(ctx, demoAdmin, s.ID, src, SeatOptions{}, nil)
		case "DEMO-2001":
			_, err = a.addTypedSeats(ctx, demoAdmin, s.ID, "direction@les-tilleuls.example.fr tbi.salle1@les-tilleuls.example.fr", SeatOptions{})
		}
		if err != nil {
			return fmt.Errorf("demo seats: %w", err)
		}
	}
	return nil
}
