package model

import "time"

// PersonSession is a person (a pupil, parent or teacher) signed in on the web pages. Only the
// SHA-256 of the token is stored; OrgID is the person's school when they signed in. The session
// ends at ExpiresAt, which moves forward as the person keeps using it (never past the longest a
// session may last after signing in).
type PersonSession struct {
	TokenHash string
	UserID    ID
	OrgID     ID
	CreatedAt time.Time
	ExpiresAt time.Time
}
