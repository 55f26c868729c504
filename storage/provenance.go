package storage

import (
	"slices"

	"rollcall/model"
)

// FieldsOrigin says that one import row set some fields of one user.
type FieldsOrigin struct {
	User   model.ID
	Fields model.FieldSet
	Origin model.Origin
}

// ProvenanceByUser calls fn once for each user whose provenance b sets, in ascending order of
// the id real gives it, with the fields set (Origins and Provenance merged) and their origins.
// real maps a batch's temporary ids, the users' and the origins' runs, to the ids written. Only
// one user's map exists at a time, so a batch of 300,000 new users never holds 300,000 maps.
func ProvenanceByUser(b *Batch, real func(model.ID) model.ID, fn func(id model.ID, p model.Provenance) error) error {
	return OriginsByUser(b, real, func(id model.ID, items []FieldsOrigin) error { return fn(id, MergeOrigins(items)) })
}

// OriginsByUser is ProvenanceByUser without the maps: fn gets each user's origins in the order
// they apply (for a field two of them set, the later wins; Provenance's come after Origins'),
// their ids rewritten by real. A store writes a new user's one origin as it comes, which is what
// an import of 100,000 new users is made of.
func OriginsByUser(b *Batch, real func(model.ID) model.ID, fn func(id model.ID, items []FieldsOrigin) error) error {
	n := len(b.Origins)
	for _, p := range b.Provenance {
		n += len(p)
	}
	items := make([]FieldsOrigin, 0, n)
	var runTemp, runReal model.ID // an import's origins all name its one run
	for _, o := range b.Origins {
		if o.Origin.Run != runTemp || runTemp == 0 {
			runTemp, runReal = o.Origin.Run, real(o.Origin.Run)
		}
		o.User, o.Origin.Run = real(o.User), runReal
		items = append(items, o)
	}
	for id, p := range b.Provenance {
		for f, o := range p {
			o.Run = real(o.Run)
			items = append(items, FieldsOrigin{User: real(id), Fields: model.FieldSet(f), Origin: o})
		}
	}
	byUser := func(a, b FieldsOrigin) int { return compareIDs(a.User, b.User) }
	// Stable: for one user, Provenance's entries come after Origins' and so win. New users'
	// origins come in id order already.
	if !slices.IsSortedFunc(items, byUser) {
		slices.SortStableFunc(items, byUser)
	}
	for i := 0; i < len(items); {
		j := i + 1
		for j < len(items) && items[j].User == items[i].User {
			j++
		}
		if err := fn(items[i].User, items[i:j:j]); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// MergeOrigins is the provenance one user's origins give, a later origin winning for a field
// two of them set.
func MergeOrigins(items []FieldsOrigin) model.Provenance {
	p := model.Provenance{}
	for _, it := range items {
		for bit := model.FieldSet(1); bit != 0; bit <<= 1 {
			if it.Fields&bit != 0 {
				p[model.Field(bit)] = it.Origin
			}
		}
	}
	return p
}

func compareIDs(a, b model.ID) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
