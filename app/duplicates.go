package app

import (
	"cmp"
	"context"
	"hash/maphash"
	"slices"

	"rollcall/model"
)

// DuplicateGroup is accounts of one school that look like one person (model.LikelySame), the
// oldest first: the one to keep when merging, unless the admin chooses otherwise.
type DuplicateGroup struct {
	Reason model.DuplicateReason
	Users  []model.User
}

// likelySame finds the accounts of u's school that look like u (model.LikelySame), through the
// directory index: an email or the names are looked up as text, then each candidate is read
// and compared.
func (a *App) likelySame(ctx context.Context, u model.User) ([]model.DuplicateMatch, error) {
	school := model.Admin{OrgIDs: []model.ID{u.OrgID}}
	var queries []model.Selection
	if u.Email != "" {
		queries = append(queries, model.Selection{Text: u.Email, Email: model.TriYes, Pending: model.PendingInclude})
	}
	if !u.BirthDate.IsZero() && u.LastName != "" {
		queries = append(queries, model.Selection{Text: u.LastName + " " + u.FirstName, Pending: model.PendingInclude})
	}
	var out []model.DuplicateMatch
	seen := map[model.ID]bool{}
	for _, q := range queries {
		rows, err := a.selectRows(ctx, school, q)
		if err != nil {
			return nil, err
		}
		for _, id := range a.rowIDs(rows) {
			if seen[id] || id == u.ID {
				continue
			}
			seen[id] = true
			c, err := a.store.User(ctx, id)
			if err != nil {
				continue // deleted since the query
			}
			if why, ok := model.LikelySame(&u, &c); ok {
				out = append(out, model.DuplicateMatch{ID: c.ID, Login: c.Login, Name: c.FullName(), Reason: why})
			}
		}
	}
	slices.SortFunc(out, func(x, y model.DuplicateMatch) int { return cmp.Compare(x.ID, y.ID) })
	return out, nil
}

// Duplicates lists the accounts that look like one person (model.LikelySame) in the admin's
// schools, or in orgs when given, whatever their source: an import, another import, a hand
// entry. Groups come by school, then by their oldest account.
func (s *Session) Duplicates(ctx context.Context, orgs []model.ID) (_ []DuplicateGroup, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.duplicates(ctx, admin, orgs)
}

// dupKey is one account under one of its model.DuplicateKeys, hashed: a million accounts sort
// as 16-byte pairs rather than as strings.
type dupKey struct {
	hash uint64
	id   model.ID
}

func (a *App) duplicates(ctx context.Context, admin model.Admin, orgs []model.ID) ([]DuplicateGroup, error) {
	scope := visibleOrgs(orgs, admin.OrgIDs)
	seed := maphash.MakeSeed()
	var keys []dupKey
	err := a.store.ForEachUser(ctx, func(u *model.User) error {
		if !slices.Contains(scope, u.OrgID) {
			return nil
		}
		for _, k := range model.DuplicateKeys(u) {
			keys = append(keys, dupKey{hash: maphash.String(seed, k), id: u.ID})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(keys, func(x, y dupKey) int {
		if c := cmp.Compare(x.hash, y.hash); c != 0 {
			return c
		}
		return cmp.Compare(x.id, y.id)
	})
	var groups []DuplicateGroup
	inGroup := map[[2]model.ID]bool{} // (first, other) already grouped under another key
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j].hash == keys[i].hash {
			j++
		}
		if j-i > 1 {
			g, err := a.duplicateGroup(ctx, keys[i:j], inGroup)
			if err != nil {
				return nil, err
			}
			if len(g.Users) > 1 {
				groups = append(groups, g)
			}
		}
		i = j
	}
	slices.SortFunc(groups, func(x, y DuplicateGroup) int {
		if c := cmp.Compare(x.Users[0].OrgID, y.Users[0].OrgID); c != 0 {
			return c
		}
		return cmp.Compare(x.Users[0].ID, y.Users[0].ID)
	})
	return groups, nil
}

// duplicateGroup reads the accounts that share one key and keeps those that look like the
// oldest (a hash collision or a parent and their child share a key without being one person).
func (a *App) duplicateGroup(ctx context.Context, run []dupKey, inGroup map[[2]model.ID]bool) (DuplicateGroup, error) {
	var g DuplicateGroup
	first, err := a.store.User(ctx, run[0].id)
	if err != nil {
		return g, nil // deleted meanwhile
	}
	g.Users = []model.User{first}
	for _, k := range run[1:] {
		pair := [2]model.ID{first.ID, k.id}
		if k.id == first.ID || inGroup[pair] {
			continue
		}
		u, err := a.store.User(ctx, k.id)
		if err != nil {
			continue
		}
		why, ok := model.LikelySame(&first, &u)
		if !ok {
			continue
		}
		inGroup[pair] = true
		if g.Reason == 0 || why < g.Reason {
			g.Reason = why
		}
		g.Users = append(g.Users, u)
	}
	return g, nil
}
