package screen

import (
	"sync"

	tea "charm.land/bubbletea/v2"
)

// Feed carries a running job's latest progress to its screen without ever blocking the job
// (Bubble Tea's "realtime" pattern): the job's callback changes the progress under a lock and
// raises a flag; the screen's waiting command takes the progress when the flag is up, and the
// screen issues it again after each message. A busy screen sees fewer updates, never stale
// ones. The import, the mail merge and the seat syncs share it.
type Feed[P any] struct {
	mu    sync.Mutex
	p     P
	ready chan struct{} // capacity 1: newer progress is there
	done  chan struct{} // closed once the job returned
}

// NewFeed is the feed of one job.
func NewFeed[P any]() *Feed[P] {
	return &Feed[P]{ready: make(chan struct{}, 1), done: make(chan struct{})}
}

// Set changes the progress; the job calls it, from any goroutine.
func (f *Feed[P]) Set(change func(*P)) {
	f.mu.Lock()
	change(&f.p)
	f.mu.Unlock()
	select {
	case f.ready <- struct{}{}:
	default: // the screen has not taken the previous progress yet: it will see this one
	}
}

// Put replaces the progress with p.
func (f *Feed[P]) Put(p P) { f.Set(func(cur *P) { *cur = p }) }

// Close says the job returned: the waiting command ends without a message (the job's own
// command says how it ended). The job calls it once, when it returns.
func (f *Feed[P]) Close() { close(f.done) }

// Progress is a job's latest progress, for the screen whose request ID started it.
type Progress[P any] struct {
	ID RequestID
	P  P
}

// Wait waits for the next progress, or for the end of the job (then it returns nothing).
func (f *Feed[P]) Wait(id RequestID) tea.Cmd {
	return func() tea.Msg {
		select {
		case <-f.ready:
			f.mu.Lock()
			defer f.mu.Unlock()
			return Progress[P]{ID: id, P: f.p}
		case <-f.done:
			return nil
		}
	}
}
