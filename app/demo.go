package app

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// demoSource names the records the demo school creates, so a later import never matches them.
const demoSource = "demo"

// metaDemoLoaded marks a store that holds the demo school.
const metaDemoLoaded = "demo_loaded"

// DemoSummary counts what LoadDemo wrote.
type DemoSummary struct {
	Orgs, Classes, Groups, Subscriptions int
	Users                                map[model.Profile]int
}

// Total is the number of users written.
func (s DemoSummary) Total() int {
	n := 0
	for _, c := range s.Users {
		n += c
	}
	return n
}

// IsDemo reports whether the store holds the demo school.
func (a *App) IsDemo(ctx context.Context) (bool, error) {
	v, err := a.store.Meta(ctx, metaDemoLoaded)
	return v != "", err
}

// PlanDemo says what LoadDemo would write, writing nothing: the same builder, without the seed.
func (a *App) PlanDemo(ctx context.Context) (DemoSummary, error) {
	b, err := a.buildDemo(ctx)
	if err != nil {
		return DemoSummary{}, err
	}
	return b.summary, nil
}

// buildDemo builds the demo's seed in memory, from a fixed seed so every run names the same
// people; a store that holds the demo already is model.ErrDemoLoaded.
func (a *App) buildDemo(ctx context.Context) (*demoBuilder, error) {
	if loaded, err := a.IsDemo(ctx); err != nil {
		return nil, err
	} else if loaded {
		return nil, model.ErrDemoLoaded
	}
	b := &demoBuilder{rng: rand.New(rand.NewPCG(2026, 9)), now: a.now(), random: a.random,
		logins: map[string]bool{}, summary: DemoSummary{Users: map[model.Profile]int{}}}
	return b, b.build()
}

// LoadDemo writes the demo school in one transaction: two schools, ~1,200 users of every profile
// in classes and groups, some activated, some pending deletion, a few subscriptions. Names are
// the same on every run (a fixed seed); activation codes come from the app's random source.
// Every existing admin is made an admin of the demo schools.
func (a *App) LoadDemo(ctx context.Context) (DemoSummary, error) {
	b, err := a.buildDemo(ctx)
	if err != nil {
		return DemoSummary{}, err
	}
	known, err := a.store.ListOrgs(ctx)
	if err != nil {
		return DemoSummary{}, err
	}
	// The seed writes the demo mark itself, so of two loads at once (two processes on one
	// database) one writes and the other is told the demo is there.
	b.seed.Once, b.seed.OnceValue = metaDemoLoaded, b.now.UTC().Format(time.RFC3339)
	if err := a.store.ApplySeed(ctx, b.seed); errors.Is(err, storage.ErrAlreadyApplied) {
		return DemoSummary{}, model.ErrDemoLoaded
	} else if err != nil {
		return DemoSummary{}, fmt.Errorf("demo: %w", err)
	}
	a.dir.invalidate() // the store numbered the seed's users: rebuild from it
	if err := a.loadDemoSeats(ctx); err != nil {
		return DemoSummary{}, err
	}
	return b.summary, a.grantNewOrgs(ctx, known)
}

// grantNewOrgs makes every admin an admin of the organizations not in known (the demo's),
// keeping their own: an admin never gains another admin's school.
func (a *App) grantNewOrgs(ctx context.Context, known []model.Organization) error {
	orgs, err := a.store.ListOrgs(ctx)
	if err != nil {
		return err
	}
	admins, err := a.store.ListAdmins(ctx)
	if err != nil {
		return err
	}
	for _, ad := range admins {
		_, err := a.store.UpdateAdminFunc(ctx, ad.ID, func(fresh *model.Admin) error {
			for _, o := range orgs {
				if !slices.ContainsFunc(known, func(k model.Organization) bool { return k.ID == o.ID }) {
					fresh.OrgIDs = appendUnique(fresh.OrgIDs, o.ID)
				}
			}
			return nil
		})
		if err != nil && !errors.Is(err, storage.ErrNotFound) {
			return err
		}
	}
	return nil
}
