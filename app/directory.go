package app

import (
	"context"
	"errors"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"rollcall/model"
	"rollcall/storage"
)

// UserPage is one page of a selection: the total count and the users shown.
type UserPage struct {
	Total  int
	Offset int
	Users  []model.User
}

// WarmUp builds the directory index now, so the first filter does not pay for it. The TUI calls
// it in a command at start; the CLI lets the first query do it.
func (a *App) WarmUp(ctx context.Context) error { return a.dir.ensure(ctx, a.store) }

// FindUsers returns one page of the users an admin's selection picks, in the selection's order.
// Only users of the organizations the admin administers are ever returned.
func (s *Session) FindUsers(ctx context.Context, sel model.Selection, offset, limit int) (_ UserPage, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.findUsers(ctx, admin, sel, offset, limit)
}

func (a *App) findUsers(ctx context.Context, admin model.Admin, sel model.Selection, offset, limit int) (UserPage, error) {
	rows, err := a.selectRows(ctx, admin, sel)
	if err != nil {
		return UserPage{}, err
	}
	page := UserPage{Total: len(rows), Offset: offset}
	if offset < 0 || offset >= len(rows) || limit <= 0 {
		return page, nil
	}
	ids := a.rowIDs(rows[offset:min(offset+limit, len(rows))])
	for _, id := range ids {
		u, err := a.store.User(ctx, id)
		if errors.Is(err, storage.ErrNotFound) {
			continue // deleted by another process, whose change the index has not applied yet
		} else if err != nil {
			return UserPage{}, err
		}
		page.Users = append(page.Users, u)
	}
	return page, nil
}

// SelectUserIDs returns the ids of every user the selection picks, in its order: what the mail
// merge prints, the export writes and a seat sync gives seats to.
func (s *Session) SelectUserIDs(ctx context.Context, sel model.Selection) (_ []model.ID, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.selectUserIDs(ctx, admin, sel)
}

func (a *App) selectUserIDs(ctx context.Context, admin model.Admin, sel model.Selection) ([]model.ID, error) {
	rows, err := a.selectRows(ctx, admin, sel)
	if err != nil {
		return nil, err
	}
	return a.rowIDs(rows), nil
}

func (a *App) selectRows(ctx context.Context, admin model.Admin, sel model.Selection) ([]int32, error) {
	if err := a.dir.ensure(ctx, a.store); err != nil {
		return nil, err
	}
	sel.OrgIDs = visibleOrgs(sel.OrgIDs, admin.OrgIDs)
	var ranks map[model.ID]int
	if sel.Sort == model.SortByClass {
		var err error
		if ranks, err = a.classRanks(ctx); err != nil {
			return nil, err
		}
	}
	levelClasses, err := a.levelClasses(ctx, sel.Levels)
	if err != nil {
		return nil, err
	}
	a.dir.mu.RLock()
	defer a.dir.mu.RUnlock()
	f := compileFilter(&sel, levelClasses)
	rows, err := a.dir.selectRows(ctx, &f)
	if err != nil {
		return nil, err
	}
	return a.dir.orderRows(rows, sel.Sort, ranks), nil
}

// levelClasses lists the classes whose level is one of levels (case ignored).
func (a *App) levelClasses(ctx context.Context, levels []string) ([]model.ID, error) {
	if len(levels) == 0 {
		return nil, nil
	}
	classes, err := a.store.ListClasses(ctx)
	if err != nil {
		return nil, err
	}
	var out []model.ID
	for _, c := range classes {
		if slices.ContainsFunc(levels, func(l string) bool { return strings.EqualFold(strings.TrimSpace(l), c.Level) && c.Level != "" }) {
			out = append(out, c.ID)
		}
	}
	return out, nil
}

// Families says, for each of ids, their children (for a parent) and their parents (for a
// pupil), as the directory has them now; only users of the admin's organizations are named.
func (s *Session) Families(ctx context.Context, ids []model.ID) (_ map[model.ID]Family, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.families(ctx, admin, ids)
}

func (a *App) families(ctx context.Context, admin model.Admin, ids []model.ID) (map[model.ID]Family, error) {
	if err := a.dir.ensure(ctx, a.store); err != nil {
		return nil, err
	}
	return a.dir.families(ids, admin.OrgIDs), nil
}

func (a *App) rowIDs(rows []int32) []model.ID {
	a.dir.mu.RLock()
	defer a.dir.mu.RUnlock()
	ids := make([]model.ID, len(rows))
	for i, row := range rows {
		ids[i] = a.dir.ids[row]
	}
	return ids
}

// visibleOrgs narrows a requested organization list to those the admin administers. The result
// is never nil, so an admin of no organization sees no one.
func visibleOrgs(requested, allowed []model.ID) []model.ID {
	out := []model.ID{}
	for _, id := range allowed {
		if len(requested) == 0 || slices.Contains(requested, id) {
			out = append(out, id)
		}
	}
	return out
}

// classRanks orders every class the French way ("3e A" before "3e B", "Élodie" with "Elodie"),
// then by organization, for sorting users by class.
func (a *App) classRanks(ctx context.Context) (map[model.ID]int, error) {
	classes, err := a.store.ListClasses(ctx)
	if err != nil {
		return nil, err
	}
	SortClasses(classes)
	ranks := make(map[model.ID]int, len(classes))
	for i, c := range classes {
		ranks[c.ID] = i
	}
	return ranks, nil
}

// SortClasses sorts classes by name with French collation, then by code.
func SortClasses(classes []model.Class) {
	col := collate.New(language.French, collate.Numeric)
	slices.SortStableFunc(classes, func(x, y model.Class) int {
		if c := col.CompareString(x.Name, y.Name); c != 0 {
			return c
		}
		return col.CompareString(x.Code, y.Code)
	})
}
