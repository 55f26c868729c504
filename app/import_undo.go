package app

import (
	"context"

	"rollcall/model"
	"rollcall/storage"
)

// ImportHistory lists the imports that touched the admin's organizations, newest first.
func (s *Session) ImportHistory(ctx context.Context) (_ []model.ImportRun, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.importHistory(ctx, admin)
}

func (a *App) importHistory(ctx context.Context, admin model.Admin) ([]model.ImportRun, error) {
	runs, err := a.store.ListImports(ctx)
	if err != nil {
		return nil, err
	}
	out := runs[:0]
	for _, r := range runs {
		if r.Kind == model.RunImport && a.runVisible(admin, r) {
			out = append(out, r)
		}
	}
	return out, nil
}

func (a *App) runVisible(admin model.Admin, r model.ImportRun) bool {
	if len(r.OrgIDs) == 0 {
		return r.AdminID == admin.ID // a run that reached no school (one that failed) is its admin's
	}
	for _, org := range r.OrgIDs {
		if !adminOf(admin, org) {
			return false
		}
	}
	return true
}

// UndoLastImport reverts the newest import not yet undone, exactly: the users it changed get
// their values back and what it created is deleted. It refuses when a user it wrote has been
// changed since (by hand or by another import), naming that user. Organizations it created stay.
func (s *Session) UndoLastImport(ctx context.Context, dryRun bool) (_ model.ImportRun, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.undoLastImport(ctx, admin, dryRun)
}

func (a *App) undoLastImport(ctx context.Context, admin model.Admin, dryRun bool) (model.ImportRun, error) {
	runs, err := a.store.ListImports(ctx)
	if err != nil {
		return model.ImportRun{}, err
	}
	// The admin's newest run: another organization's later import does not block it, and the
	// undo's own checks refuse when a later run changed the same users.
	var run *model.ImportRun
	for i := range runs {
		if runs[i].Kind == model.RunImport && !runs[i].Undone() && !runs[i].Failed && a.runVisible(admin, runs[i]) {
			run = &runs[i]
			break
		}
	}
	if run == nil {
		return model.ImportRun{}, model.ErrNothingToUndo
	}
	undo, err := a.store.ImportUndo(ctx, run.ID)
	if err != nil {
		return *run, err
	}
	b, err := a.undoBatch(ctx, *run, undo)
	if err != nil || dryRun {
		return *run, err
	}
	if _, err := a.applyBatch(ctx, b); err != nil {
		return *run, err
	}
	return *b.Import, a.auditImport(ctx, admin, model.AuditImportUndo, *b.Import)
}

// undoBatch checks that nothing changed the run's users since, and builds the reverting batch.
func (a *App) undoBatch(ctx context.Context, run model.ImportRun, undo model.ImportUndo) (storage.Batch, error) {
	check := func(id model.ID) error {
		u, err := a.store.User(ctx, id)
		if err != nil {
			return err
		}
		if !u.UpdatedAt.Equal(undo.WrittenAt) {
			return &model.ChangedSinceError{Login: u.Login}
		}
		return nil
	}
	b := storage.Batch{Users: undo.Before, DeleteUsers: undo.NewUsers, DeleteClasses: undo.NewClasses,
		DeleteGroups: undo.NewGroups, DropProvenance: map[model.ID][]model.Field{}}
	for _, u := range undo.Before {
		if err := check(u.ID); err != nil {
			return b, err
		}
		p, err := a.store.Provenance(ctx, u.ID)
		if err != nil {
			return b, err
		}
		for f, o := range p {
			if o.Run == run.ID {
				b.DropProvenance[u.ID] = append(b.DropProvenance[u.ID], f)
			}
		}
	}
	for _, id := range undo.NewUsers {
		if err := check(id); err != nil {
			return b, err
		}
	}
	if err := a.checkNewSetsUnused(ctx, run, undo); err != nil {
		return b, err
	}
	run.UndoneAt = a.now()
	b.Import = &run
	return b, nil
}

// UserProvenance says where each field of a user came from: the import run, file and line.
func (s *Session) UserProvenance(ctx context.Context, id model.ID) (_ model.Provenance, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.userProvenance(ctx, admin, id)
}

func (a *App) userProvenance(ctx context.Context, admin model.Admin, id model.ID) (model.Provenance, error) {
	if _, err := a.visibleUser(ctx, admin, id); err != nil {
		return nil, err
	}
	return a.store.Provenance(ctx, id)
}

// checkNewSetsUnused refuses to delete a class or group the run created once someone outside
// the run has joined it.
func (a *App) checkNewSetsUnused(ctx context.Context, run model.ImportRun, undo model.ImportUndo) error {
	ours := map[model.ID]bool{}
	for _, id := range undo.NewUsers {
		ours[id] = true
	}
	for _, u := range undo.Before {
		ours[u.ID] = true
	}
	scope := model.Admin{OrgIDs: run.OrgIDs}
	for _, sel := range []model.Selection{{ClassIDs: undo.NewClasses}, {GroupIDs: undo.NewGroups}} {
		if len(sel.ClassIDs)+len(sel.GroupIDs) == 0 {
			continue
		}
		sel.Pending = model.PendingInclude
		ids, err := a.selectUserIDs(ctx, scope, sel)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if !ours[id] {
				u, _ := a.store.User(ctx, id)
				return &model.ChangedSinceError{Login: u.Login}
			}
		}
	}
	return nil
}
