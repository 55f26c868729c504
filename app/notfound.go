package app

import (
	"errors"
	"fmt"

	"rollcall/model"
	"rollcall/storage"
)

// notFound says that the thing named ref is not there (or not the admin's), so that a person
// reads which one: "Class not found: 6e Z".
func notFound(t model.Thing, ref any) error {
	return &model.NotFoundError{Thing: t, Ref: fmt.Sprint(ref), Err: storage.ErrNotFound}
}

// orNotFound names the reference of a store's ErrNotFound; other errors pass unchanged.
func orNotFound(err error, t model.Thing, ref any) error {
	var named *model.NotFoundError
	if errors.Is(err, storage.ErrNotFound) && !errors.As(err, &named) {
		return notFound(t, ref)
	}
	return err
}
