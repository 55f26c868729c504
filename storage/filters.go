package storage

import (
	"context"

	"rollcall/model"
)

// FilterStore keeps each admin's named selections.
type FilterStore interface {
	// SaveFilter stores a filter under its admin and name, replacing one of the same name.
	SaveFilter(ctx context.Context, f model.SavedFilter) error
	// SavedFilters returns an admin's filters in the byte order of their names.
	SavedFilters(ctx context.Context, adminID model.ID) ([]model.SavedFilter, error)
	// DeleteFilter removes one (ErrNotFound).
	DeleteFilter(ctx context.Context, adminID model.ID, name string) error
}
