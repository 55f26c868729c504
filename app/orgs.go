package app

import (
	"context"

	"rollcall/model"
)

// ListOrgs returns the organizations the admin administers.
func (s *Session) ListOrgs(ctx context.Context) (_ []model.Organization, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.listOrgs(ctx, admin)
}

func (a *App) listOrgs(ctx context.Context, admin model.Admin) ([]model.Organization, error) {
	all, err := a.store.ListOrgs(ctx)
	if err != nil {
		return nil, err
	}
	var out []model.Organization
	for _, o := range all {
		if adminOf(admin, o.ID) {
			out = append(out, o)
		}
	}
	return out, nil
}

// CreateOrg adds an organization (name, city, country) and makes the admin its admin.
func (s *Session) CreateOrg(ctx context.Context, o model.Organization, dryRun bool) (_ model.Organization, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.createOrg(ctx, admin, o, dryRun)
}

func (a *App) createOrg(ctx context.Context, admin model.Admin, o model.Organization, dryRun bool) (model.Organization, error) {
	o.ID = 0
	if err := a.checkOrg(ctx, admin, &o); err != nil || dryRun {
		return o, err
	}
	o.CreatedAt = a.now()
	if err := a.store.CreateOrg(ctx, &o); err != nil {
		return o, err
	}
	_, err := a.store.UpdateAdminFunc(ctx, admin.ID, func(fresh *model.Admin) error {
		fresh.OrgIDs = appendUnique(fresh.OrgIDs, o.ID)
		return nil
	})
	return o, a.audited(ctx, err, false, admin, model.AuditOrgCreate, o.Name, o.ID)
}
