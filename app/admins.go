package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// AdminInfo is an admin as the admins list shows them to another admin: who they are, and which
// of the viewer's organizations they administer (never the others).
type AdminInfo struct {
	ID        model.ID
	FullName  string
	Email     string
	Verified  bool
	CreatedAt time.Time
	OrgIDs    []model.ID // shared with the viewer
	SSHKeys   int
}

// ListAdmins returns the admins of the viewer's organizations, the viewer included, by name.
func (s *Session) ListAdmins(ctx context.Context) (_ []AdminInfo, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.listAdmins(ctx, admin)
}

func (a *App) listAdmins(ctx context.Context, viewer model.Admin) ([]AdminInfo, error) {
	all, err := a.store.ListAdmins(ctx)
	if err != nil {
		return nil, err
	}
	keys, err := a.store.ListSSHKeys(ctx, 0)
	if err != nil {
		return nil, err
	}
	perAdmin := map[model.ID]int{}
	for _, k := range keys {
		perAdmin[k.AdminID]++
	}
	var out []AdminInfo
	for _, ad := range all {
		shared := slices.DeleteFunc(slices.Clone(ad.OrgIDs), func(id model.ID) bool { return !adminOf(viewer, id) })
		if len(shared) == 0 && ad.ID != viewer.ID {
			continue
		}
		out = append(out, AdminInfo{ID: ad.ID, FullName: ad.FullName, Email: ad.Email, Verified: ad.Verified(),
			CreatedAt: ad.CreatedAt, OrgIDs: shared, SSHKeys: perAdmin[ad.ID]})
	}
	slices.SortStableFunc(out, func(x, y AdminInfo) int {
		return strings.Compare(model.Fold(x.FullName+"\x00"+x.Email), model.Fold(y.FullName+"\x00"+y.Email))
	})
	return out, nil
}

// FindAdmin finds an admin the viewer may see by email or id.
func (s *Session) FindAdmin(ctx context.Context, ref string) (_ AdminInfo, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.findAdmin(ctx, admin, ref)
}

func (a *App) findAdmin(ctx context.Context, viewer model.Admin, ref string) (AdminInfo, error) {
	infos, err := a.listAdmins(ctx, viewer)
	if err != nil {
		return AdminInfo{}, err
	}
	ref = strings.TrimSpace(ref)
	email := model.NormalizeEmail(ref)
	for _, info := range infos {
		if info.Email == email || info.ID.String() == ref {
			return info, nil
		}
	}
	return AdminInfo{}, notFound(model.ThingAdmin, ref)
}

// RemoveAdmin takes organizations away from an admin: org, or with org 0 every organization of
// the actor's that the target administers. The last admin of an organization stays
// (*model.LastAdminError); an admin may remove themself. The target keeps their account and
// their other organizations. It returns the organizations removed.
func (s *Session) RemoveAdmin(ctx context.Context, targetID, org model.ID, dryRun bool) (_ []model.ID, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.removeAdmin(ctx, admin, targetID, org, dryRun)
}

func (a *App) removeAdmin(ctx context.Context, actor model.Admin, targetID, org model.ID, dryRun bool) ([]model.ID, error) {
	target, err := a.store.Admin(ctx, targetID)
	if err != nil {
		return nil, err
	}
	var orgs []model.ID
	for _, id := range target.OrgIDs {
		if adminOf(actor, id) && (org == 0 || id == org) {
			orgs = append(orgs, id)
		}
	}
	if len(orgs) == 0 {
		return nil, fmt.Errorf("admin %d of organization %d: %w", targetID, org, storage.ErrNotFound)
	}
	if err := a.checkOtherAdmins(ctx, targetID, orgs); err != nil || dryRun {
		return orgs, a.asConflict(ctx, err)
	}
	for i, id := range orgs {
		if _, err := a.store.RevokeAdminOrg(ctx, targetID, id); err != nil {
			return orgs[:i], a.asConflict(ctx, err)
		}
		if err := a.audit(ctx, actor, model.AuditAdminRemove, target.Email, id); err != nil {
			return orgs[:i+1], err
		}
	}
	return orgs, nil
}

// checkOtherAdmins refuses when the admin is the only one of any of orgs. The store checks
// again, atomically, when it removes them: this is for dry runs and to refuse before a first
// removal.
func (a *App) checkOtherAdmins(ctx context.Context, adminID model.ID, orgs []model.ID) error {
	all, err := a.store.ListAdmins(ctx)
	if err != nil {
		return err
	}
	for _, org := range orgs {
		others := slices.ContainsFunc(all, func(ad model.Admin) bool {
			return ad.ID != adminID && slices.Contains(ad.OrgIDs, org)
		})
		if !others {
			return &model.LastAdminError{OrgID: org}
		}
	}
	return nil
}

// asConflict names the school of a refusal to remove its last admin and makes the refusal also
// match storage.ErrConflict, so callers that sort errors by kind (exit codes) see a conflict.
func (a *App) asConflict(ctx context.Context, err error) error {
	var last *model.LastAdminError
	if !errors.As(err, &last) {
		return err
	}
	named := *last
	if o, oerr := a.store.Org(ctx, last.OrgID); oerr == nil {
		named.OrgName = o.Name
	}
	return fmt.Errorf("%w (%w)", &named, storage.ErrConflict)
}
