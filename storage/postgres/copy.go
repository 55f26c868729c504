package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
	"rollcall/storage"
)

var _ storage.Copier = (*Store)(nil)

// copyKind is how a copy reads and writes one kind of record: its table, the columns Load
// fills (by COPY), the order of Dump (the key, as bbolt orders it) and the conversions.
type copyKind struct {
	kind  storage.Kind
	table string
	cols  []string
	order string
	// walk reads every record of the table in order, in tx.
	walk func(ctx context.Context, tx pgx.Tx, fn func(any) error) error
	// row is the values of cols for a record.
	row func(v any) ([]any, error)
}

// tableKind copies a table whose rows are an id, its unique keys and the record.
func tableKind[T any](kind storage.Kind, t *table[T]) copyKind {
	return copyKind{kind: kind, table: t.name, cols: t.cols(), order: "id",
		walk: func(ctx context.Context, tx pgx.Tx, fn func(any) error) error {
			return t.each(ctx, tx, "", func(v *T) error { return fn(*v) })
		},
		row: func(v any) ([]any, error) {
			r, ok := v.(T)
			if !ok {
				return nil, fmt.Errorf("%s: %T: %w", kind, v, storage.ErrRecordType)
			}
			return t.row(&r)
		}}
}

// jsonKind copies a table whose data column is the JSON of the record; keys are the other
// columns of cols (data is last), which fix sets back from what the row holds.
func jsonKind[T any](kind storage.Kind, table string, cols []string, order string,
	keys func(*T) []any, fix func(keys []any, v *T)) copyKind {
	sel := "SELECT " + joinCols(cols) + " FROM " + table + " ORDER BY " + order
	return copyKind{kind: kind, table: table, cols: cols, order: order,
		walk: func(ctx context.Context, tx pgx.Tx, fn func(any) error) error {
			rows, err := tx.Query(ctx, sel)
			if err != nil {
				return err
			}
			defer rows.Close()
			n := 0
			for rows.Next() {
				if n++; n%ctxEvery == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				vals, err := rows.Values()
				if err != nil {
					return err
				}
				raw, _ := vals[len(vals)-1].([]byte)
				var v T
				if err := jsonDecode(raw, &v); err != nil {
					return fmt.Errorf("%s: %w", kind, err)
				}
				if fix != nil {
					fix(vals[:len(vals)-1], &v)
				}
				if err := fn(v); err != nil {
					return err
				}
			}
			return rows.Err()
		},
		row: func(v any) ([]any, error) {
			r, ok := v.(T)
			if !ok {
				return nil, fmt.Errorf("%s: %T: %w", kind, v, storage.ErrRecordType)
			}
			raw, err := jsonEncode(&r)
			if err != nil {
				return nil, err
			}
			return append(keys(&r), raw), nil
		}}
}

// idAt reads the bigint at position i of a row's key values.
func idAt(keys []any, i int) model.ID {
	n, _ := keys[i].(int64)
	return model.ID(n)
}

func joinCols(cols []string) string {
	s := ""
	for i, c := range cols {
		if i > 0 {
			s += ", "
		}
		s += c
	}
	return s
}

// copyKinds lists every kind in storage.Kinds order.
func copyKinds() []copyKind {
	return []copyKind{
		tableKind(storage.KindAdmins, admins),
		tableKind(storage.KindOrgs, orgs),
		tableKind(storage.KindClasses, classes),
		tableKind(storage.KindGroups, groups),
		tableKind(storage.KindUsers, users),
		tableKind(storage.KindSubscriptions, subscriptions),
		jsonKind(storage.KindSeats, "seats", []string{"sub_id", "id", "user_id", "data"}, "sub_id, id",
			func(s *model.Seat) []any { return []any{int64(s.SubscriptionID), int64(s.ID), int64(s.UserID)} },
			func(k []any, s *model.Seat) { s.SubscriptionID, s.ID, s.UserID = idAt(k, 0), idAt(k, 1), idAt(k, 2) }),
		jsonKind(storage.KindClaims, "claims", []string{"hash", "data"}, "hash",
			func(c *model.Claim) []any { return []any{[]byte(c.Hash)} }, nil),
		jsonKind(storage.KindVendorKeys, "vendor_keys", []string{"org_id", "fingerprint", "data"}, "org_id, fingerprint",
			func(k *model.VendorKey) []any { return []any{int64(k.OrgID), []byte(k.Fingerprint())} },
			func(key []any, k *model.VendorKey) { k.OrgID = idAt(key, 0) }),
		tableKind(storage.KindInvitations, invitations),
		jsonKind(storage.KindCodes, "codes", []string{"key", "purpose", "subject", "data"}, "key",
			func(c *model.OneTimeCode) []any {
				return []any{codeKey(c.Purpose, c.Hash), []byte(c.Purpose), int64(c.SubjectID)}
			}, nil),
		jsonKind(storage.KindSessions, "sessions", []string{"token", "data"}, "token",
			func(s *model.Session) []any { return []any{[]byte(s.TokenHash)} }, nil),
		jsonKind(storage.KindPersonSessions, "person_sessions", []string{"token", "user_id", "expires", "data"}, "token",
			func(s *model.PersonSession) []any {
				return []any{[]byte(s.TokenHash), int64(s.UserID), expiryNanos(s.ExpiresAt)}
			}, nil),
		stringsKind(storage.KindLocalTokens, "local_tokens", "os_user", "token",
			func(a, b string) any { return storage.LocalToken{OSUser: a, TokenHash: b} },
			func(v any) (string, string, bool) {
				t, ok := v.(storage.LocalToken)
				return t.OSUser, t.TokenHash, ok
			}),
		tableKind(storage.KindImports, imports),
		jsonKind(storage.KindImportUndo, "import_undo", []string{"run_id", "data"}, "run_id",
			func(u *model.ImportUndo) []any { return []any{int64(u.RunID)} },
			func(k []any, u *model.ImportUndo) { u.RunID = idAt(k, 0) }),
		provenanceKind(),
		tableKind(storage.KindCampaigns, campaigns),
		jsonKind(storage.KindRecipients, "campaign_recipients", []string{"campaign_id", "user_id", "data"}, "campaign_id, user_id",
			func(r *model.CampaignRecipient) []any { return []any{int64(r.CampaignID), int64(r.UserID)} },
			func(k []any, r *model.CampaignRecipient) { r.CampaignID, r.UserID = idAt(k, 0), idAt(k, 1) }),
		jsonKind(storage.KindSSHKeys, "ssh_keys", []string{"fingerprint", "admin_id", "data"}, "fingerprint",
			func(k *model.SSHKey) []any { return []any{[]byte(k.Fingerprint), int64(k.AdminID)} }, nil),
		jsonKind(storage.KindSavedFilters, "saved_filters", []string{"admin_id", "name", "data"}, "admin_id, name",
			func(f *model.SavedFilter) []any { return []any{int64(f.AdminID), []byte(f.Name)} }, nil),
		jsonKind(storage.KindAudit, "audit", []string{"id", "subject", "data"}, "id",
			func(e *model.AuditEvent) []any { return []any{int64(e.ID), int64(e.SubjectID)} },
			func(k []any, e *model.AuditEvent) { e.ID = idAt(k, 0) }),
		stringsKind(storage.KindSettings, "settings", "key", "value",
			func(a, b string) any { return storage.Setting{Key: a, Value: b} },
			func(v any) (string, string, bool) {
				s, ok := v.(storage.Setting)
				return s.Key, s.Value, ok
			}),
	}
}

// stringsKind copies a table of two bytea columns holding strings.
func stringsKind(kind storage.Kind, table, a, b string, make func(a, b string) any, split func(any) (string, string, bool)) copyKind {
	return copyKind{kind: kind, table: table, cols: []string{a, b}, order: a,
		walk: func(ctx context.Context, tx pgx.Tx, fn func(any) error) error {
			rows, err := tx.Query(ctx, "SELECT "+a+", "+b+" FROM "+table+" ORDER BY "+a)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var x, y []byte
				if err := rows.Scan(&x, &y); err != nil {
					return err
				}
				if err := fn(make(string(x), string(y))); err != nil {
					return err
				}
			}
			return rows.Err()
		},
		row: func(v any) ([]any, error) {
			x, y, ok := split(v)
			if !ok {
				return nil, fmt.Errorf("%s: %T: %w", kind, v, storage.ErrRecordType)
			}
			return []any{[]byte(x), []byte(y)}, nil
		}}
}

func provenanceKind() copyKind {
	return copyKind{kind: storage.KindProvenance, table: "provenance", cols: []string{"user_id", "data"}, order: "user_id",
		walk: func(ctx context.Context, tx pgx.Tx, fn func(any) error) error {
			rows, err := tx.Query(ctx, "SELECT user_id, data FROM provenance ORDER BY user_id")
			if err != nil {
				return err
			}
			defer rows.Close()
			n := 0
			for rows.Next() {
				if n++; n%ctxEvery == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				var id int64
				var raw []byte
				if err := rows.Scan(&id, &raw); err != nil {
					return err
				}
				p := model.Provenance{}
				if err := json.Unmarshal(raw, &p); err != nil {
					return fmt.Errorf("provenance of user %d: %w", id, storage.ErrCorrupt)
				}
				if err := fn(storage.UserProvenance{UserID: model.ID(id), Provenance: p}); err != nil {
					return err
				}
			}
			return rows.Err()
		},
		row: func(v any) ([]any, error) {
			p, ok := v.(storage.UserProvenance)
			if !ok {
				return nil, fmt.Errorf("provenance: %T: %w", v, storage.ErrRecordType)
			}
			raw, err := json.Marshal(p.Provenance)
			return []any{int64(p.UserID), raw}, err
		}}
}

// sequenceOf names the sequence a kind's ids come from.
func sequenceOf(kinds []copyKind, kind storage.Kind) (string, bool) {
	for _, k := range kinds {
		if k.kind == kind {
			return k.table + "_id_seq", true
		}
	}
	return "", false
}
