package model

import "time"

// Admin is a person who runs Rollcall: the account one signs up and signs in with. Directory
// users (students, teachers, ...) are Users, not Admins.
type Admin struct {
	ID               ID
	FullName         string
	Email            string // normalized
	Language         Language
	Country          string // ISO 3166-1 alpha-2, upper case
	PasswordHash     string // argon2id PHC string; empty until the password is created
	CreatedAt        time.Time
	VerifiedAt       time.Time // zero until the verification code was used
	TermsAcceptedAt  time.Time // zero until the admin confirmed being an adult and accepted the terms
	OrgIDs           []ID      // organizations this admin administers
	FailedSignIns    int       // consecutive failures, reset on success
	LastFailedSignIn time.Time
}

// Verified reports whether the admin proved their email address.
func (a Admin) Verified() bool { return !a.VerifiedAt.IsZero() }

// AcceptedTerms reports whether the admin confirmed adulthood and accepted the terms.
func (a Admin) AcceptedTerms() bool { return !a.TermsAcceptedAt.IsZero() }

// SignInThrottle is the slowdown after repeated failures: the first FreeAttempts failures cost
// nothing, then each further failure doubles the wait from Base, up to Max.
type SignInThrottle struct {
	FreeAttempts int
	Base, Max    time.Duration
}

// DefaultSignInThrottle: 3 free attempts, then 2s, 4s, 8s ... up to 5 minutes.
var DefaultSignInThrottle = SignInThrottle{FreeAttempts: 3, Base: 2 * time.Second, Max: 5 * time.Minute}

// BlockedUntil returns when the next attempt is allowed after `failures` consecutive failures,
// the latest of which happened at `last`. A zero time means "now".
func (t SignInThrottle) BlockedUntil(failures int, last time.Time) time.Time {
	if failures < t.FreeAttempts || last.IsZero() {
		return time.Time{}
	}
	wait := t.Base
	for i := t.FreeAttempts; i < failures && wait < t.Max; i++ {
		wait *= 2
	}
	if wait > t.Max {
		wait = t.Max
	}
	return last.Add(wait)
}

// Session is a signed-in admin. Only the SHA-256 of the token is stored.
type Session struct {
	TokenHash string
	AdminID   ID
	CreatedAt time.Time
	Origin    string // "local:<os user>" or "ssh:<address>", for the logs and the sessions list
}
