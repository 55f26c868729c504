package app

import (
	"sync"
	"time"

	"rollcall/model"
)

// Person sessions expire after PersonSessionIdle without a request, and PersonSessionMax after
// signing in whatever happens.
const (
	PersonSessionIdle = 30 * time.Minute
	PersonSessionMax  = 12 * time.Hour
)

// maxPersonSessions bounds the sessions kept; past it, expired ones are dropped, then the
// oldest.
const maxPersonSessions = 200000

// personSessions are the signed-in sessions of the people who use the web pages. Only the
// SHA-256 of each token is kept, in memory: a restart signs everyone out, which for a page
// used to activate an account or change a password costs one sign-in.
type personSessions struct {
	mu sync.Mutex
	m  map[string]personSession // token hash → session
}

type personSession struct {
	user          model.ID
	created, seen time.Time
}

func newPersonSessions() *personSessions { return &personSessions{m: map[string]personSession{}} }

func (p *personSessions) put(hash string, s personSession) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.m) >= maxPersonSessions {
		p.dropExpired(s.created)
		if len(p.m) >= maxPersonSessions {
			var oldest string
			for h, o := range p.m {
				if oldest == "" || o.created.Before(p.m[oldest].created) {
					oldest = h
				}
			}
			delete(p.m, oldest)
		}
	}
	p.m[hash] = s
}

// get returns the live session of hash and marks it seen now; an expired one is dropped.
func (p *personSessions) get(hash string, now time.Time) (personSession, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s, ok := p.m[hash]
	if !ok {
		return s, false
	}
	if now.Sub(s.seen) > PersonSessionIdle || now.Sub(s.created) > PersonSessionMax {
		delete(p.m, hash)
		return s, false
	}
	s.seen = now
	p.m[hash] = s
	return s, true
}

func (p *personSessions) drop(hash string) {
	p.mu.Lock()
	delete(p.m, hash)
	p.mu.Unlock()
}

// dropUser ends every session of a user but keep (a token hash, or "").
func (p *personSessions) dropUser(user model.ID, keep string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for h, s := range p.m {
		if s.user == user && h != keep {
			delete(p.m, h)
		}
	}
}

func (p *personSessions) dropExpired(now time.Time) {
	for h, s := range p.m {
		if now.Sub(s.seen) > PersonSessionIdle || now.Sub(s.created) > PersonSessionMax {
			delete(p.m, h)
		}
	}
}
