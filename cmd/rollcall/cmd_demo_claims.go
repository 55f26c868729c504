package main

import (
	"context"
	"fmt"

	"rollcall/app"
)

// demoClaimsJSON lists the demo school's unclaimed claim codes and display serials.
type demoClaimsJSON struct {
	Codes   []demoCodeJSON   `json:"codes"`
	Serials []demoSerialJSON `json:"serials"`
}

type demoCodeJSON struct {
	Code    string `json:"code"`
	Product string `json:"product"`
	Seats   int    `json:"seats"`
}

type demoSerialJSON struct {
	Serial          string `json:"serial"`
	Model           string `json:"model"`
	SeatsPerDisplay int    `json:"seats_per_display"`
}

// demoClaims reads the demo's codes and serials for `rollcall demo`.
func demoClaims(ctx context.Context, a *app.App) (*demoClaimsJSON, error) {
	c, err := a.DemoClaims(ctx)
	if err != nil {
		return nil, err
	}
	out := &demoClaimsJSON{Codes: []demoCodeJSON{}, Serials: []demoSerialJSON{}}
	for _, x := range c.Codes {
		out.Codes = append(out.Codes, demoCodeJSON{Code: x.Code, Product: x.Product, Seats: x.Seats})
	}
	for _, x := range c.Serials {
		out.Serials = append(out.Serials, demoSerialJSON{Serial: x.Serial, Model: x.Model, SeatsPerDisplay: x.SeatsPerDisplay})
	}
	return out, nil
}

// printDemoClaims writes the codes and serials on stdout (data to copy), their headings on
// stderr.
func printDemoClaims(f *factory, c *demoClaimsJSON) {
	if c == nil || len(c.Codes)+len(c.Serials) == 0 {
		return
	}
	v := f.Catalog().Licensing.Vendor
	f.say("%s", v.DemoCodes)
	for _, x := range c.Codes {
		fmt.Fprintf(f.env.stdout, "%s\t%s (%d)\n", x.Code, x.Product, x.Seats)
	}
	f.say("%s", v.DemoSerials)
	for _, x := range c.Serials {
		fmt.Fprintf(f.env.stdout, "%s\t%s\n", x.Serial, x.Model)
	}
}
