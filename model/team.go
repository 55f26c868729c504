package model

import (
	"errors"
	"fmt"
	"time"
)

// Invitation asks someone to become an admin of one organization. Its secret is a one-time code
// (PurposeInvite, SubjectID = the invitation's ID); only the code's hash is stored.
type Invitation struct {
	ID        ID
	OrgID     ID
	Email     string // normalized; empty when the code was handed over rather than emailed
	InvitedBy ID     // the admin who invited
	CreatedAt time.Time
	ExpiresAt time.Time
	// AcceptedAt and AcceptedBy are set once someone joined with it; RevokedAt once an admin
	// withdrew it. Either ends it.
	AcceptedAt time.Time
	AcceptedBy ID
	RevokedAt  time.Time
}

// Pending reports whether the invitation can still be accepted at now.
func (inv Invitation) Pending(now time.Time) bool {
	return inv.AcceptedAt.IsZero() && inv.RevokedAt.IsZero() && now.Before(inv.ExpiresAt)
}

// SSHKey is an admin's public key for Rollcall's SSH server: whoever proves they hold the
// private key acts as that admin. Fingerprints are unique across admins.
type SSHKey struct {
	Fingerprint string // "SHA256:…", as ssh-keygen -l prints it
	AdminID     ID
	Type        string // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", …
	PublicKey   string // the authorized_keys form without comment: "<type> <base64>"
	Comment     string
	AddedAt     time.Time
}

// AuditEntry records one change: who made it, when, what and on what. OrgIDs are the
// organizations it concerns; the entry is shown to the admins of all of them, and to its author.
type AuditEntry struct {
	ID         ID
	At         time.Time
	AdminID    ID
	AdminEmail string // as it was then, so the log still reads after the admin left
	Action     string // a dotted name: "admins.invite", "users.create", "seats.assign", …
	Target     string // what it was done to, for a person: an email, a login, a class code
	OrgIDs     []ID
}

// The team's errors. App wraps them with ErrInvalid or storage's sentinels, so exit codes and
// errors.Is keep working; the catalogue says each in words.
var (
	// ErrInviteOtherEmail refuses an invitation that was sent to another address.
	ErrInviteOtherEmail = errors.New("this invitation was sent to another email address")
	// ErrAlreadyAdmin refuses to invite or add someone who already administers the organization.
	ErrAlreadyAdmin = errors.New("already an admin of this organization")
	// ErrSSHKeyInvalid refuses a public key that does not parse.
	ErrSSHKeyInvalid = errors.New("not an SSH public key")
	// ErrSSHKeyWeak refuses DSA keys and RSA keys under 2048 bits.
	ErrSSHKeyWeak = errors.New("SSH key type or size too weak")
)

// LastAdminError refuses to leave an organization without an admin.
type LastAdminError struct {
	OrgID ID
}

func (e *LastAdminError) Error() string {
	return fmt.Sprintf("the last admin of organization %d cannot be removed", e.OrgID)
}
