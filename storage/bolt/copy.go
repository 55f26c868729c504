package bolt

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

var _ storage.Copier = (*Store)(nil)

// copyKind is how a copy reads and writes one kind of record: its bucket (whose sequence is the
// kind's), a walk in key order and a write that keeps the record's key and fills its indexes.
type copyKind struct {
	kind   storage.Kind
	bucket []byte
	dump   func(ctx context.Context, tx *bbolt.Tx, fn func(any) error) error
	load   func(tx *bbolt.Tx, v any) error
}

// tableKind copies a table: records by id, with their unique indexes.
func tableKind[T any](kind storage.Kind, t *table[T]) copyKind {
	return copyKind{kind: kind, bucket: t.bucket,
		dump: func(ctx context.Context, tx *bbolt.Tx, fn func(any) error) error {
			return t.each(ctx, tx, func(v *T) error { return fn(*v) })
		},
		load: func(tx *bbolt.Tx, v any) error {
			r, ok := v.(T)
			if !ok {
				return fmt.Errorf("%s: %T: %w", kind, v, storage.ErrRecordType)
			}
			return t.insert(tx, &r)
		}}
}

// bucketKind copies a bucket of key → JSON record; fix sets what the key holds rather than
// the value (ids of seats and recipients).
func bucketKind[T any](kind storage.Kind, bucket []byte, key func(*T) []byte, fix func(k []byte, v *T)) copyKind {
	return copyKind{kind: kind, bucket: bucket,
		dump: func(ctx context.Context, tx *bbolt.Tx, fn func(any) error) error {
			return eachRaw(ctx, tx, bucket, func(k, raw []byte) error {
				var v T
				if err := jsonDecode(raw, &v); err != nil {
					return fmt.Errorf("%s %x: %w", kind, k, err)
				}
				if fix != nil {
					fix(k, &v)
				}
				return fn(v)
			})
		},
		load: func(tx *bbolt.Tx, v any) error {
			r, ok := v.(T)
			if !ok {
				return fmt.Errorf("%s: %T: %w", kind, v, storage.ErrRecordType)
			}
			raw, err := jsonEncode(&r)
			if err != nil {
				return err
			}
			return tx.Bucket(bucket).Put(key(&r), raw)
		}}
}

// eachRaw walks a bucket in key order, looking at ctx every ctxEvery keys.
func eachRaw(ctx context.Context, tx *bbolt.Tx, bucket []byte, fn func(k, v []byte) error) error {
	c := tx.Bucket(bucket).Cursor()
	n := 0
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if n++; n%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
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
		{kind: storage.KindSeats, bucket: bucketSeats,
			dump: bucketKind[model.Seat](storage.KindSeats, bucketSeats, nil, func(k []byte, s *model.Seat) {
				s.SubscriptionID, s.ID = btoi(k[:8]), btoi(k[8:])
			}).dump,
			load: func(tx *bbolt.Tx, v any) error {
				s, ok := v.(model.Seat)
				if !ok {
					return fmt.Errorf("seats: %T: %w", v, storage.ErrRecordType)
				}
				return putSeat(tx, s)
			}},
		bucketKind(storage.KindClaims, bucketClaims, func(c *model.Claim) []byte { return []byte(c.Hash) }, nil),
		bucketKind(storage.KindVendorKeys, bucketVendorKeys, func(k *model.VendorKey) []byte { return vendorKeyKey(k.OrgID, k.Fingerprint()) },
			func(key []byte, k *model.VendorKey) { k.OrgID = btoi(key[:8]) }),
		tableKind(storage.KindInvitations, invitations),
		bucketKind(storage.KindCodes, bucketCodes, func(c *model.OneTimeCode) []byte { return codeKey(c.Purpose, c.Hash) }, nil),
		bucketKind(storage.KindSessions, bucketSessions, func(s *model.Session) []byte { return []byte(s.TokenHash) }, nil),
		{kind: storage.KindPersonSessions, bucket: bucketPersonSessions,
			dump: bucketKind[model.PersonSession](storage.KindPersonSessions, bucketPersonSessions, nil, nil).dump,
			load: func(tx *bbolt.Tx, v any) error {
				ps, ok := v.(model.PersonSession)
				if !ok || ps.TokenHash == "" {
					return fmt.Errorf("person sessions: %T: %w", v, storage.ErrRecordType)
				}
				raw, err := jsonEncode(&ps)
				if err != nil {
					return err
				}
				return putPersonSession(tx, ps, raw)
			}},
		rawKind(storage.KindLocalTokens, bucketLocalTokens,
			func(k, v []byte) any { return storage.LocalToken{OSUser: string(k), TokenHash: string(v)} },
			func(v any) ([]byte, []byte, bool) {
				t, ok := v.(storage.LocalToken)
				return []byte(t.OSUser), []byte(t.TokenHash), ok
			}),
		tableKind(storage.KindImports, imports),
		bucketKind(storage.KindImportUndo, bucketImportUndo, func(u *model.ImportUndo) []byte { return itob(u.RunID) },
			func(k []byte, u *model.ImportUndo) { u.RunID = btoi(k) }),
		provenanceKind(),
		tableKind(storage.KindCampaigns, campaigns),
		bucketKind(storage.KindRecipients, bucketRecipients,
			func(r *model.CampaignRecipient) []byte { return recipientKey(r.CampaignID, r.UserID) },
			func(k []byte, r *model.CampaignRecipient) { r.CampaignID, r.UserID = btoi(k[:8]), btoi(k[8:]) }),
		bucketKind(storage.KindSSHKeys, bucketSSHKeys, func(k *model.SSHKey) []byte { return []byte(k.Fingerprint) }, nil),
		bucketKind(storage.KindSavedFilters, bucketSavedFilters, func(f *model.SavedFilter) []byte { return filterKey(f.AdminID, f.Name) }, nil),
		tableKind(storage.KindAudit, audit),
		rawKind(storage.KindSettings, bucketSettings,
			func(k, v []byte) any { return storage.Setting{Key: string(k), Value: string(v)} },
			func(v any) ([]byte, []byte, bool) {
				s, ok := v.(storage.Setting)
				return []byte(s.Key), []byte(s.Value), ok
			}),
	}
}

// rawKind copies a bucket of plain strings.
func rawKind(kind storage.Kind, bucket []byte, decode func(k, v []byte) any, encode func(any) ([]byte, []byte, bool)) copyKind {
	return copyKind{kind: kind, bucket: bucket,
		dump: func(ctx context.Context, tx *bbolt.Tx, fn func(any) error) error {
			return eachRaw(ctx, tx, bucket, func(k, v []byte) error { return fn(decode(k, v)) })
		},
		load: func(tx *bbolt.Tx, v any) error {
			k, val, ok := encode(v)
			if !ok {
				return fmt.Errorf("%s: %T: %w", kind, v, storage.ErrRecordType)
			}
			return tx.Bucket(bucket).Put(k, val)
		}}
}

func provenanceKind() copyKind {
	return copyKind{kind: storage.KindProvenance, bucket: bucketProvenance,
		dump: func(ctx context.Context, tx *bbolt.Tx, fn func(any) error) error {
			return eachRaw(ctx, tx, bucketProvenance, func(k, raw []byte) error {
				p, err := decodeProvenance(raw)
				if err != nil {
					return fmt.Errorf("provenance of user %d: %w", btoi(k), err)
				}
				return fn(storage.UserProvenance{UserID: btoi(k), Provenance: p})
			})
		},
		load: func(tx *bbolt.Tx, v any) error {
			p, ok := v.(storage.UserProvenance)
			if !ok {
				return fmt.Errorf("provenance: %T: %w", v, storage.ErrRecordType)
			}
			return putProvenance(tx, p.UserID, p.Provenance)
		}}
}

// Dump walks every bucket of one read transaction, kind by kind, then reports the sequences.
func (s *Store) Dump(ctx context.Context, fn func(storage.Record) error) error {
	kinds := copyKinds()
	return s.view(ctx, func(tx *bbolt.Tx) error {
		for _, k := range kinds {
			err := k.dump(ctx, tx, func(v any) error { return fn(storage.Record{Kind: k.kind, Value: v}) })
			if err != nil {
				return err
			}
		}
		for _, kind := range storage.Sequenced {
			seq := tx.Bucket(kindBucket(kinds, kind)).Sequence()
			if err := fn(storage.Record{Kind: storage.KindSequences, Value: storage.Sequence{Of: kind, Last: seq}}); err != nil {
				return err
			}
		}
		return nil
	})
}

func kindBucket(kinds []copyKind, kind storage.Kind) []byte {
	for _, k := range kinds {
		if k.kind == kind {
			return k.bucket
		}
	}
	panic("bolt: no bucket for kind " + string(kind)) // storage.Sequenced and copyKinds disagree: a bug
}

// Load writes the records in one write transaction, after checking that the file holds none.
func (s *Store) Load(ctx context.Context, records func(put func(storage.Record) error) error) error {
	kinds := copyKinds()
	byKind := make(map[storage.Kind]copyKind, len(kinds))
	for _, k := range kinds {
		byKind[k.kind] = k
	}
	return s.update(ctx, func(tx *bbolt.Tx) error {
		for _, k := range kinds {
			if key, _ := tx.Bucket(k.bucket).Cursor().First(); key != nil {
				return storage.ErrNotEmpty
			}
		}
		ul := userLoad{keys: make([][]indexEntry, len(users.indexes))}
		n := 0
		err := records(func(r storage.Record) error {
			if n++; n%ctxEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			switch r.Kind {
			case storage.KindUsers:
				u, ok := r.Value.(model.User)
				if !ok {
					return fmt.Errorf("users: %T: %w", r.Value, storage.ErrRecordType)
				}
				return ul.put(tx, &u)
			case storage.KindSequences:
				seq, ok := r.Value.(storage.Sequence)
				if !ok {
					return fmt.Errorf("sequences: %T: %w", r.Value, storage.ErrRecordType)
				}
				if _, known := byKind[seq.Of]; !known {
					return fmt.Errorf("sequence of %q: %w", seq.Of, storage.ErrRecordType)
				}
				return tx.Bucket(byKind[seq.Of].bucket).SetSequence(seq.Last)
			}
			k, ok := byKind[r.Kind]
			if !ok {
				return fmt.Errorf("kind %q: %w", r.Kind, storage.ErrRecordType)
			}
			tx.Bucket(k.bucket).FillPercent = appendFill // records come in key order
			return k.load(tx, r.Value)
		})
		if err != nil {
			return err
		}
		return ul.finish(tx)
	})
}

// userLoad writes users as they come (in id order: appends) and their index keys at the end,
// each index sorted once. bbolt splits a transaction's nodes only at commit, so index keys put
// in any other order into one transaction memmove ever larger nodes: a million users in sorted
// chunks of 100,000 took over a quarter of an hour.
type userLoad struct {
	keys [][]indexEntry // per index of users
}

type indexEntry struct {
	key []byte
	id  model.ID
}

func (l *userLoad) put(tx *bbolt.Tx, u *model.User) error {
	for i := range users.indexes {
		if k := users.indexes[i].key(u); len(k) > 0 {
			l.keys[i] = append(l.keys[i], indexEntry{k, u.ID})
		}
	}
	return users.put(tx, u, u.ID)
}

// finish writes each index in key order; a key given twice is storage.ErrConflict.
func (l *userLoad) finish(tx *bbolt.Tx) error {
	for i, entries := range l.keys {
		slices.SortFunc(entries, func(a, b indexEntry) int { return bytes.Compare(a.key, b.key) })
		b := tx.Bucket(users.indexes[i].bucket)
		for n, e := range entries {
			if n > 0 && bytes.Equal(entries[n-1].key, e.key) {
				return fmt.Errorf("user %q is given to users %d and %d: %w", e.key, entries[n-1].id, e.id, storage.ErrConflict)
			}
			if err := b.Put(e.key, itob(e.id)); err != nil {
				return err
			}
		}
	}
	return nil
}
