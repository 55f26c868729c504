package postgres

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
	"rollcall/storage"
)

// AddSSHKey stores a key whose fingerprint is not registered yet (storage.ErrConflict).
func (s *Store) AddSSHKey(ctx context.Context, k model.SSHKey) error {
	if k.Fingerprint == "" || k.AdminID == 0 {
		return fmt.Errorf("add SSH key: empty fingerprint or admin")
	}
	raw, err := jsonEncode(&k)
	if err != nil {
		return fmt.Errorf("SSH key: %w", err)
	}
	return s.update(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO ssh_keys (fingerprint, admin_id, data) VALUES ($1, $2, $3)
			ON CONFLICT (fingerprint) DO NOTHING`, []byte(k.Fingerprint), int64(k.AdminID), raw)
		if err == nil && tag.RowsAffected() == 0 {
			err = fmt.Errorf("SSH key %s: %w", k.Fingerprint, storage.ErrConflict)
		}
		return err
	})
}

// SSHKey finds a key by fingerprint (storage.ErrNotFound).
func (s *Store) SSHKey(ctx context.Context, fingerprint string) (k model.SSHKey, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		raw, err := getBytes(ctx, tx, "SELECT data FROM ssh_keys WHERE fingerprint = $1", []byte(fingerprint))
		if err != nil || fingerprint == "" {
			return fmt.Errorf("SSH key %s: %w", fingerprint, notFound(err))
		}
		return jsonDecode(raw, &k)
	})
	return k, err
}

// ListSSHKeys returns an admin's keys (everyone's for 0), oldest first; keys added at the
// same instant come in fingerprint byte order.
func (s *Store) ListSSHKeys(ctx context.Context, adminID model.ID) (out []model.SSHKey, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		out, err = jsonRows[model.SSHKey](ctx, tx,
			"SELECT data FROM ssh_keys WHERE $1 = 0 OR admin_id = $1 ORDER BY fingerprint", int64(adminID))
		return err
	})
	slices.SortStableFunc(out, func(a, b model.SSHKey) int { return a.AddedAt.Compare(b.AddedAt) })
	return out, err
}

// DeleteSSHKey removes a key (storage.ErrNotFound).
func (s *Store) DeleteSSHKey(ctx context.Context, fingerprint string) error {
	return s.update(ctx, func(tx pgx.Tx) error {
		return deleted(tx.Exec(ctx, "DELETE FROM ssh_keys WHERE fingerprint = $1", []byte(fingerprint)))("SSH key " + fingerprint)
	})
}

// PutVendorKey files a school's vendor key; added is false when the school had it.
func (s *Store) PutVendorKey(ctx context.Context, k model.VendorKey, audit *model.AuditEvent) (added bool, err error) {
	if len(k.Public) != 32 {
		return false, fmt.Errorf("vendor key: %d bytes, want 32", len(k.Public))
	}
	raw, err := jsonEncode(&k)
	if err != nil {
		return false, err
	}
	err = s.update(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO vendor_keys (org_id, fingerprint, data) VALUES ($1, $2, $3)
			ON CONFLICT (org_id, fingerprint) DO NOTHING`, int64(k.OrgID), []byte(k.Fingerprint()), raw)
		if added = err == nil && tag.RowsAffected() == 1; !added || audit == nil {
			return err
		}
		ev := *audit
		return appendAudit(ctx, tx, &ev)
	})
	if err != nil {
		added = false
	}
	return added, err
}

// DeleteVendorKey removes a school's key and records why in the same transaction.
func (s *Store) DeleteVendorKey(ctx context.Context, org model.ID, fingerprint string, audit *model.AuditEvent) error {
	return s.update(ctx, func(tx pgx.Tx) error {
		err := deleted(tx.Exec(ctx, "DELETE FROM vendor_keys WHERE org_id = $1 AND fingerprint = $2",
			int64(org), []byte(fingerprint)))("vendor key " + fingerprint)
		if err != nil || audit == nil {
			return err
		}
		ev := *audit
		return appendAudit(ctx, tx, &ev)
	})
}

// ListVendorKeys returns a school's keys in fingerprint order.
func (s *Store) ListVendorKeys(ctx context.Context, org model.ID) (out []model.VendorKey, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		out, err = jsonRows[model.VendorKey](ctx, tx, "SELECT data FROM vendor_keys WHERE org_id = $1 ORDER BY fingerprint", int64(org))
		return err
	})
	for i := range out {
		out[i].OrgID = org // keys copied to each school by schema 5 keep the data they had
	}
	return out, err
}

// SaveFilter stores a filter, replacing one of the same name.
func (s *Store) SaveFilter(ctx context.Context, f model.SavedFilter) error {
	if f.AdminID == 0 || f.Name == "" {
		return fmt.Errorf("save filter: empty admin or name")
	}
	raw, err := jsonEncode(&f)
	if err != nil {
		return fmt.Errorf("filter: %w", err)
	}
	return s.update(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO saved_filters (admin_id, name, data) VALUES ($1, $2, $3)
			ON CONFLICT (admin_id, name) DO UPDATE SET data = EXCLUDED.data`, int64(f.AdminID), []byte(f.Name), raw)
		return err
	})
}

// SavedFilters returns an admin's filters in the byte order of their names.
func (s *Store) SavedFilters(ctx context.Context, adminID model.ID) (out []model.SavedFilter, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		out, err = jsonRows[model.SavedFilter](ctx, tx,
			"SELECT data FROM saved_filters WHERE admin_id = $1 ORDER BY name", int64(adminID))
		return err
	})
	return out, err
}

// DeleteFilter removes a filter (storage.ErrNotFound).
func (s *Store) DeleteFilter(ctx context.Context, adminID model.ID, name string) error {
	return s.update(ctx, func(tx pgx.Tx) error {
		return deleted(tx.Exec(ctx, "DELETE FROM saved_filters WHERE admin_id = $1 AND name = $2",
			int64(adminID), []byte(name)))(fmt.Sprintf("filter %q", name))
	})
}

// AppendAudit records an event and sets e.ID.
func (s *Store) AppendAudit(ctx context.Context, e *model.AuditEvent) error {
	return s.update(ctx, func(tx pgx.Tx) error { return appendAudit(ctx, tx, e) })
}

// appendAudit records an event inside a write transaction and sets e.ID once stored; a nil
// event is nothing to record.
func appendAudit(ctx context.Context, tx pgx.Tx, e *model.AuditEvent) error {
	if e == nil {
		return nil
	}
	v := *e
	ids, err := audit.newIDs(ctx, tx, 1)
	if err != nil {
		return err
	}
	v.ID = ids[0]
	raw, err := jsonEncode(&v)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO audit (id, subject, data) VALUES ($1, $2, $3)",
		int64(v.ID), int64(v.SubjectID), raw); err != nil {
		return err
	}
	e.ID = v.ID
	return nil
}

// audit is only used for its sequence and decoding; rows are written by appendAudit, which
// also fills the subject column.
var audit = &table[model.AuditEvent]{kind: "audit event", name: "audit",
	id:     func(e *model.AuditEvent) *model.ID { return &e.ID },
	encode: jsonEncode[model.AuditEvent], decode: jsonDecode[model.AuditEvent]}

// ListAudit returns the events about subject (every event when subject is 0), oldest first.
func (s *Store) ListAudit(ctx context.Context, subject model.ID) (out []model.AuditEvent, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		return audit.each(ctx, tx, "WHERE $1 = 0 OR subject = $1", func(e *model.AuditEvent) error {
			out = append(out, *e)
			return nil
		}, int64(subject))
	})
	return out, err
}

// jsonRows decodes the one data column of every row of q.
func jsonRows[T any](ctx context.Context, tx pgx.Tx, q string, args ...any) ([]T, error) {
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (T, error) {
		var v T
		var raw []byte
		if err := r.Scan(&raw); err != nil {
			return v, err
		}
		return v, jsonDecode(raw, &v)
	})
}
