package app

import (
	"bytes"
	"context"
	mbits "math/bits"
	"runtime"
	"slices"
	"sync"

	"rollcall/model"
)

// rowFilter is a Selection compiled against the index's columns.
type rowFilter struct {
	profileMask uint8
	orgs        []model.ID
	classes     idSet // with hasClasses: the row, or a child of it, is in one
	levels      idSet // with hasLevels: the classes of the levels asked for
	hasClasses  bool
	hasLevels   bool
	ownClass    bool // no parent through a child
	// classBits and levelBits mark the rows in a class (a level) themselves; a parent matches
	// through a child's bit. Set by selectRows.
	classBits, levelBits []uint64
	groups               idSet
	functions            []string // upper-case families
	suspended            model.Tri
	suspendedBits        []uint64 // with suspended: the suspended rows, 1 bit a row (set by selectRows)
	mustSet              uint8
	mustClear            uint8
	from, to             int32
	hasDates             bool
	words                [][]byte
}

// idSet is a small set of ids: a slice scan beats a map for the handful a filter names.
type idSet struct {
	list []model.ID
	m    map[model.ID]bool
}

func newIDSet(ids []model.ID) idSet {
	if len(ids) > 16 {
		s := idSet{m: make(map[model.ID]bool, len(ids))}
		for _, id := range ids {
			s.m[id] = true
		}
		return s
	}
	return idSet{list: ids}
}

func (s *idSet) has(id model.ID) bool {
	if s.m != nil {
		return s.m[id]
	}
	return slices.Contains(s.list, id)
}

func (s *idSet) any(ids []model.ID) bool {
	for _, id := range ids {
		if s.has(id) {
			return true
		}
	}
	return false
}

// compileFilter compiles sel; levelClasses are the classes of sel.Levels.
func compileFilter(sel *model.Selection, levelClasses []model.ID) rowFilter {
	f := rowFilter{orgs: sel.OrgIDs, mustSet: flagLive}
	for _, w := range model.SearchWords(sel.Text) {
		f.words = append(f.words, []byte(w))
	}
	for _, p := range sel.Profiles {
		f.profileMask |= 1 << p
	}
	if len(sel.ClassIDs) > 0 {
		f.classes, f.hasClasses = newIDSet(sel.ClassIDs), true
	}
	if len(sel.Levels) > 0 {
		f.levels, f.hasLevels = newIDSet(levelClasses), true
	}
	f.ownClass = sel.OwnClass
	if len(sel.GroupIDs) > 0 {
		f.groups = newIDSet(sel.GroupIDs)
		f.mustSet |= flagGroups
	}
	if len(sel.Functions) > 0 {
		for _, fn := range sel.Functions {
			f.functions = append(f.functions, model.FunctionCode(fn))
		}
	}
	f.triFlag(sel.Activation, flagActivated)
	f.triFlag(sel.Email, flagEmail)
	f.suspended = sel.Suspended
	if sel.LocalAdmins {
		f.mustSet |= flagLocalAdmin
	}
	switch sel.Pending {
	case model.PendingExclude:
		f.mustClear |= flagPending
	case model.PendingOnly:
		f.mustSet |= flagPending
	}
	if !sel.CreatedFrom.IsZero() || !sel.CreatedTo.IsZero() {
		f.hasDates, f.from, f.to = true, -1<<31, 1<<31-1
		if !sel.CreatedFrom.IsZero() {
			f.from = dateNumber(sel.CreatedFrom)
		}
		if !sel.CreatedTo.IsZero() {
			f.to = dateNumber(sel.CreatedTo)
		}
	}
	return f
}

func (f *rowFilter) triFlag(t model.Tri, flag uint8) {
	switch t {
	case model.TriYes:
		f.mustSet |= flag
	case model.TriNo:
		f.mustClear |= flag
	}
}

// match tests one row's columns (not its text); the cheap columns go first.
func (f *rowFilter) match(d *dirIndex, row int32) bool {
	fl := d.flags[row]
	if fl&f.mustSet != f.mustSet || fl&f.mustClear != 0 {
		return false
	}
	if f.profileMask != 0 && f.profileMask&(1<<d.profiles[row]) == 0 {
		return false
	}
	if f.orgs != nil && !slices.Contains(f.orgs, d.orgs[row]) {
		return false
	}
	if f.hasDates && (d.created[row] < f.from || d.created[row] > f.to) {
		return false
	}
	if f.ownClass {
		fl &^= flagChildren
	}
	if f.hasClasses && !d.matchClasses(row, fl, &f.classes, f.classBits) {
		return false
	}
	if f.hasLevels && !d.matchClasses(row, fl, &f.levels, f.levelBits) {
		return false
	}
	if fl&flagGroups != 0 && (f.groups.list != nil || f.groups.m != nil) && !f.groups.any(d.groups[row]) {
		return false
	}
	if f.functions != nil && !slices.ContainsFunc(d.functions[row], func(c string) bool { return slices.Contains(f.functions, c) }) {
		return false
	}
	if f.suspended != model.TriAll && (f.suspendedBits[row>>6]>>(row&63)&1 == 1) != (f.suspended == model.TriYes) {
		return false
	}
	return true
}

// matchClasses reports whether row is in a class of s, or (own set) has a child who is.
func (d *dirIndex) matchClasses(row int32, fl uint8, s *idSet, own []uint64) bool {
	if own == nil {
		return d.ownClasses(row, fl, s)
	}
	return d.inClassBits(row, fl, own)
}

// selectRows returns the matching rows in name order, in two passes: the columns are scanned in
// row order (sequential memory) into a bitset of 1 bit a row, which fits in cache, then byName
// is walked and the set rows kept. Text words are found by scanning the text arena. The caller
// holds the read lock.
func (d *dirIndex) selectRows(ctx context.Context, f *rowFilter) ([]int32, error) {
	n := len(d.ids)
	if f.hasClasses && !f.ownClass {
		f.classBits = d.ownClassBits(&f.classes)
	}
	if f.hasLevels && !f.ownClass {
		f.levelBits = d.ownClassBits(&f.levels)
	}
	bits := make([]uint64, (n+63)/64)
	if f.suspended != model.TriAll { // a bit a row beats a map lookup a row: few are suspended
		f.suspendedBits = make([]uint64, len(bits))
		for row := range d.suspended {
			f.suspendedBits[row>>6] |= 1 << (row & 63)
		}
	}
	parallel(len(bits), func(lo, hi int) { d.markColumns(f, bits, lo, hi) })
	if err := d.matchWords(ctx, f.words, bits); err != nil {
		return nil, err
	}
	parts := make([][]int32, runtime.GOMAXPROCS(0))
	chunk := (len(d.byName) + len(parts) - 1) / len(parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := min(p*chunk, len(d.byName)), min((p+1)*chunk, len(d.byName))
		wg.Go(func() {
			for _, row := range d.byName[lo:hi] {
				if bits[row>>6]&(1<<(row&63)) != 0 {
					parts[p] = append(parts[p], row)
				}
			}
		})
	}
	wg.Wait()
	return slices.Concat(parts...), nil
}

// matchWords clears the bits of rows whose text lacks one of the words. The longest word goes
// first, as the most selective; while many rows remain a word is found by scanning the whole
// text arena, and once few remain their texts are checked one by one.
func (d *dirIndex) matchWords(ctx context.Context, words [][]byte, bits []uint64) error {
	words = slices.Clone(words)
	slices.SortFunc(words, func(a, b []byte) int { return len(b) - len(a) })
	for _, w := range words {
		if err := ctx.Err(); err != nil {
			return err
		}
		if candidates := popcount(bits); candidates < len(d.ids)/16 {
			d.checkEach(w, bits)
			continue
		}
		found := make([]uint64, len(bits))
		d.texts.search(w, found)
		for i := range bits {
			bits[i] &= found[i]
		}
	}
	return ctx.Err()
}

func (d *dirIndex) checkEach(word []byte, bits []uint64) {
	for i, w := range bits {
		for w != 0 {
			b := mbits.TrailingZeros64(w)
			w &^= 1 << b
			row := int32(i*64 + b)
			if !bytes.Contains(d.texts.text(row), word) {
				bits[i] &^= 1 << b
			}
		}
	}
}

func popcount(bits []uint64) int {
	n := 0
	for _, w := range bits {
		n += mbits.OnesCount64(w)
	}
	return n
}

// markColumns sets the bits of words [lo, hi) for rows whose columns match.
func (d *dirIndex) markColumns(f *rowFilter, bits []uint64, lo, hi int) {
	n := int32(len(d.ids))
	for w := lo; w < hi; w++ {
		var word uint64
		base := int32(w) * 64
		for b := int32(0); b < 64 && base+b < n; b++ {
			if f.match(d, base+b) {
				word |= 1 << b
			}
		}
		bits[w] = word
	}
}

// parallel splits [0, n) into one range per CPU and runs fn on each, for large n.
func parallel(n int, fn func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if n < 1024 || workers < 2 {
		fn(0, n)
		return
	}
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := min(w*chunk, n), min((w+1)*chunk, n)
		wg.Go(func() { fn(lo, hi) })
	}
	wg.Wait()
}

// orderRows reorders name-ordered rows by profile or by class rank, keeping name order inside
// each bucket (a counting sort: linear, stable).
func (d *dirIndex) orderRows(rows []int32, by model.SortOrder, classRank map[model.ID]int) []int32 {
	var key func(row int32) int
	buckets := 0
	switch by {
	case model.SortByProfile:
		key, buckets = func(row int32) int { return int(d.profiles[row]) }, len(model.Profiles)+1
	case model.SortByClass:
		buckets = len(classRank) + 1
		rankOf := denseRanks(classRank) // class ids are dense: a slice beats a map a million times
		key = func(row int32) int {
			if c := d.class0[row]; c != 0 && int(c) < len(rankOf) && rankOf[c] >= 0 {
				return int(rankOf[c])
			}
			return len(classRank) // users without a class come last
		}
	default:
		return rows
	}
	keys := make([]int32, len(rows)) // each row's key is looked up once: the lookups miss cache
	counts := make([]int, buckets+1)
	for i, row := range rows {
		k := key(row)
		keys[i] = int32(k)
		counts[k+1]++
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	out := make([]int32, len(rows))
	for i, row := range rows {
		k := keys[i]
		out[counts[k]] = row
		counts[k]++
	}
	return out
}

// denseRanks turns an id → rank map into a slice indexed by id (-1: no rank).
func denseRanks(ranks map[model.ID]int) []int32 {
	var top model.ID
	for id := range ranks {
		top = max(top, id)
	}
	if top > 1<<22 {
		top = 1 << 22 // absurd ids fall back to "no class": never allocate without bound
	}
	out := make([]int32, top+1)
	for i := range out {
		out[i] = -1
	}
	for id, r := range ranks {
		if id <= top {
			out[id] = int32(r)
		}
	}
	return out
}
