package app

import (
	"context"
	"strings"

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
	o.Name, o.City = model.CleanName(o.Name), model.CleanName(o.City)
	o.Country = strings.ToUpper(strings.TrimSpace(o.Country))
	var errs model.ValidationErrors
	if o.Name == "" {
		errs = append(errs, &model.ValidationError{Field: "org_name", Rule: model.RuleRequired})
	}
	if o.Country != "" && !model.ValidCountry(o.Country) {
		errs = append(errs, &model.ValidationError{Field: "country", Rule: model.RuleCountry, Value: o.Country})
	}
	o.Code = strings.TrimSpace(o.Code)
	if looksLikeUAI(model.NormalizeUAI(o.Code)) {
		o.Code = model.NormalizeUAI(o.Code)
	}
	if e := a.checkOrgCode(ctx, o.Code, 0); e != nil {
		errs = append(errs, e)
	}
	if err := errs.Err(); err != nil || dryRun {
		return o, err
	}
	o.ID, o.CreatedAt = 0, a.now()
	if err := a.store.CreateOrg(ctx, &o); err != nil {
		return o, err
	}
	_, err := a.store.UpdateAdminFunc(ctx, admin.ID, func(fresh *model.Admin) error {
		fresh.OrgIDs = appendUnique(fresh.OrgIDs, o.ID)
		return nil
	})
	return o, a.audited(ctx, err, false, admin, model.AuditOrgCreate, o.Name, o.ID)
}
