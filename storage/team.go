package storage

import (
	"context"
	"time"

	"rollcall/model"
)

// TeamStore keeps who administers what: the admins' organizations, changed atomically so two
// sessions never undo each other's change, and the invitations that bring new admins in.
type TeamStore interface {
	// SignUpAdmin is CreateAdmin for a new account: when the store has no admin yet, the new
	// one is given every stored organization (the demo school's, say). The count and the
	// write are one transaction, so of two first signups in two processes only one is first.
	SignUpAdmin(ctx context.Context, a *model.Admin) error
	// UpdateAdminFunc reads admin id, lets change edit it and writes it back in one
	// transaction: a change made meanwhile by another session (a removal from an organization)
	// is never overwritten by a stale copy. change runs inside the transaction and must not
	// call the store; its error aborts and is returned. The email stays unique (ErrConflict).
	UpdateAdminFunc(ctx context.Context, id model.ID, change func(*model.Admin) error) (model.Admin, error)
	// RevokeAdminOrg removes org from the admin's organizations unless no other admin of it
	// would remain (*model.LastAdminError), in one transaction, so two admins removing each
	// other cannot both succeed. ErrNotFound when the admin does not administer org.
	RevokeAdminOrg(ctx context.Context, adminID, org model.ID) (model.Admin, error)

	// CreateInvitation stores an invitation (setting inv.ID) and its one-time code, whose
	// SubjectID becomes the invitation's id, in one transaction.
	CreateInvitation(ctx context.Context, inv *model.Invitation, code model.OneTimeCode) error
	Invitation(ctx context.Context, id model.ID) (model.Invitation, error)
	// ListInvitations returns every invitation in id order.
	ListInvitations(ctx context.Context) ([]model.Invitation, error)
	// RevokeInvitation stamps RevokedAt and spends the invitation's unused codes.
	RevokeInvitation(ctx context.Context, id model.ID, at time.Time) (model.Invitation, error)
	// AcceptInvitation spends the invitation code of hash and makes someone an admin of its
	// organization, all in one transaction: the code is spent once, and a refused join leaves
	// both the code and the admins untouched. An unknown code is ErrNotFound, a used one
	// model.ErrCodeUsed; an admin who already administers the organization is
	// model.ErrAlreadyAdmin (which also matches ErrConflict).
	AcceptInvitation(ctx context.Context, hash string, join InvitationJoin) (model.Invitation, model.Admin, error)
}

// InvitationJoin says who accepts an invitation: an existing admin (AdminID), or a new one
// created from NewAdmin (AdminID zero; the email must be free, ErrConflict).
type InvitationJoin struct {
	AdminID  model.ID
	NewAdmin model.Admin
	At       time.Time // stamps the code, the invitation and a new admin's CreatedAt
	// Check sees the invitation and its code before anything is written and may refuse; it runs
	// inside the transaction and must not call the store. Nil accepts.
	Check func(model.Invitation, model.OneTimeCode) error
}
