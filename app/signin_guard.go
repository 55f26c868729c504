package app

import (
	"context"
	"sync"
	"time"

	"rollcall/model"
)

// signInGuard holds each account's throttle across its whole password check: the checks of one
// email run one at a time, so a burst of parallel wrong guesses is counted guess by guess and
// the ones past the free attempts are refused unheard, instead of all passing the throttle
// before the first failure is recorded. It also counts failures for emails that have no
// account, so "too many attempts" does not tell which emails exist.
type signInGuard struct {
	mu      sync.Mutex
	locks   map[string]*emailLock
	unknown *attemptLimiter // failures at emails without an account
}

type emailLock struct {
	turn  chan struct{} // holds one token while a check of this email runs
	users int           // checks running or waiting; the entry goes when it falls to 0
}

func newSignInGuard() *signInGuard {
	return &signInGuard{locks: map[string]*emailLock{}, unknown: newAttemptLimiter()}
}

// lock waits for the email's turn; the returned function gives it back.
func (g *signInGuard) lock(ctx context.Context, email string) (func(), error) {
	g.mu.Lock()
	l := g.locks[email]
	if l == nil {
		l = &emailLock{turn: make(chan struct{}, 1)}
		g.locks[email] = l
	}
	l.users++
	g.mu.Unlock()
	release := func() {
		g.mu.Lock()
		if l.users--; l.users == 0 {
			delete(g.locks, email)
		}
		g.mu.Unlock()
	}
	select {
	case l.turn <- struct{}{}:
		return func() { <-l.turn; release() }, nil
	case <-ctx.Done():
		release()
		return nil, ctx.Err()
	}
}

// unknownBlockedUntil is when the next attempt at an email without an account is allowed.
func (g *signInGuard) unknownBlockedUntil(email string, rule model.SignInThrottle) time.Time {
	return g.unknown.blockedUntil(email, rule)
}

// unknownFailed counts a failure at an email without an account.
func (g *signInGuard) unknownFailed(email string, rule model.SignInThrottle, now time.Time) {
	g.unknown.failed(email, rule, now)
}
