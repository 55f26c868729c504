package app

import (
	"context"

	"rollcall/model"
)

// checkOrgTwin refuses a school named as another of the admin's schools in the same city (case,
// accents and spacing ignored): a newcomer who creates their school twice splits its users and
// seats between the two. Only the admin's own schools count, so that the refusal says nothing of
// other admins' schools; two schools of one name in two cities are two schools.
func (a *App) checkOrgTwin(ctx context.Context, admin model.Admin, o model.Organization) *model.ValidationError {
	if o.Name == "" {
		return nil
	}
	name, city := fold(o.Name), fold(o.City)
	for _, id := range admin.OrgIDs {
		if id == o.ID {
			continue
		}
		other, err := a.store.Org(ctx, id)
		if err != nil {
			continue // a school removed meanwhile is no twin
		}
		if fold(other.Name) == name && fold(other.City) == city {
			return &model.ValidationError{Field: "org_name", Rule: model.RuleOrgTwin, Value: o.Name}
		}
	}
	return nil
}
