package app

import (
	"context"
	"strings"

	"rollcall/model"
)

// looksLikeUAI reports whether a school code is meant as a UAI: seven digits and a letter.
// Other countries' codes (a URN, a DfE number) are not checked.
func looksLikeUAI(code string) bool {
	return len(code) == 8 && model.UAICheckLetterFor(code) != "" && code[7] >= 'A' && code[7] <= 'Z'
}

// checkOrgCode validates a school's official code: a UAI must carry its check letter, and no
// other school of the store may have it (a UAI names one school). except is the school being
// checked, 0 for a new one.
func (a *App) checkOrgCode(ctx context.Context, code string, except model.ID) *model.ValidationError {
	if code == "" {
		return nil
	}
	if looksLikeUAI(code) && !model.ValidUAI(code) {
		return &model.ValidationError{Field: "uai", Rule: model.RuleUAI, Value: code}
	}
	all, err := a.store.ListOrgs(ctx)
	if err != nil {
		return nil // the write that follows reports the store's trouble
	}
	for _, o := range all {
		if o.ID != except && strings.EqualFold(o.Code, code) {
			return &model.ValidationError{Field: "uai", Rule: model.RuleUAITaken, Value: code}
		}
	}
	return nil
}

// ResolveOrg reads what an admin typed to name a school (--org): its id, or its UAI (any case).
// Either names one of the admin's schools: another school is not found, so that every command
// taking --org refuses it alike, before it acts (never an empty list that looks like an answer).
func (s *Session) ResolveOrg(ctx context.Context, ref string) (_ model.ID, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.resolveOrg(ctx, admin, ref)
}

func (a *App) resolveOrg(ctx context.Context, admin model.Admin, ref string) (model.ID, error) {
	ref = strings.TrimSpace(ref)
	if id, ok := model.ParseID(ref); ok {
		if adminOf(admin, id) {
			return id, nil
		}
		return 0, notFound(model.ThingOrganization, ref)
	}
	uai := model.NormalizeUAI(ref)
	orgs, err := a.listOrgs(ctx, admin)
	if err != nil {
		return 0, err
	}
	for _, o := range orgs {
		if uai != "" && strings.EqualFold(o.Code, uai) {
			return o.ID, nil
		}
	}
	return 0, notFound(model.ThingOrganization, ref)
}
