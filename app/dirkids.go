package app

import "rollcall/model"

// kidRows keeps, for each parent row, the rows of its children in one arena (kidOff, kidLen
// per row), so a class filter reaches a million rows' children with sequential reads and no
// hashing: -1 stands for a child not in the index yet, filled in when its row is made.
type kidRows struct {
	off     []uint32
	n       []uint16
	arena   []int32
	garbage int
}

// addRow adds a row slot.
func (k *kidRows) addRow() { k.off, k.n = append(k.off, 0), append(k.n, 0) }

// setKidRows writes row's children rows, given their ids.
func (d *dirIndex) setKidRows(row int32, kids []model.ID) {
	k := &d.kidRows
	k.garbage += int(k.n[row])
	k.off[row], k.n[row] = uint32(len(k.arena)), uint16(min(len(kids), 1<<16-1))
	for _, c := range kids[:k.n[row]] {
		r, ok := d.row(c)
		if !ok {
			r = -1
		}
		k.arena = append(k.arena, r)
	}
	if k.garbage > len(k.arena)/2 && k.garbage > 1<<20 {
		d.compactKids()
	}
}

// kidArrived fills in the row of a child whose parents were indexed before it.
func (d *dirIndex) kidArrived(id model.ID, row int32) {
	for _, p := range d.parents[id] {
		pr, ok := d.row(p)
		if !ok {
			continue
		}
		k := &d.kidRows
		for i, c := range d.kids[pr][:k.n[pr]] {
			if c == id {
				k.arena[k.off[pr]+uint32(i)] = row
			}
		}
	}
}

// compactKids rewrites the arena without the regions of rows rewritten since.
func (d *dirIndex) compactKids() {
	k := &d.kidRows
	fresh := make([]int32, 0, len(k.arena)-k.garbage)
	for row := range k.off {
		o := uint32(len(fresh))
		fresh = append(fresh, k.arena[k.off[row]:k.off[row]+uint32(k.n[row])]...)
		k.off[row] = o
	}
	k.arena, k.garbage = fresh, 0
}

// ownClassBits marks the live rows whose own classes meet s: a child's membership, read with
// one bit per row (125 KB for a million rows: it stays in cache while parents are matched).
func (d *dirIndex) ownClassBits(s *idSet) []uint64 {
	n := int32(len(d.ids))
	bits := make([]uint64, (n+63)/64)
	parallel(len(bits), func(lo, hi int) {
		for w := lo; w < hi; w++ {
			var word uint64
			base := int32(w) * 64
			for b := int32(0); b < 64 && base+b < n; b++ {
				fl := d.flags[base+b]
				if fl&flagLive != 0 && d.ownClasses(base+b, fl, s) {
					word |= 1 << b
				}
			}
			bits[w] = word
		}
	})
	return bits
}

// inClassBits reports whether row, or one of its children, is set in own (ownClassBits).
func (d *dirIndex) inClassBits(row int32, fl uint8, own []uint64) bool {
	if own[row>>6]&(1<<(row&63)) != 0 {
		return true
	}
	if fl&flagChildren == 0 {
		return false
	}
	k := &d.kidRows
	for _, r := range k.arena[k.off[row] : k.off[row]+uint32(k.n[row])] {
		if r >= 0 && own[r>>6]&(1<<(r&63)) != 0 {
			return true
		}
	}
	return false
}
