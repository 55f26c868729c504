package bolt

import (
	"context"

	"go.etcd.io/bbolt"

	"rollcall/model"
)

// classes are keyed by id and indexed by (organization, code), unique. Codes compare exactly:
// "3A" and "3a" are two classes.
var classes = &table[model.Class]{
	kind:   "class",
	bucket: bucketClasses,
	id:     func(c *model.Class) *model.ID { return &c.ID },
	encode: jsonEncode[model.Class],
	decode: jsonDecode[model.Class],
	indexes: []index[model.Class]{{
		bucket: bucketClassByCode,
		key:    func(c *model.Class) []byte { return orgCodeKey(c.OrgID, c.Code) },
		label:  func(c *model.Class) string { return c.Code },
	}},
}

// groups are keyed by id and indexed by (organization, code), unique.
var groups = &table[model.Group]{
	kind:   "group",
	bucket: bucketGroups,
	id:     func(g *model.Group) *model.ID { return &g.ID },
	encode: jsonEncode[model.Group],
	decode: jsonDecode[model.Group],
	indexes: []index[model.Group]{{
		bucket: bucketGroupByCode,
		key:    func(g *model.Group) []byte { return orgCodeKey(g.OrgID, g.Code) },
		label:  func(g *model.Group) string { return g.Code },
	}},
}

// CreateClass stores a new class and sets c.ID; its code must be free in its organization
// (storage.ErrConflict).
func (s *Store) CreateClass(ctx context.Context, c *model.Class) error {
	v := *c
	err := s.update(ctx, func(tx *bbolt.Tx) error { return classes.create(tx, &v) })
	if err == nil {
		c.ID = v.ID
	}
	return err
}

// Class returns the class id (storage.ErrNotFound).
func (s *Store) Class(ctx context.Context, id model.ID) (c model.Class, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		c, err = classes.get(tx, id)
		return err
	})
	return c, err
}

// UpdateClass replaces a stored class (storage.ErrNotFound); a changed code or organization
// must be free (storage.ErrConflict).
func (s *Store) UpdateClass(ctx context.Context, c model.Class) error {
	return s.update(ctx, func(tx *bbolt.Tx) error { return classes.update(tx, &c) })
}

// DeleteClass removes a class (storage.ErrNotFound). Users keep the id in their ClassIDs:
// dropping it there is the application's business.
func (s *Store) DeleteClass(ctx context.Context, id model.ID) error {
	return s.update(ctx, func(tx *bbolt.Tx) error { return classes.delete(tx, id) })
}

// ListClasses returns every class in id order.
func (s *Store) ListClasses(ctx context.Context) (out []model.Class, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		out, err = classes.list(ctx, tx)
		return err
	})
	return out, err
}

// CreateGroup stores a new group and sets g.ID; its code must be free in its organization
// (storage.ErrConflict).
func (s *Store) CreateGroup(ctx context.Context, g *model.Group) error {
	v := *g
	err := s.update(ctx, func(tx *bbolt.Tx) error { return groups.create(tx, &v) })
	if err == nil {
		g.ID = v.ID
	}
	return err
}

// Group returns the group id (storage.ErrNotFound).
func (s *Store) Group(ctx context.Context, id model.ID) (g model.Group, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		g, err = groups.get(tx, id)
		return err
	})
	return g, err
}

// UpdateGroup replaces a stored group (storage.ErrNotFound); a changed code or organization
// must be free (storage.ErrConflict).
func (s *Store) UpdateGroup(ctx context.Context, g model.Group) error {
	return s.update(ctx, func(tx *bbolt.Tx) error { return groups.update(tx, &g) })
}

// DeleteGroup removes a group (storage.ErrNotFound). Users keep the id in their GroupIDs.
func (s *Store) DeleteGroup(ctx context.Context, id model.ID) error {
	return s.update(ctx, func(tx *bbolt.Tx) error { return groups.delete(tx, id) })
}

// ListGroups returns every group in id order.
func (s *Store) ListGroups(ctx context.Context) (out []model.Group, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		out, err = groups.list(ctx, tx)
		return err
	})
	return out, err
}
