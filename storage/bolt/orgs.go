package bolt

import (
	"context"

	"go.etcd.io/bbolt"

	"rollcall/model"
)

// orgs are keyed by id, without secondary index: an installation has a handful.
var orgs = &table[model.Organization]{
	kind:   "organization",
	bucket: bucketOrgs,
	id:     func(o *model.Organization) *model.ID { return &o.ID },
	encode: jsonEncode[model.Organization],
	decode: jsonDecode[model.Organization],
}

// CreateOrg stores a new organization and sets o.ID.
func (s *Store) CreateOrg(ctx context.Context, o *model.Organization) error {
	v := *o
	err := s.update(ctx, func(tx *bbolt.Tx) error { return orgs.create(tx, &v) })
	if err == nil {
		o.ID = v.ID
	}
	return err
}

// Org returns the organization id (storage.ErrNotFound).
func (s *Store) Org(ctx context.Context, id model.ID) (o model.Organization, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		o, err = orgs.get(tx, id)
		return err
	})
	return o, err
}

// UpdateOrg replaces a stored organization (storage.ErrNotFound).
func (s *Store) UpdateOrg(ctx context.Context, o model.Organization) error {
	return s.update(ctx, func(tx *bbolt.Tx) error { return orgs.update(tx, &o) })
}

// ListOrgs returns every organization in id order.
func (s *Store) ListOrgs(ctx context.Context) (out []model.Organization, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		out, err = orgs.list(ctx, tx)
		return err
	})
	return out, err
}
