package bolt

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage"
)

// imports are the history of import runs, stored as JSON: a few hundred a year.
var imports = &table[model.ImportRun]{
	kind:   "import",
	bucket: bucketImports,
	id:     func(r *model.ImportRun) *model.ID { return &r.ID },
	encode: jsonEncode[model.ImportRun],
	decode: jsonDecode[model.ImportRun],
}

// ListImports returns the history, newest first.
func (s *Store) ListImports(ctx context.Context) (out []model.ImportRun, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		out, err = imports.list(ctx, tx)
		return err
	})
	slices.Reverse(out)
	return out, err
}

// ImportUndo returns what undoing a run needs (storage.ErrNotFound once it was dropped).
func (s *Store) ImportUndo(ctx context.Context, runID model.ID) (u model.ImportUndo, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		raw := tx.Bucket(bucketImportUndo).Get(itob(runID))
		if raw == nil {
			return fmt.Errorf("undo of import %d: %w", runID, storage.ErrNotFound)
		}
		return jsonDecode(raw, &u)
	})
	return u, err
}

// Provenance returns where each import-set field of a user came from (empty when none).
func (s *Store) Provenance(ctx context.Context, userID model.ID) (p model.Provenance, err error) {
	err = s.view(ctx, func(tx *bbolt.Tx) error {
		p, err = readProvenance(tx, userID)
		return err
	})
	return p, err
}

func readProvenance(tx *bbolt.Tx, userID model.ID) (model.Provenance, error) {
	raw := tx.Bucket(bucketProvenance).Get(itob(userID))
	if raw == nil {
		return model.Provenance{}, nil
	}
	return decodeProvenance(raw)
}

// applyImportParts records a batch's import run, undo data and provenance, rewriting the
// temporary ids the batch's records were given. fresh says which users the batch created: they
// have no stored provenance to merge.
func applyImportParts(tx *bbolt.Tx, b storage.Batch, ids map[model.ID]model.ID, fresh func(model.ID) bool) error {
	if b.Import != nil {
		run := *b.Import
		run.OrgIDs = make([]model.ID, len(b.Import.OrgIDs))
		for i, id := range b.Import.OrgIDs {
			run.OrgIDs[i] = real(ids, id)
		}
		var err error
		if run.ID.IsTemp() {
			temp := run.ID
			if run.ID, err = imports.newID(tx); err != nil {
				return err
			}
			ids[temp] = run.ID
			err = imports.insert(tx, &run)
		} else {
			err = imports.update(tx, &run)
		}
		if err != nil {
			return err
		}
	}
	if b.Undo != nil {
		if err := putUndo(tx, *b.Undo, ids); err != nil {
			return err
		}
	}
	for id, fields := range b.DropProvenance {
		if err := mergeProvenance(tx, real(ids, id), nil, fields); err != nil {
			return err
		}
	}
	// In id order: the provenance keys are appended, not inserted all over the bucket.
	bk := tx.Bucket(bucketProvenance)
	bk.FillPercent = appendFill // keyed by user id, written in id order: new users' go at the end
	err := storage.OriginsByUser(&b, func(id model.ID) model.ID { return real(ids, id) }, func(id model.ID, items []storage.FieldsOrigin) error {
		if !fresh(id) {
			return mergeProvenance(tx, id, storage.MergeOrigins(items), nil)
		}
		if len(items) > 1 || items[0].Fields == 0 {
			return putProvenance(tx, id, storage.MergeOrigins(items))
		}
		// A new user's fields from one row: what an import is made of, encoded as it comes
		// (into a buffer of its own: bbolt keeps the value until the commit).
		return bk.Put(itob(id), appendOneOrigin(make([]byte, 0, 48+len(items[0].Origin.File)), items[0].Fields, items[0].Origin))
	})
	if err != nil {
		return err
	}
	for _, id := range b.DeleteUsers {
		if err := tx.Bucket(bucketProvenance).Delete(itob(id)); err != nil {
			return err
		}
	}
	return nil
}

func real(ids map[model.ID]model.ID, id model.ID) model.ID {
	if r, ok := ids[id]; ok {
		return r
	}
	return id
}

func putUndo(tx *bbolt.Tx, u model.ImportUndo, ids map[model.ID]model.ID) error {
	u.RunID = real(ids, u.RunID)
	if u.RunID.IsTemp() {
		return fmt.Errorf("undo for an unknown temporary import: %w", storage.ErrNotFound)
	}
	for _, list := range []*[]model.ID{&u.NewUsers, &u.NewClasses, &u.NewGroups, &u.NewOrgs} {
		out := make([]model.ID, len(*list))
		for i, id := range *list {
			out[i] = real(ids, id)
		}
		*list = out
	}
	raw, err := json.Marshal(u)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketImportUndo).Put(itob(u.RunID), raw)
}

// mergeProvenance sets the fields of p and forgets the fields in drop, for one user.
func mergeProvenance(tx *bbolt.Tx, userID model.ID, p model.Provenance, drop []model.Field) error {
	cur, err := readProvenance(tx, userID)
	if err != nil {
		return err
	}
	for f, o := range p {
		cur[f] = o
	}
	for _, f := range drop {
		delete(cur, f)
	}
	return putProvenance(tx, userID, cur)
}

func putProvenance(tx *bbolt.Tx, userID model.ID, p model.Provenance) error {
	bk := tx.Bucket(bucketProvenance)
	bk.FillPercent = appendFill // keyed by user id, written in id order: new users' go at the end
	if len(p) == 0 {
		return bk.Delete(itob(userID))
	}
	raw, err := encodeProvenance(p)
	if err != nil {
		return err
	}
	return bk.Put(itob(userID), raw)
}
