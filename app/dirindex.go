package app

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"runtime"
	"slices"
	"sync"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// Row flags of the directory index.
const (
	flagLive uint8 = 1 << iota
	flagActivated
	flagEmail
	flagLocalAdmin
	flagPending
	flagMoreClasses // the row has entries in moreClass
	flagGroups      // the row has entries in groups
	flagChildren    // the row has entries in children (a parent)
)

// dirIndex is the directory's in-memory, column-oriented index: filtering a million users is a
// scan over a few compact arrays, not a database walk. The store stays the source of truth: the
// index is built from it on first use, every write through App updates it, and a store that
// several processes share tells of the others' writes (dirfeed.go).
//
// Rows are never moved; a deleted user's row is marked dead. byName lists the live rows ordered
// by their folded search text (last name, first name, login, email), so results come out sorted
// by name without a sort per query.
type dirIndex struct {
	mu    sync.RWMutex
	built bool
	loc   *time.Location

	rowOf     rowMap // user id → row; ids may have gaps
	ids       []model.ID
	orgs      []model.ID
	profiles  []model.Profile
	flags     []uint8
	created   []int32 // days since 1970-01-01 in loc
	class0    []model.ID
	moreClass map[int32][]model.ID // rows with more than one class
	groups    map[int32][]model.ID // rows in groups
	kids      [][]model.ID         // per row: a parent's children's ids (dirfamily.go)
	kidRows   kidRows              // …and their rows (dirkids.go)
	parents   map[model.ID][]model.ID
	functions map[int32][]string // staff rows with functions: their families (model.FunctionCode)
	suspended map[int32]bool     // suspended rows: few, so a set beats a column
	texts     textArena          // model.SearchText of every row
	byName    []int32
	scratch   []byte // reused to build one row's text

	// rev is the revision of a shared store's change log the index reflects (dirfeed.go).
	rev       int64
	following bool       // a goroutine applies other processes' writes
	catchMu   sync.Mutex // one catch-up at a time
}

func newDirIndex(loc *time.Location) *dirIndex {
	return &dirIndex{loc: loc, moreClass: map[int32][]model.ID{}, groups: map[int32][]model.ID{},
		parents: map[model.ID][]model.ID{}, functions: map[int32][]string{}, suspended: map[int32]bool{}}
}

// ensure builds the index from the store once. Callers hold no lock.
func (d *dirIndex) ensure(ctx context.Context, st storage.UserStore) error {
	d.mu.RLock()
	built := d.built
	d.mu.RUnlock()
	if built {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.built {
		return nil
	}
	feed, shared := st.(storage.UserFeed)
	if shared {
		rev, err := feed.UserRevision(ctx) // before the walk, which then sees every change up to it
		if err != nil {
			return err
		}
		d.rev = rev
	}
	if n, err := st.CountUsers(ctx); err == nil {
		d.grow(n)
	}
	err := st.ForEachUser(ctx, func(u *model.User) error {
		d.set(u)
		return nil
	})
	if err != nil {
		d.reset()
		return err
	}
	d.resort()
	d.built = true
	if shared {
		d.startFollowing(feed)
	}
	return nil
}

func (d *dirIndex) grow(n int) {
	d.ids = slices.Grow(d.ids, n)
	d.orgs = slices.Grow(d.orgs, n)
	d.profiles = slices.Grow(d.profiles, n)
	d.flags = slices.Grow(d.flags, n)
	d.created = slices.Grow(d.created, n)
	d.class0 = slices.Grow(d.class0, n)
	d.kids = slices.Grow(d.kids, n)
	d.texts.buf = slices.Grow(d.texts.buf, n*48)
	d.texts.regions = slices.Grow(d.texts.regions, n)
}

// set writes a user's columns, adding a row for a new id. It reports whether the name order may
// have changed. The caller holds the write lock.
func (d *dirIndex) set(u *model.User) (reorder bool) {
	row, ok := d.row(u.ID)
	if !ok {
		row = int32(len(d.ids))
		d.rowOf.put(u.ID, row, len(d.ids))
		d.ids = append(d.ids, u.ID)
		d.orgs = append(d.orgs, 0)
		d.profiles = append(d.profiles, 0)
		d.flags = append(d.flags, 0)
		d.created = append(d.created, 0)
		d.class0 = append(d.class0, 0)
		d.kids = append(d.kids, nil)
		d.kidRows.addRow()
		d.kidArrived(u.ID, row)
	}
	d.orgs[row] = u.OrgID
	d.profiles[row] = u.Profile
	d.flags[row] = userFlags(u)
	d.created[row] = dayNumber(u.CreatedAt, d.loc)
	d.class0[row] = 0
	delete(d.moreClass, row)
	if len(u.ClassIDs) > 0 {
		d.class0[row] = u.ClassIDs[0]
	}
	if len(u.ClassIDs) > 1 {
		d.moreClass[row] = slices.Clone(u.ClassIDs[1:])
		d.flags[row] |= flagMoreClasses
	}
	delete(d.groups, row)
	if len(u.GroupIDs) > 0 {
		d.groups[row] = slices.Clone(u.GroupIDs)
		d.flags[row] |= flagGroups
	}
	d.setChildren(row, u.ID, u.ChildIDs)
	delete(d.suspended, row)
	if u.Suspended() {
		d.suspended[row] = true
	}
	delete(d.functions, row)
	if len(u.Functions) > 0 {
		codes := make([]string, 0, len(u.Functions))
		for _, f := range u.Functions {
			codes = append(codes, model.FunctionCode(f))
		}
		d.functions[row] = codes
	}
	d.scratch = model.AppendSearchText(d.scratch[:0], u)
	if ok && bytes.Equal(d.texts.text(row), d.scratch) {
		return false
	}
	d.texts.set(row, d.scratch)
	return true
}

func (d *dirIndex) row(id model.ID) (int32, bool) {
	return d.rowOf.get(id)
}

func userFlags(u *model.User) uint8 {
	f := flagLive
	if u.Activated() {
		f |= flagActivated
	}
	if u.Email != "" {
		f |= flagEmail
	}
	if u.LocalAdmin {
		f |= flagLocalAdmin
	}
	if u.PendingDeletion() {
		f |= flagPending
	}
	return f
}

// dayNumber counts days from 1970-01-01 to t's date in loc, so date filters compare integers.
func dayNumber(t time.Time, loc *time.Location) int32 {
	return dateNumber(model.DateOf(t.In(loc)))
}

func dateNumber(d model.Date) int32 {
	return int32(d.Time().Unix() / 86400)
}

// upsert applies written users and deleted ids, if the index is built (otherwise the build will
// read them from the store). resolve, when not nil, gives each user as the store wrote it (its
// temporary ids replaced): one user at a time, so a 300,000-user import is not copied whole.
func (d *dirIndex) upsert(users []model.User, resolve func(model.User) model.User, deleted []model.ID) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.built {
		return
	}
	var moved []int32
	for i := range users {
		u := &users[i]
		if resolve != nil {
			r := resolve(*u)
			u = &r
		}
		if d.set(u) {
			row, _ := d.row(u.ID)
			moved = append(moved, row)
		}
	}
	for _, id := range deleted {
		if row, ok := d.row(id); ok {
			d.setChildren(row, id, nil)
			d.flags[row] = 0
			d.rowOf.drop(id)
			d.texts.clear(row)
			delete(d.moreClass, row)
			delete(d.groups, row)
			delete(d.functions, row)
			delete(d.suspended, row)
			moved = append(moved, row)
		}
	}
	if len(moved) > 256 {
		d.resort()
		return
	}
	for _, row := range moved {
		d.reposition(row)
	}
}

// resort rebuilds byName from the live rows, sorting two halves in parallel. Rows are sorted
// with the first 16 bytes of their text beside them (two big-endian words, zero-padded), so most
// comparisons never read the text arena: sorting a million rows took 35–40% less time than
// comparing their texts throughout. Equal prefixes fall back to compareRows.
func (d *dirIndex) resort() {
	keys := make([]sortKey, 0, len(d.ids))
	for row, f := range d.flags {
		if f&flagLive != 0 {
			t := d.texts.text(int32(row))
			keys = append(keys, sortKey{textWord(t, 0), textWord(t, 8), int32(row)})
		}
	}
	byKey := func(a, b sortKey) int {
		if a.k0 != b.k0 {
			return cmp.Compare(a.k0, b.k0)
		}
		if a.k1 != b.k1 {
			return cmp.Compare(a.k1, b.k1)
		}
		return d.compareRows(a.row, b.row)
	}
	if len(keys) < 50_000 || runtime.GOMAXPROCS(0) < 2 {
		slices.SortFunc(keys, byKey)
	} else {
		half := len(keys) / 2
		var wg sync.WaitGroup
		wg.Go(func() { slices.SortFunc(keys[:half], byKey) })
		slices.SortFunc(keys[half:], byKey)
		wg.Wait()
		keys = mergeSorted(keys[:half], keys[half:], byKey)
	}
	d.byName = make([]int32, len(keys))
	for i, k := range keys {
		d.byName[i] = k.row
	}
}

// sortKey is a row and the first 16 bytes of its text, for resort.
type sortKey struct {
	k0, k1 uint64
	row    int32
}

// textWord is the 8 bytes of t from off as a big-endian number, zero-padded past its end: words
// compare as the bytes do.
func textWord(t []byte, off int) uint64 {
	var b [8]byte
	if off < len(t) {
		copy(b[:], t[off:])
	}
	return binary.BigEndian.Uint64(b[:])
}

func (d *dirIndex) compareRows(a, b int32) int {
	if c := bytes.Compare(d.texts.text(a), d.texts.text(b)); c != 0 {
		return c
	}
	return cmp.Compare(d.ids[a], d.ids[b])
}

func mergeSorted[T any](a, b []T, cmp func(x, y T) int) []T {
	out := make([]T, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if cmp(a[0], b[0]) <= 0 {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// reposition moves one row to its place in byName (or out of it, when dead).
func (d *dirIndex) reposition(row int32) {
	if i := slices.Index(d.byName, row); i >= 0 {
		d.byName = slices.Delete(d.byName, i, i+1)
	}
	if d.flags[row]&flagLive == 0 {
		return
	}
	i, _ := slices.BinarySearchFunc(d.byName, row, func(e, t int32) int { return d.compareRows(e, t) })
	d.byName = slices.Insert(d.byName, i, row)
}

// invalidate drops the index; the next query rebuilds it from the store. Used after bulk writes
// whose ids the app does not know (a seed).
func (d *dirIndex) invalidate() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.reset()
}

// reset empties every column, keeping the lock. The caller holds the write lock.
func (d *dirIndex) reset() {
	d.built = false
	d.rowOf, d.ids, d.orgs, d.profiles, d.flags = rowMap{}, nil, nil, nil, nil
	d.created, d.class0, d.byName = nil, nil, nil
	d.texts = textArena{}
	d.moreClass, d.groups = map[int32][]model.ID{}, map[int32][]model.ID{}
	d.kids, d.parents, d.kidRows = nil, map[model.ID][]model.ID{}, kidRows{}
	d.functions = map[int32][]string{}
	d.suspended = map[int32]bool{}
}
