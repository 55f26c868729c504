package bolt

import (
	"context"

	"go.etcd.io/bbolt"

	"rollcall/model"
)

// admins are keyed by id and indexed by normalized email (unique).
var admins = &table[model.Admin]{
	kind:   "admin",
	bucket: bucketAdmins,
	id:     func(a *model.Admin) *model.ID { return &a.ID },
	encode: jsonEncode[model.Admin],
	decode: jsonDecode[model.Admin],
	indexes: []index[model.Admin]{{
		bucket: bucketAdminByEmail,
		key:    func(a *model.Admin) []byte { return emailKey(a.Email) },
		label:  func(a *model.Admin) string { return a.Email },
	}},
}

func emailKey(email string) []byte {
	if e := model.NormalizeEmail(email); e != "" {
		return []byte(e)
	}
	return nil
}

// CreateAdmin stores a new admin and sets a.ID. The email, normalized, must be free
// (storage.ErrConflict).
func (s *Store) CreateAdmin(ctx context.Context, a *model.Admin) error {
	v := *a
	err := s.update(ctx, func(tx *bbolt.Tx) error { return admins.create(tx, &v) })
	if err == nil {
		a.ID = v.ID
	}
	return err
}

// Admin returns the admin id (storage.ErrNotFound).
func (s *Store) Admin(ctx context.Context, id model.ID) (a model.Admin, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		a, err = admins.get(tx, id)
		return err
	})
	return a, err
}

// AdminByEmail finds an admin by email, compared after model.NormalizeEmail.
func (s *Store) AdminByEmail(ctx context.Context, email string) (a model.Admin, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		a, err = admins.lookup(tx, 0, emailKey(email), email)
		return err
	})
	return a, err
}

// UpdateAdmin replaces a stored admin (storage.ErrNotFound); a new email must be free
// (storage.ErrConflict).
func (s *Store) UpdateAdmin(ctx context.Context, a model.Admin) error {
	return s.update(ctx, func(tx *bbolt.Tx) error { return admins.update(tx, &a) })
}

// ListAdmins returns every admin in id order.
func (s *Store) ListAdmins(ctx context.Context) (out []model.Admin, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		out, err = admins.list(ctx, tx)
		return err
	})
	return out, err
}
