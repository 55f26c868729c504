package app

import (
	"context"
	"errors"
	"sync"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// Person sessions expire after PersonSessionIdle without a request, and PersonSessionMax after
// signing in whatever happens.
const (
	PersonSessionIdle = 30 * time.Minute
	PersonSessionMax  = 12 * time.Hour
)

// The sessions of the people who use the web pages live in the store (only the SHA-256 of each
// token), so a restart signs nobody out and every process serving one database shares them.
// A session's end moves forward as it is used, written back at most once per
// personSessionRefresh so that reading a page is not a write each time; expired sessions are
// purged at most once per personSessionPurge by each process.
const (
	personSessionRefresh = time.Minute
	personSessionPurge   = 10 * time.Minute
)

// personSessions remembers when this process last purged expired sessions.
type personSessions struct {
	mu     sync.Mutex
	purged time.Time
}

func newPersonSessions() *personSessions { return &personSessions{} }

// personSessionEnd is when a session created at created and last used at seen ends.
func personSessionEnd(created, seen time.Time) time.Time {
	end := seen.Add(PersonSessionIdle)
	if last := created.Add(PersonSessionMax); last.Before(end) {
		return last
	}
	return end
}

// openPersonSession signs a person in: a new token, stored by its hash.
func (a *App) openPersonSession(ctx context.Context, u model.User) (PersonSession, error) {
	token, err := a.newToken()
	if err != nil {
		return PersonSession{}, err
	}
	now := a.now()
	a.purgePersonSessions(ctx, now)
	ps := model.PersonSession{TokenHash: model.HashSecret(token), UserID: u.ID, OrgID: u.OrgID,
		CreatedAt: now, ExpiresAt: personSessionEnd(now, now)}
	if err := a.store.PutPersonSession(ctx, ps); err != nil {
		return PersonSession{}, err
	}
	return PersonSession{Token: token, User: u}, nil
}

// livePersonSession returns the session of a token hash when it has not ended, moving its end
// forward; an ended one is removed. ok is false for a missing or ended session.
func (a *App) livePersonSession(ctx context.Context, hash string) (ps model.PersonSession, ok bool, err error) {
	ps, err = a.store.PersonSession(ctx, hash)
	if errors.Is(err, storage.ErrNotFound) {
		return ps, false, nil
	} else if err != nil {
		return ps, false, err
	}
	now := a.now()
	if !now.Before(ps.ExpiresAt) {
		return ps, false, a.dropPersonSession(ctx, hash)
	}
	if end := personSessionEnd(ps.CreatedAt, now); end.Sub(ps.ExpiresAt) >= personSessionRefresh {
		ps.ExpiresAt = end
		if err := a.store.PutPersonSession(ctx, ps); err != nil {
			return ps, false, err
		}
	}
	return ps, true, nil
}

// dropPersonSession removes a session; one already gone is no error.
func (a *App) dropPersonSession(ctx context.Context, hash string) error {
	if err := a.store.DeletePersonSession(ctx, hash); err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	return nil
}

// purgePersonSessions removes the ended sessions, unless this process did so lately. A failure
// only delays the purge: signing in does not depend on it.
func (a *App) purgePersonSessions(ctx context.Context, now time.Time) {
	p := a.people
	p.mu.Lock()
	due := p.purged.IsZero() || now.Sub(p.purged) >= personSessionPurge
	if due {
		p.purged = now
	}
	p.mu.Unlock()
	if due {
		_, _ = a.store.PurgePersonSessions(ctx, now)
	}
}
