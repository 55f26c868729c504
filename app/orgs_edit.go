package app

import (
	"context"
	"strings"

	"rollcall/model"
)

// OrgEdit is what an admin changes of a school: each field left nil keeps its value.
type OrgEdit struct {
	Name, City, Country, Code *string
}

// EditOrg changes one of the admin's schools: its name, city, country or official code (its
// UAI in France, checked and unique as at creation). A school the admin does not administer is
// not found.
func (s *Session) EditOrg(ctx context.Context, id model.ID, edit OrgEdit, dryRun bool) (_ model.Organization, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.editOrg(ctx, admin, id, edit, dryRun)
}

func (a *App) editOrg(ctx context.Context, admin model.Admin, id model.ID, edit OrgEdit, dryRun bool) (model.Organization, error) {
	if !adminOf(admin, id) {
		return model.Organization{}, notFound(model.ThingOrganization, id)
	}
	o, err := a.store.Org(ctx, id)
	if err != nil {
		return o, orNotFound(err, model.ThingOrganization, id)
	}
	for _, f := range []struct {
		to  *string
		new *string
	}{{&o.Name, edit.Name}, {&o.City, edit.City}, {&o.Country, edit.Country}, {&o.Code, edit.Code}} {
		if f.new != nil {
			*f.to = *f.new
		}
	}
	if err := a.checkOrg(ctx, admin, &o); err != nil || dryRun {
		return o, err
	}
	if err := a.store.UpdateOrg(ctx, o); err != nil {
		return o, err
	}
	return o, a.audit(ctx, admin, model.AuditOrgEdit, o.Name, o.ID)
}

// checkOrg cleans a school's fields and checks them, for its creation and its edits alike: a
// name, a known country, and an official code that is a valid UAI when it looks like one and
// no other school's, and a name and city that are not already one of the admin's schools.
func (a *App) checkOrg(ctx context.Context, admin model.Admin, o *model.Organization) error {
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
	if e := a.checkOrgCode(ctx, o.Code, o.ID); e != nil {
		errs = append(errs, e)
	}
	if e := a.checkOrgTwin(ctx, admin, *o); e != nil {
		errs = append(errs, e)
	}
	return errs.Err()
}
