package app

import (
	"math"
	"runtime/metrics"
	"sync"
)

// importHeadroom is what a process holds outside the Go runtime's accounting during an import
// (the binary's code, the store's mapped pages, the C library): the limit given to the runtime
// is the budget less this.
const importHeadroom = 48 << 20

// memoryBudget holds the process to ImportMemoryBudget while imports run, whichever face started
// them (a CLI command, the local console, a console or a command over SSH). The garbage collector
// otherwise lets the heap grow to twice what is live before collecting, which turned an import
// holding 700 MB into a 1.5 GB process; told a limit (Options.MemoryLimit, debug.SetMemoryLimit
// in the binary), it collects harder as the heap nears it. The limit follows the rows as they are
// read, so a small import is held to a small budget and a big one is not starved; it adds the
// budgets of imports running together to what the process held when the first began (a server's
// directory index), and is given back when the last ends.
type memoryBudget struct {
	set func(int64) int64 // nil: no limit is set (tests, GOMEMLIMIT)

	mu      sync.Mutex
	running int   // imports in progress
	users   int   // their users, as far as read
	base    int64 // the live heap when the first of them began
	prev    int64 // the limit before it, given back after the last
}

// importMemory is one import's share of the budget.
type importMemory struct {
	b     *memoryBudget
	rows  map[string]int // rows read so far, per file
	users int
}

// start counts an import in; end must follow.
func (b *memoryBudget) start() *importMemory {
	m := &importMemory{b: b, rows: map[string]int{}}
	if b.set == nil {
		return m
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.running++; b.running == 1 {
		b.base = liveHeap()
		b.prev = b.set(b.limit())
	}
	return m
}

// limit is the runtime's limit for the users counted so far; the lock is held.
func (b *memoryBudget) limit() int64 {
	return b.base + ImportMemoryBudget(b.users) - importHeadroom
}

// observe follows an import's progress: the rows parsed, then the users the files hold once
// they are known (a set's rows also counted its enrollments and classes). Hashing reports from
// several goroutines at once.
func (m *importMemory) observe(p ImportProgress) {
	b := m.b
	if b.set == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	n := m.users
	switch p.Stage {
	case StageParsing:
		n += p.Rows - m.rows[p.File]
		m.rows[p.File] = p.Rows
	default:
		if p.Total > 0 {
			n = p.Total
		}
	}
	if n != m.users {
		b.users += n - m.users
		m.users = n
		b.set(b.limit())
	}
}

// end counts the import out, giving the limit back when it was the last.
func (m *importMemory) end() {
	b := m.b
	if b.set == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.users -= m.users
	m.users = 0
	if b.running--; b.running == 0 {
		b.set(b.prev)
		return
	}
	b.set(b.limit())
}

// liveHeap is the heap the last collection found in use.
func liveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(min(s[0].Value.Uint64(), math.MaxInt64/2))
}
