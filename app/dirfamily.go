package app

import (
	"context"
	"slices"

	"rollcall/model"
)

// The directory index knows families: the children of each parent row (flagChildren; their ids
// in a column, their rows in dirkids.go), and the parents of each child id, so a class or level
// filter reaches a parent through their children and a page of users can say who is whose.

// setChildren records row's children (a user with ChildIDs), replacing what it had. The caller
// holds the write lock and has set the row's flags.
func (d *dirIndex) setChildren(row int32, id model.ID, kids []model.ID) {
	for _, c := range d.kids[row] {
		if ps := slices.DeleteFunc(d.parents[c], func(p model.ID) bool { return p == id }); len(ps) > 0 {
			d.parents[c] = ps
		} else {
			delete(d.parents, c)
		}
	}
	d.kids[row] = nil
	d.setKidRows(row, kids)
	if len(kids) == 0 {
		return
	}
	d.kids[row] = slices.Clone(kids)
	d.flags[row] |= flagChildren
	for _, c := range kids {
		d.parents[c] = append(d.parents[c], id)
	}
}

// ownClasses reports whether row's own classes meet s.
func (d *dirIndex) ownClasses(row int32, fl uint8, s *idSet) bool {
	return s.has(d.class0[row]) || (fl&flagMoreClasses != 0 && s.any(d.moreClass[row]))
}

// Family is who is whose among directory users: a parent's children and a child's parents, by id.
type Family struct {
	Children, Parents []model.ID
}

// families returns the family of each id, from the index, naming only users still there and
// of the organizations orgs. The caller holds no lock.
func (d *dirIndex) families(ids, orgs []model.ID) map[model.ID]Family {
	d.mu.RLock()
	defer d.mu.RUnlock()
	visible := func(in []model.ID) []model.ID {
		var out []model.ID
		for _, id := range in {
			if row, ok := d.row(id); ok && slices.Contains(orgs, d.orgs[row]) {
				out = append(out, id)
			}
		}
		return out
	}
	out := make(map[model.ID]Family, len(ids))
	for _, id := range ids {
		var f Family
		if row, ok := d.row(id); ok {
			f.Children = visible(d.kids[row])
		}
		f.Parents = visible(d.parents[id])
		out[id] = f
	}
	return out
}

// Relatives are a user's children (a parent's) and parents (a pupil's), as users.
type Relatives struct {
	Children, Parents []model.User
}

// Relatives returns the children and parents of each user, among the admin's schools' users.
func (s *Session) Relatives(ctx context.Context, users []model.User) (_ map[model.ID]Relatives, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.relatives(ctx, admin, users)
}

func (a *App) relatives(ctx context.Context, admin model.Admin, users []model.User) (map[model.ID]Relatives, error) {
	ids := make([]model.ID, len(users))
	for i, u := range users {
		ids[i] = u.ID
	}
	fam, err := a.families(ctx, admin, ids)
	if err != nil {
		return nil, err
	}
	cache := map[model.ID]model.User{}
	load := func(list []model.ID) ([]model.User, error) {
		out := make([]model.User, 0, len(list))
		for _, id := range list {
			u, ok := cache[id]
			if !ok {
				var err error
				if u, err = a.store.User(ctx, id); err != nil {
					return nil, err
				}
				cache[id] = u
			}
			out = append(out, u)
		}
		return out, nil
	}
	out := make(map[model.ID]Relatives, len(fam))
	for id, f := range fam {
		var r Relatives
		if r.Children, err = load(f.Children); err != nil {
			return nil, err
		}
		if r.Parents, err = load(f.Parents); err != nil {
			return nil, err
		}
		out[id] = r
	}
	return out, nil
}
