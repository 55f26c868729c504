// Package storagetest is the contract of storage.Store as a test suite: any implementation runs
// Run against fresh stores and must pass it, so a second backend can replace storage/bolt
// without the application noticing.
package storagetest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"rollcall/storage"
)

// Run checks every method of storage.Store. open must return a fresh, empty store for the test
// it is given (a new file in t.TempDir(), say); Run closes it when that test ends.
func Run(t *testing.T, open func(t *testing.T) storage.Store) {
	groups := []struct {
		name  string
		tests []test
	}{
		{"admins", adminTests},
		{"orgs", orgTests},
		{"classes", classTests},
		{"users", userTests},
		{"walk", walkTests},
		{"codes", codeTests},
		{"sessions", sessionTests},
		{"person sessions", personSessionTests},
		{"meta", metaTests},
		{"seed", seedTests},
		{"batch", batchTests},
		{"batch release", batchReleaseTests},
		{"batch grant and audit", batchGrantTests},
		{"batch failures", batchFailureTests},
		{"batch restore and seats", batchRestoreTests},
		{"imports", importTests},
		{"context", contextTests},
		{"team", teamTests},
		{"seats", seatTests},
		{"campaigns", campaignTests},
		{"filters", filterTests},
		{"concurrent", concurrentTests},
		{"order", orderTests},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			t.Parallel()
			for _, tc := range g.tests {
				t.Run(tc.name, func(t *testing.T) {
					t.Parallel()
					s := open(t)
					t.Cleanup(func() {
						if err := s.Close(); err != nil {
							t.Errorf("Close: %v", err)
						}
					})
					tc.run(t, s)
				})
			}
		})
	}
	t.Run("copy", func(t *testing.T) {
		t.Parallel()
		runCopy(t, open)
	})
}

// test is one contract check on a fresh store.
type test struct {
	name string
	run  func(t *testing.T, s storage.Store)
}

// at is a fixed instant in UTC, whole seconds plus some nanoseconds so precision is checked.
func at(day int) time.Time { return time.Date(2026, 9, day, 8, 30, 15, 123456789, time.UTC) }

// same fails the test when got and want differ after normalization: times compared as
// instants (any location), empty and nil slices alike.
func same(t *testing.T, what string, got, want any) {
	t.Helper()
	g, w := normalize(reflect.ValueOf(got)), normalize(reflect.ValueOf(want))
	if !reflect.DeepEqual(g.Interface(), w.Interface()) {
		t.Errorf("%s:\n got  %+v\n want %+v", what, got, want)
	}
}

var timeType = reflect.TypeFor[time.Time]()

// normalize returns a deep copy of v with every time.Time in UTC without monotonic reading and
// every empty slice nil.
func normalize(v reflect.Value) reflect.Value {
	if v.Type() == timeType {
		return reflect.ValueOf(v.Interface().(time.Time).UTC().Round(0))
	}
	switch v.Kind() {
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		for i := range v.NumField() {
			if out.Field(i).CanSet() {
				out.Field(i).Set(normalize(v.Field(i)))
			}
		}
		return out
	case reflect.Slice:
		if v.Len() == 0 {
			return reflect.Zero(v.Type())
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(normalize(v.Index(i)))
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(normalize(v.Elem()))
		return out
	}
	return v
}

// must fails the test now on an unexpected error.
func must(t testing.TB, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// isErr fails the test unless errors.Is(err, want).
func isErr(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s: err = %v, want %v", what, err, want)
	}
}

var bg = context.Background()
