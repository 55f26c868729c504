package model

import (
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

// The changes of admins, keys and the directory that the audit log records (AuditEvent). Other
// features add their own actions next to their code.
const (
	AuditAdminInvite   AuditAction = "admins.invite"
	AuditAdminUninvite AuditAction = "admins.uninvite"
	AuditAdminJoin     AuditAction = "admins.join"
	AuditAdminRemove   AuditAction = "admins.remove"
	AuditSSHKeyAdd     AuditAction = "ssh_keys.add"
	AuditSSHKeyRemove  AuditAction = "ssh_keys.remove"
	AuditOrgCreate     AuditAction = "orgs.create"
	AuditOrgEdit       AuditAction = "orgs.edit"
	AuditUserCreate    AuditAction = "users.create"
	AuditUserEdit      AuditAction = "users.edit"
	AuditUserSetAdmin  AuditAction = "users.set_admin"
	AuditUserNewCode   AuditAction = "users.new_code"
	AuditUserPending   AuditAction = "users.pending"
	AuditUserRestore   AuditAction = "users.restore"
	AuditUserDelete    AuditAction = "users.delete"
	AuditImport        AuditAction = "import.run"
	AuditImportUndo    AuditAction = "import.undo"
)

// The team's errors. App wraps them with ErrInvalid or storage's sentinels, so exit codes and
// errors.Is keep working; the catalogue says each in words.
var (
	// ErrInviteOtherEmail refuses an invitation that was sent to another address.
	ErrInviteOtherEmail = NewError(KindInvalid, MsgInviteOtherEmail, "this invitation was sent to another email address")
	// ErrAlreadyAdmin refuses to invite or add someone who already administers the organization.
	ErrAlreadyAdmin = NewError(KindConflict, MsgAlreadyAdmin, "already an admin of this organization")
	// ErrSSHKeyInvalid refuses a public key that does not parse.
	ErrSSHKeyInvalid = NewError(KindInvalid, MsgSSHKeyInvalid, "not an SSH public key")
	// ErrSSHKeyWeak refuses DSA keys and RSA keys under 2048 bits.
	ErrSSHKeyWeak = NewError(KindInvalid, MsgSSHKeyWeak, "SSH key type or size too weak")
	// ErrServerFiles refuses to read or write a file from a console served over SSH: the path
	// would be the server's, not the admin's.
	ErrServerFiles = NewError(KindForbidden, MsgServerFiles, "files cannot be read or written from an SSH session")
)

// LastAdminError refuses to leave an organization without an admin.
type LastAdminError struct {
	OrgID   ID
	OrgName string // filled in by the app when known, for the message
}

func (e *LastAdminError) Error() string {
	return fmt.Sprintf("the last admin of organization %d cannot be removed", e.OrgID)
}

// ErrorKind: leaving a school without an admin conflicts with the rule (exit code 5).
func (e *LastAdminError) ErrorKind() Kind { return KindConflict }

// ErrorMessage names the school, by its name when known.
func (e *LastAdminError) ErrorMessage() Message {
	org := e.OrgName
	if org == "" {
		org = e.OrgID.String()
	}
	return Message{ID: MsgLastAdmin, Args: []any{org}}
}
