package storage

import (
	"context"
	"time"

	"rollcall/model"
)

// PersonSessionStore keeps the sessions of the people signed in on the web pages, by the hash
// of their token, so that every process serving the pages on one database sees the same
// sessions and a restart signs nobody out.
type PersonSessionStore interface {
	// PutPersonSession stores or replaces a session (its TokenHash and UserID must be set).
	PutPersonSession(ctx context.Context, s model.PersonSession) error
	// PersonSession returns the session of a token hash, expired or not (ErrNotFound).
	PersonSession(ctx context.Context, tokenHash string) (model.PersonSession, error)
	// DeletePersonSession removes a session (ErrNotFound when there was none).
	DeletePersonSession(ctx context.Context, tokenHash string) error
	// DeleteUserPersonSessions removes every session of a user but keep (a token hash, or ""),
	// and says how many it removed.
	DeleteUserPersonSessions(ctx context.Context, userID model.ID, keep string) (int, error)
	// PurgePersonSessions removes the sessions whose ExpiresAt is not after now, and says how
	// many it removed.
	PurgePersonSessions(ctx context.Context, now time.Time) (int, error)
}
