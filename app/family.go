package app

import (
	"context"
	"fmt"

	"rollcall/model"
)

// LinkChild links a parent to a child (on), or unlinks them, by hand: the link is then protected
// from imports like any hand edit, and recorded in the audit log. The parent must be a parent of
// the child's school (*model.LinkError). Linking twice changes nothing.
func (s *Session) LinkChild(ctx context.Context, parentID, childID model.ID, on, dryRun bool) (_ model.User, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.linkChild(ctx, admin, parentID, childID, on, dryRun)
}

func (a *App) linkChild(ctx context.Context, admin model.Admin, parentID, childID model.ID, on, dryRun bool) (model.User, error) {
	child, err := a.visibleUser(ctx, admin, childID)
	if err != nil {
		return model.User{}, err
	}
	changed := false
	u, err := a.changeUser(ctx, admin, parentID, dryRun, func(p *model.User) error {
		if err := model.CheckLink(p, &child); err != nil {
			return err
		}
		changed = p.SetChild(childID, on)
		return nil
	})
	if err != nil || !changed || dryRun {
		return u, err
	}
	action := model.AuditUserLink
	if !on {
		action = model.AuditUserUnlink
	}
	return u, a.audit(ctx, admin, action, fmt.Sprintf("%s → %s", u.Login, child.Login), u.OrgID)
}
