package app

import (
	"context"
	"sync"
	"time"

	"rollcall/model"
)

// attemptLimiter counts failed attempts by key (a login, an address) in memory and says until
// when a key is refused: what the web page and code checks use, whose accounts have no failure
// counter of their own. Its size is bounded, so guesses at made-up logins cannot grow it.
type attemptLimiter struct {
	mu   sync.Mutex
	seen map[string]failures
}

type failures struct {
	count int
	last  time.Time
}

// maxAttemptKeys bounds the keys an attemptLimiter keeps.
const maxAttemptKeys = 50000

// AddressThrottle is the slowdown per network address: a school's pupils share one address
// behind its router, so it allows many more failures than one login does before slowing down.
var AddressThrottle = model.SignInThrottle{FreeAttempts: 30, Base: 2 * time.Second, Max: 5 * time.Minute}

func newAttemptLimiter() *attemptLimiter {
	return &attemptLimiter{seen: map[string]failures{}}
}

// blockedUntil is when the next attempt with key is allowed under rule (zero: now).
func (l *attemptLimiter) blockedUntil(key string, rule model.SignInThrottle) time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.seen[key]
	return rule.BlockedUntil(f.count, f.last)
}

// failed counts a failure for key.
func (l *attemptLimiter) failed(key string, rule model.SignInThrottle, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.seen) >= maxAttemptKeys {
		for k, f := range l.seen {
			if now.Sub(f.last) > rule.Max {
				delete(l.seen, k)
			}
		}
		if len(l.seen) >= maxAttemptKeys {
			clear(l.seen)
		}
	}
	f := l.seen[key]
	l.seen[key] = failures{count: f.count + 1, last: now}
}

// succeeded forgets the failures of key.
func (l *attemptLimiter) succeeded(key string) {
	l.mu.Lock()
	delete(l.seen, key)
	l.mu.Unlock()
}

// secretTry is one guarded try at a person's secret (password or code), from an address: it is
// refused with *model.ThrottledError while the login or the address is slowed down, and the
// checks of one login run one at a time so parallel guesses are counted one by one.
type secretTry struct {
	a            *App
	login, addr  string
	unlock       func()
	loginK, addK string
}

// beginAttempt waits for the login's turn and checks both throttles. The caller ends it with
// fail or ok, then release.
func (a *App) beginAttempt(ctx context.Context, kind, login, addr string) (*secretTry, error) {
	key := model.Fold(login)
	t := &secretTry{a: a, login: key, addr: addr, loginK: kind + ":login:" + key, addK: kind + ":addr:" + addr}
	unlock, err := a.guard.lock(ctx, kind+":"+key)
	if err != nil {
		return nil, err
	}
	t.unlock = unlock
	now := a.now()
	until := a.attempts.blockedUntil(t.loginK, a.throttle)
	if addr != "" {
		if u := a.attempts.blockedUntil(t.addK, AddressThrottle); u.After(until) {
			until = u
		}
	}
	if now.Before(until) {
		unlock()
		return nil, &model.ThrottledError{Until: until}
	}
	return t, nil
}

// fail counts a failed try against the login and the address.
func (t *secretTry) fail() {
	now := t.a.now()
	t.a.attempts.failed(t.loginK, t.a.throttle, now)
	if t.addr != "" {
		t.a.attempts.failed(t.addK, AddressThrottle, now)
	}
}

// ok forgets the login's failures (the address keeps its count).
func (t *secretTry) ok() { t.a.attempts.succeeded(t.loginK) }

// release gives the login's turn back.
func (t *secretTry) release() { t.unlock() }
