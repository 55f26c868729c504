package app

import (
	"context"
	"slices"

	"rollcall/model"
)

// Overview is what the home screen and `whoami` show: the admin's organizations and how many
// users the directory holds.
type Overview struct {
	Orgs      []model.Organization
	Demo      bool
	Users     int
	ByProfile map[model.Profile]int
}

// Overview summarises the store for an admin: the organizations they administer.
func (s *Session) Overview(ctx context.Context) (_ Overview, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.overview(ctx, admin)
}

func (a *App) overview(ctx context.Context, admin model.Admin) (Overview, error) {
	var out Overview
	orgs, err := a.store.ListOrgs(ctx)
	if err != nil {
		return out, err
	}
	for _, o := range orgs {
		if slices.Contains(admin.OrgIDs, o.ID) {
			out.Orgs = append(out.Orgs, o)
		}
	}
	if out.Demo, err = a.IsDemo(ctx); err != nil {
		return out, err
	}
	out.ByProfile, err = a.countByProfile(ctx, admin)
	for _, n := range out.ByProfile {
		out.Users += n
	}
	return out, err
}

// countByProfile counts the admin's users per profile, those pending deletion excepted, from
// the directory index: a scan of small columns, not a walk of the database.
func (a *App) countByProfile(ctx context.Context, admin model.Admin) (map[model.Profile]int, error) {
	if err := a.dir.ensure(ctx, a.store); err != nil {
		return nil, err
	}
	d := a.dir
	d.mu.RLock()
	defer d.mu.RUnlock()
	counts := map[model.Profile]int{}
	for row, fl := range d.flags {
		// Pending deletions are left out, as the default selection leaves them out: home and
		// the users screen must agree on "how many users".
		if fl&flagLive != 0 && fl&flagPending == 0 && slices.Contains(admin.OrgIDs, d.orgs[row]) {
			counts[d.profiles[row]]++
		}
	}
	return counts, nil
}
