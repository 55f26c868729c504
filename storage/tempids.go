package storage

import (
	"fmt"

	"rollcall/model"
)

// TempIDs maps the temporary ids (model.TempID) of one kind of record in a seed or an import
// batch to the real ids a store draws for them. Every store resolves a batch's references with
// it, so they agree on which ids a batch may use.
type TempIDs struct {
	Kind string // "org", "class", …: named in errors
	m    map[model.ID]model.ID
}

// NewTempIDs is an empty map for n records of kind.
func NewTempIDs(kind string, n int) TempIDs {
	return TempIDs{Kind: kind, m: make(map[model.ID]model.ID, n)}
}

// Claim checks that id may be given a real id: 0 (no temporary id) or a temporary id not seen
// before in this batch. It reserves id until Set.
func (t TempIDs) Claim(id model.ID) error {
	if id == 0 {
		return nil
	}
	if !id.IsTemp() {
		return fmt.Errorf("seed: %s %d already has a stored id", t.Kind, id)
	}
	if _, dup := t.m[id]; dup {
		return fmt.Errorf("seed: temporary %s id #%d used twice", t.Kind, tempIndex(id))
	}
	t.m[id] = 0
	return nil
}

// Set records the real id drawn for temp (nothing for 0).
func (t TempIDs) Set(temp, real model.ID) {
	if temp != 0 {
		t.m[temp] = real
	}
}

// Len is how many temporary ids the map holds.
func (t TempIDs) Len() int { return len(t.m) }

// CopyTo adds every temporary id and its real id to dst.
func (t TempIDs) CopyTo(dst map[model.ID]model.ID) {
	for temp, real := range t.m {
		dst[temp] = real
	}
}

func tempIndex(id model.ID) uint64 { return uint64(id &^ model.TempID(0)) }

// Rewriter resolves a batch's references to temporary ids, keeping the first error.
type Rewriter struct{ Err error }

// One is the real id of id (id itself when it is not temporary).
func (w *Rewriter) One(m TempIDs, id model.ID) model.ID {
	if !id.IsTemp() {
		return id
	}
	real, ok := m.m[id]
	if !ok && w.Err == nil {
		w.Err = fmt.Errorf("unknown temporary %s id #%d: %w", m.Kind, tempIndex(id), ErrNotFound)
	}
	return real
}

// All returns a new slice, so the caller's batch keeps its temporary ids.
func (w *Rewriter) All(m TempIDs, ids []model.ID) []model.ID {
	if len(ids) == 0 {
		return ids
	}
	out := make([]model.ID, len(ids))
	for i, id := range ids {
		out[i] = w.One(m, id)
	}
	return out
}

// Reals is the set of real ids drawn: the records a batch created, of this kind only (each
// kind draws its ids from its own sequence, so a new class may have an old user's id).
func (t TempIDs) Reals() map[model.ID]bool {
	out := make(map[model.ID]bool, len(t.m))
	for _, real := range t.m {
		out[real] = true
	}
	return out
}
