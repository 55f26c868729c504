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
func (a *App) Overview(ctx context.Context, admin model.Admin) (Overview, error) {
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
	out.ByProfile = map[model.Profile]int{}
	err = a.store.ForEachUser(ctx, func(u *model.User) error {
		if slices.Contains(admin.OrgIDs, u.OrgID) {
			out.Users++
			out.ByProfile[u.Profile]++
		}
		return nil
	})
	return out, err
}
