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
	n := len(b.Origins)
	for _, p := range b.Provenance {
		n += len(p)
	}
	items := make([]FieldsOrigin, 0, n)
	for _, o := range b.Origins {
		o.User, o.Origin.Run = real(o.User), real(o.Origin.Run)
		items = append(items, o)
	}
	for id, p := range b.Provenance {
		for f, o := range p {
			o.Run = real(o.Run)
			items = append(items, FieldsOrigin{User: real(id), Fields: model.FieldSet(f), Origin: o})
		}
	}
	// Stable: for one user, Provenance's entries come after Origins' and so win.
	slices.SortStableFunc(items, func(a, b FieldsOrigin) int { return compareIDs(a.User, b.User) })
	for i := 0; i < len(items); {
		id, p := items[i].User, model.Provenance{}
		for ; i < len(items) && items[i].User == id; i++ {
			for bit := model.FieldSet(1); bit != 0; bit <<= 1 {
				if items[i].Fields&bit != 0 {
					p[model.Field(bit)] = items[i].Origin
				}
			}
		}
		if err := fn(id, p); err != nil {
			return err
		}
	}
	return nil
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
