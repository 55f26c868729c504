package sshserver

import (
	"net"
	"sync"
	"time"

	"rollcall/model"
)

// addrThrottle slows password guessing from one address: after a few failures, attempts from
// it are refused unheard until the wait (doubling per failure) is over. Admins' own accounts
// have the app's per-account throttle too; this one also covers guesses spread over many
// accounts.
type addrThrottle struct {
	rule model.SignInThrottle
	now  func() time.Time

	mu    sync.Mutex
	fails map[string]addrFailures
	turns map[string]*addrTurn
}

// addrTurn lets one password check of an address run at a time, so the throttle is held
// across the whole check: parallel guesses from one address are counted one by one and those
// past the free attempts are refused unheard.
type addrTurn struct {
	turn  chan struct{}
	users int
}

type addrFailures struct {
	count int
	last  time.Time
}

// maxTracked bounds the memory an attacker with many addresses can make us use.
const maxTracked = 10000

func newAddrThrottle(rule model.SignInThrottle, now func() time.Time) *addrThrottle {
	return &addrThrottle{rule: rule, now: now, fails: map[string]addrFailures{}, turns: map[string]*addrTurn{}}
}

// host is the address without its port: a client reconnecting from a new port is the same.
func host(addr net.Addr) string {
	if addr == nil {
		return ""
	}
	h, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	return h
}

// wait takes h's turn to check a password, or gives up when done closes; the returned
// function gives the turn back.
func (t *addrThrottle) wait(done <-chan struct{}, h string) (func(), bool) {
	t.mu.Lock()
	at := t.turns[h]
	if at == nil {
		at = &addrTurn{turn: make(chan struct{}, 1)}
		t.turns[h] = at
	}
	at.users++
	t.mu.Unlock()
	release := func() {
		t.mu.Lock()
		if at.users--; at.users == 0 {
			delete(t.turns, h)
		}
		t.mu.Unlock()
	}
	select {
	case at.turn <- struct{}{}:
		return func() { <-at.turn; release() }, true
	case <-done:
		release()
		return nil, false
	}
}

// blockedUntil says until when an address is refused; zero when it may try now.
func (t *addrThrottle) blockedUntil(h string) time.Time {
	t.mu.Lock()
	defer t.mu.Unlock()
	f := t.fails[h]
	until := t.rule.BlockedUntil(f.count, f.last)
	if t.now().Before(until) {
		return until
	}
	return time.Time{}
}

// failed counts a failure of h.
func (t *addrThrottle) failed(h string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	if len(t.fails) >= maxTracked {
		t.prune(now)
	}
	f := t.fails[h]
	t.fails[h] = addrFailures{count: f.count + 1, last: now}
}

// succeeded forgets h's failures.
func (t *addrThrottle) succeeded(h string) {
	t.mu.Lock()
	delete(t.fails, h)
	t.mu.Unlock()
}

// prune drops addresses whose last failure is older than the longest wait; if all are recent,
// it drops everything rather than grow without bound.
func (t *addrThrottle) prune(now time.Time) {
	for h, f := range t.fails {
		if now.Sub(f.last) > t.rule.Max {
			delete(t.fails, h)
		}
	}
	if len(t.fails) >= maxTracked {
		clear(t.fails)
	}
}
