package main

import (
	"os"
	"runtime/debug"

	"rollcall/app"
)

// importHeadroom is what the process holds outside the Go heap during an import (the binary's
// code, the store's mapped pages, the C library): the Go runtime's own limit is the budget less
// this.
const importHeadroom = 48 << 20

// importMemory holds a CLI import to app.ImportMemoryBudget of the rows read so far. The garbage
// collector otherwise lets the heap grow to twice what is live before collecting, which turned
// an import holding 700 MB into a 1.5 GB process; told the budget (debug.SetMemoryLimit), it
// collects harder as the heap nears it. The limit follows the rows as they are read, so a small
// import is held to a small budget and a big one is not starved. GOMEMLIMIT, when set, wins.
type importMemory struct {
	rows  map[string]int // rows read so far, per file
	users int
	off   bool
}

func newImportMemory() *importMemory {
	m := &importMemory{rows: map[string]int{}, off: os.Getenv("GOMEMLIMIT") != ""}
	m.set(0)
	return m
}

// observe follows an import's progress.
func (m *importMemory) observe(p app.ImportProgress) {
	if m.off {
		return
	}
	n := m.users
	switch p.Stage {
	case app.StageParsing:
		n += p.Rows - m.rows[p.File]
		m.rows[p.File] = p.Rows
	default: // parsed: the users are known (a set's rows also counted its enrollments and classes)
		if p.Total > 0 {
			n = p.Total
		}
	}
	if n != m.users {
		m.set(n)
	}
}

func (m *importMemory) set(users int) {
	m.users = users
	if !m.off {
		debug.SetMemoryLimit(app.ImportMemoryBudget(users) - importHeadroom)
	}
}
