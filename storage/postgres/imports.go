package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"rollcall/model"
	"rollcall/storage"
)

// ListImports returns the history, newest first.
func (s *Store) ListImports(ctx context.Context) ([]model.ImportRun, error) {
	out, err := listIn(ctx, s, imports)
	slices.Reverse(out)
	return out, err
}

// ImportUndo returns what undoing a run needs (storage.ErrNotFound once it was dropped).
func (s *Store) ImportUndo(ctx context.Context, runID model.ID) (u model.ImportUndo, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		raw, err := getBytes(ctx, tx, "SELECT data FROM import_undo WHERE run_id = $1", int64(runID))
		if err != nil {
			return fmt.Errorf("undo of import %d: %w", runID, notFound(err))
		}
		return jsonDecode(raw, &u)
	})
	return u, err
}

// Provenance returns where each import-set field of a user came from (empty when none).
func (s *Store) Provenance(ctx context.Context, userID model.ID) (p model.Provenance, err error) {
	err = s.view(ctx, func(tx pgx.Tx) error {
		p, err = readProvenance(ctx, tx, userID)
		return err
	})
	return p, err
}

func readProvenance(ctx context.Context, tx pgx.Tx, userID model.ID) (model.Provenance, error) {
	raw, err := getBytes(ctx, tx, "SELECT data FROM provenance WHERE user_id = $1", int64(userID))
	if errors.Is(err, pgx.ErrNoRows) {
		return model.Provenance{}, nil
	} else if err != nil {
		return nil, err
	}
	p := model.Provenance{}
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, fmt.Errorf("provenance of user %d: %w", userID, storage.ErrCorrupt)
	}
	return p, nil
}

// applyImportParts records a batch's import run, undo data and provenance, rewriting the
// temporary ids the batch's records were given. fresh holds the users the batch created: they
// have no stored provenance to merge.
func applyImportParts(ctx context.Context, tx pgx.Tx, b storage.Batch, ids map[model.ID]model.ID, fresh map[model.ID]bool) error {
	if b.Import != nil {
		run := *b.Import
		run.OrgIDs = make([]model.ID, len(b.Import.OrgIDs))
		for i, id := range b.Import.OrgIDs {
			run.OrgIDs[i] = real(ids, id)
		}
		if run.ID.IsTemp() {
			temp := run.ID
			if err := imports.create(ctx, tx, &run); err != nil {
				return err
			}
			ids[temp] = run.ID
		} else if err := imports.update(ctx, tx, &run); err != nil {
			return err
		}
	}
	if b.Undo != nil {
		if err := putUndo(ctx, tx, *b.Undo, ids); err != nil {
			return err
		}
	}
	for id, fields := range b.DropProvenance {
		if err := mergeProvenance(ctx, tx, real(ids, id), nil, fields); err != nil {
			return err
		}
	}
	var rows [][]any
	err := storage.ProvenanceByUser(&b, func(id model.ID) model.ID { return real(ids, id) }, func(id model.ID, p model.Provenance) error {
		if !fresh[id] {
			return mergeProvenance(ctx, tx, id, p, nil)
		}
		if len(p) == 0 {
			return nil
		}
		raw, err := json.Marshal(p)
		if err != nil {
			return err
		}
		rows = append(rows, []any{int64(id), raw})
		return nil
	})
	if err != nil {
		return err
	}
	if len(rows) > 0 {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"provenance"}, []string{"user_id", "data"}, pgx.CopyFromRows(rows)); err != nil {
			return err
		}
	}
	if len(b.DeleteUsers) > 0 {
		if _, err := tx.Exec(ctx, "DELETE FROM provenance WHERE user_id = ANY($1)", idArray(b.DeleteUsers)); err != nil {
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

func idArray(ids []model.ID) []int64 {
	out := make([]int64, len(ids))
	for i, id := range ids {
		out[i] = int64(id)
	}
	return out
}

func putUndo(ctx context.Context, tx pgx.Tx, u model.ImportUndo, ids map[model.ID]model.ID) error {
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
	_, err = tx.Exec(ctx, `INSERT INTO import_undo (run_id, data) VALUES ($1, $2)
		ON CONFLICT (run_id) DO UPDATE SET data = EXCLUDED.data`, int64(u.RunID), raw)
	return err
}

// mergeProvenance sets the fields of p and forgets the fields in drop, for one user.
func mergeProvenance(ctx context.Context, tx pgx.Tx, userID model.ID, p model.Provenance, drop []model.Field) error {
	cur, err := readProvenance(ctx, tx, userID)
	if err != nil {
		return err
	}
	for f, o := range p {
		cur[f] = o
	}
	for _, f := range drop {
		delete(cur, f)
	}
	if len(cur) == 0 {
		_, err := tx.Exec(ctx, "DELETE FROM provenance WHERE user_id = $1", int64(userID))
		return err
	}
	raw, err := json.Marshal(cur)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO provenance (user_id, data) VALUES ($1, $2)
		ON CONFLICT (user_id) DO UPDATE SET data = EXCLUDED.data`, int64(userID), raw)
	return err
}
