package app

import "rollcall/model"

// rowMap maps user ids to rows of the directory index. bbolt's ids are dense sequence numbers,
// but a database that several processes share hands out ids with gaps (a sequence spends ids
// on rolled-back transactions, and other processes draw their own), so an id is not a safe
// slice index: ids up to a bound proportional to the rows live in a slice, the others in a map,
// and memory follows the number of users, never the largest id.
type rowMap struct {
	dense  []int32 // id → row+1 (0: no row)
	sparse map[model.ID]int32
}

// denseSlack is how far ids may run ahead of twice the rows and still index the slice.
const denseSlack = 1 << 16

func (m *rowMap) get(id model.ID) (int32, bool) {
	if uint64(id) < uint64(len(m.dense)) {
		r := m.dense[id]
		return r - 1, r != 0
	}
	r, ok := m.sparse[id]
	return r - 1, ok
}

// put records id's row; rows is how many rows the index has, which bounds the slice.
func (m *rowMap) put(id model.ID, row int32, rows int) {
	if limit := uint64(2*rows + denseSlack); uint64(id) >= uint64(len(m.dense)) && uint64(id) < limit {
		n := max(uint64(2*len(m.dense)), uint64(id)+1, 1024)
		m.dense = append(m.dense, make([]int32, min(n, limit)-uint64(len(m.dense)))...)
	}
	if uint64(id) < uint64(len(m.dense)) {
		m.dense[id] = row + 1
		return
	}
	if m.sparse == nil {
		m.sparse = map[model.ID]int32{}
	}
	m.sparse[id] = row + 1
}

func (m *rowMap) drop(id model.ID) {
	if uint64(id) < uint64(len(m.dense)) {
		m.dense[id] = 0
		return
	}
	delete(m.sparse, id)
}
