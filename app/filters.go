package app

import (
	"context"
	"errors"
	"strings"

	"rollcall/model"
	"rollcall/storage"
)

// SaveFilter names a selection for the admin ("CE2 pas activés"), replacing their filter of
// the same name. Nothing in it is trusted later: a saved selection is narrowed to the admin's
// organizations every time it is used, like any other.
func (s *Session) SaveFilter(ctx context.Context, name string, sel model.Selection, dryRun bool) (_ model.SavedFilter, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.saveFilter(ctx, admin, name, sel, dryRun)
}

func (a *App) saveFilter(ctx context.Context, admin model.Admin, name string, sel model.Selection, dryRun bool) (model.SavedFilter, error) {
	name, err := model.CleanFilterName(name)
	if err != nil {
		return model.SavedFilter{}, err
	}
	f := model.SavedFilter{AdminID: admin.ID, Name: name, Selection: sel, SavedAt: a.now()}
	if dryRun {
		return f, nil
	}
	// Names are found again whatever their case: "CE2" replaces "ce2" rather than sitting
	// beside it. Saved first, so a failure in between leaves both rather than neither.
	old, lookErr := a.savedFilter(ctx, admin, name)
	if lookErr != nil && !errors.Is(lookErr, storage.ErrNotFound) {
		return f, lookErr
	}
	if err := a.store.SaveFilter(ctx, f); err != nil {
		return f, err
	}
	if lookErr == nil && old.Name != name {
		return f, a.store.DeleteFilter(ctx, admin.ID, old.Name)
	}
	return f, nil
}

// SavedFilters lists the admin's filters by name.
func (s *Session) SavedFilters(ctx context.Context) (_ []model.SavedFilter, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.savedFilters(ctx, admin)
}

func (a *App) savedFilters(ctx context.Context, admin model.Admin) ([]model.SavedFilter, error) {
	return a.store.SavedFilters(ctx, admin.ID)
}

// SavedFilter finds one of the admin's filters by name, case and spacing ignored.
func (s *Session) SavedFilter(ctx context.Context, name string) (_ model.SavedFilter, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.savedFilter(ctx, admin, name)
}

func (a *App) savedFilter(ctx context.Context, admin model.Admin, name string) (model.SavedFilter, error) {
	list, err := a.savedFilters(ctx, admin)
	if err != nil {
		return model.SavedFilter{}, err
	}
	want := model.CleanName(name)
	for _, f := range list {
		if strings.EqualFold(f.Name, want) {
			return f, nil
		}
	}
	return model.SavedFilter{}, notFound(model.ThingFilter, want)
}

// DeleteFilter removes one of the admin's filters.
func (s *Session) DeleteFilter(ctx context.Context, name string, dryRun bool) (_ model.SavedFilter, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.deleteFilter(ctx, admin, name, dryRun)
}

func (a *App) deleteFilter(ctx context.Context, admin model.Admin, name string, dryRun bool) (model.SavedFilter, error) {
	f, err := a.savedFilter(ctx, admin, name)
	if err != nil || dryRun {
		return f, err
	}
	return f, orNotFound(a.store.DeleteFilter(ctx, admin.ID, f.Name), model.ThingFilter, f.Name)
}
