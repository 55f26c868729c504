package app

import (
	"bytes"
	"sort"
)

// textArena keeps every row's folded search text in one contiguous byte slice, so a free-text
// filter is a few bytes.Index scans over memory instead of a million string comparisons.
// Texts are appended; a rewritten or deleted row's old bytes are zeroed so they never match
// again, and the arena is compacted when more than half of it is garbage.
type textArena struct {
	buf     []byte
	start   []uint32     // per row: where its current text begins (0: none)
	end     []uint32     // per row: where it ends
	regions []textRegion // every text ever appended, in buffer order; stale ones are zeroed
	garbage int
}

// textRegion records that the text starting at start was appended for row.
type textRegion struct {
	start uint32
	row   int32
}

// set stores row's text, adding a row slot when row is new.
func (t *textArena) set(row int32, text []byte) {
	for int(row) >= len(t.start) {
		t.start, t.end = append(t.start, 0), append(t.end, 0)
	}
	t.clear(row)
	t.buf = append(t.buf, 0) // a separator: no word spans two rows
	t.start[row] = uint32(len(t.buf))
	t.buf = append(t.buf, text...)
	t.end[row] = uint32(len(t.buf))
	t.regions = append(t.regions, textRegion{start: t.start[row], row: row})
	if t.garbage > len(t.buf)/2 && t.garbage > 1<<20 {
		t.compact()
	}
}

// clear zeroes a row's text so it can no longer match.
func (t *textArena) clear(row int32) {
	s, e := t.start[row], t.end[row]
	clear(t.buf[s:e])
	t.garbage += int(e - s)
	t.start[row], t.end[row] = 0, 0
}

func (t *textArena) text(row int32) []byte { return t.buf[t.start[row]:t.end[row]] }

// compact rewrites the arena with only the live texts, in their current order.
func (t *textArena) compact() {
	old, regions := t.buf, t.regions
	t.buf = make([]byte, 0, len(old)-t.garbage+len(regions))
	t.regions = make([]textRegion, 0, len(regions))
	for _, r := range regions {
		if t.start[r.row] != r.start || t.end[r.row] == 0 {
			continue // stale
		}
		s, e := t.start[r.row], t.end[r.row]
		t.buf = append(t.buf, 0)
		t.start[r.row] = uint32(len(t.buf))
		t.buf = append(t.buf, old[s:e]...)
		t.end[r.row] = uint32(len(t.buf))
		t.regions = append(t.regions, textRegion{start: t.start[r.row], row: r.row})
	}
	t.garbage = 0
}

// search sets, in bits, every row whose text contains word. Matches come in buffer order, so
// the region holding each is found by walking forward from the previous one.
func (t *textArena) search(word []byte, bits []uint64) {
	ri := 0
	for i := 0; i < len(t.buf); {
		j := bytes.Index(t.buf[i:], word)
		if j < 0 {
			return
		}
		pos := i + j
		ri = t.regionFrom(ri, pos)
		r := t.regions[ri]
		if t.start[r.row] != r.start || pos >= int(t.end[r.row]) {
			i = pos + 1 // cannot happen for a word without NUL; be safe anyway
			continue
		}
		bits[r.row>>6] |= 1 << (r.row & 63)
		i = int(t.end[r.row])
	}
}

// regionFrom returns the last region at or after index from that starts at or before pos.
func (t *textArena) regionFrom(from, pos int) int {
	for k := 0; k < 8; k++ {
		if from+1 >= len(t.regions) || int(t.regions[from+1].start) > pos {
			return from
		}
		from++
	}
	rest := t.regions[from+1:]
	return from + sort.Search(len(rest), func(i int) bool { return int(rest[i].start) > pos })
}
