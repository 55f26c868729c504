// Package storage defines how Rollcall persists its data: small interfaces per entity composed
// into one Store, and the sentinel errors every implementation returns. The rest of the program
// depends on these interfaces only; storage/bolt is the embedded implementation.
package storage

import (
	"context"
	"fmt"
	"io"

	"rollcall/model"
)

// Sentinel errors. Implementations wrap them with context; callers match with errors.Is. Each
// says its kind and its sentence (model.Coded), so exit codes and messages follow from them.
// storagetest.Run is the executable form of the contracts below.
var (
	ErrNotFound = model.NewError(model.KindNotFound, model.MsgNotFound, "not found")
	ErrConflict = model.NewError(model.KindConflict, model.MsgConflict, "conflict")
	// ErrLocked means another Rollcall process holds the database file.
	ErrLocked = model.NewError(model.KindConflict, model.MsgLocked, "database in use by another Rollcall")
	// ErrNewerSchema means the file was written by a newer Rollcall than this one.
	ErrNewerSchema = model.NewError(model.KindConflict, model.MsgNewerSchema, "database written by a newer Rollcall")
	// ErrCorrupt means a stored record could not be decoded: Rollcall's own failure to keep
	// its file whole, so internal (exit code 1), with its own sentence.
	ErrCorrupt = model.NewError(model.KindInternal, model.MsgCorrupt, "database record is corrupt")
	// ErrBackupByEngine means the store is a database server's, backed up with the server's
	// own tools (pg_dump) rather than by Rollcall.
	ErrBackupByEngine = model.NewError(model.KindInvalid, model.MsgBackupByEngine, "back this database up with its server's tools")
	// ErrAlreadyApplied means a seed meant to be applied once (Seed.Once) already was. It
	// matches ErrConflict too.
	ErrAlreadyApplied = fmt.Errorf("already applied: %w", ErrConflict)
)

// AdminStore keeps the admins' accounts. Emails are unique.
type AdminStore interface {
	CreateAdmin(ctx context.Context, a *model.Admin) error // sets a.ID; ErrConflict when the email exists
	Admin(ctx context.Context, id model.ID) (model.Admin, error)
	AdminByEmail(ctx context.Context, email string) (model.Admin, error)
	UpdateAdmin(ctx context.Context, a model.Admin) error
	ListAdmins(ctx context.Context) ([]model.Admin, error)
}

// CodeStore keeps one-time codes by the hash of their secret.
type CodeStore interface {
	PutCode(ctx context.Context, c model.OneTimeCode) error
	// SpendCode looks a code up by purpose and hash, checks it with check (which sees the stored
	// code and may refuse it), and marks it used, all in one transaction so a code is spent once.
	// An unknown code is ErrNotFound, a used one model.ErrCodeUsed (before check is called);
	// check runs inside the transaction and must not call the store.
	SpendCode(ctx context.Context, purpose model.CodePurpose, hash string, check func(model.OneTimeCode) error) (model.OneTimeCode, error)
	// RevokeCodes marks every unused code of a subject and purpose as used.
	RevokeCodes(ctx context.Context, purpose model.CodePurpose, subject model.ID) error
}

// SessionStore keeps signed-in sessions and, per local OS user, the token of their session.
type SessionStore interface {
	PutSession(ctx context.Context, s model.Session) error
	Session(ctx context.Context, tokenHash string) (model.Session, error)
	DeleteSession(ctx context.Context, tokenHash string) error // ErrNotFound when there was none
	// SetLocalToken remembers the session token of a local OS user ("" forgets it).
	SetLocalToken(ctx context.Context, osUser, token string) error
	LocalToken(ctx context.Context, osUser string) (string, error) // "" when none is remembered
}

// OrgStore keeps organizations.
type OrgStore interface {
	CreateOrg(ctx context.Context, o *model.Organization) error
	Org(ctx context.Context, id model.ID) (model.Organization, error)
	UpdateOrg(ctx context.Context, o model.Organization) error
	ListOrgs(ctx context.Context) ([]model.Organization, error)
}

// ClassStore keeps classes and groups. Codes are unique per organization.
type ClassStore interface {
	CreateClass(ctx context.Context, c *model.Class) error // ErrConflict on a duplicate code
	Class(ctx context.Context, id model.ID) (model.Class, error)
	UpdateClass(ctx context.Context, c model.Class) error
	DeleteClass(ctx context.Context, id model.ID) error
	ListClasses(ctx context.Context) ([]model.Class, error)

	CreateGroup(ctx context.Context, g *model.Group) error
	Group(ctx context.Context, id model.ID) (model.Group, error)
	UpdateGroup(ctx context.Context, g model.Group) error
	DeleteGroup(ctx context.Context, id model.ID) error
	ListGroups(ctx context.Context) ([]model.Group, error)
}

// UserStore keeps directory users. Logins are unique ignoring case; (source, external id) is
// unique. An empty login or external id is not indexed, so it never conflicts. Ids are never
// given again after a delete.
//
// Ids, for every entity: a new record's id is above every id the store gave before, but ids
// may have gaps (a server's sequence is spent by transactions that roll back, and by other
// processes), so nothing may assume they are dense. Lists "in id order" are in ascending id
// order; names and keys listed "in byte order" compare as bytes (what bbolt's keys do, and
// COLLATE "C" in SQL), never by a locale's collation.
type UserStore interface {
	CreateUser(ctx context.Context, u *model.User) error // ErrConflict on a duplicate login
	User(ctx context.Context, id model.ID) (model.User, error)
	UserByLogin(ctx context.Context, login string) (model.User, error)
	UserByExternalID(ctx context.Context, source, externalID string) (model.User, error)
	UpdateUser(ctx context.Context, u model.User) error
	DeleteUser(ctx context.Context, id model.ID) error
	CountUsers(ctx context.Context) (int, error)
	// ForEachUser calls fn for every user in id order inside one read transaction; fn must not
	// call the store. Returning an error stops the walk and is returned. fn may get the same
	// *model.User on every call, overwritten by the next user (1M users walk ~40% faster): copy
	// it (*u) to keep it; the copy's strings and slices stay valid. Cancelling ctx stops the walk
	// within a few thousand users.
	ForEachUser(ctx context.Context, fn func(*model.User) error) error
	// ForEachUserIn is ForEachUser for the users of the organizations orgs only, and calls
	// login with the login key (LoginKey: lower case) of every user of any organization, in
	// the same read transaction: what an import reads of a store that serves many schools,
	// without decoding the users of the others. key is valid during the call only. login may
	// be nil.
	ForEachUserIn(ctx context.Context, orgs []model.ID, fn func(*model.User) error, login func(key []byte)) error
}

// SubscriptionStore keeps claimed subscriptions.
type SubscriptionStore interface {
	CreateSubscription(ctx context.Context, s *model.Subscription) error
	Subscription(ctx context.Context, id model.ID) (model.Subscription, error)
	ListSubscriptions(ctx context.Context) ([]model.Subscription, error)
}

// Seed is a whole dataset written at once, such as the demo school. Records carry temporary ids
// (model.TempID) and refer to each other by them (OrgID, ClassIDs, ...); the store assigns real
// ids and rewrites every reference. A reference that is not temporary is kept as it is.
type Seed struct {
	Orgs          []model.Organization
	Classes       []model.Class
	Groups        []model.Group
	Users         []model.User
	Subscriptions []model.Subscription
	// Once, when set, is a meta key that says the seed was applied: ApplySeed writes it, with
	// the value OnceValue, in the seed's transaction, and refuses with ErrAlreadyApplied,
	// writing nothing, when it is already set. Of two processes applying one seed at once,
	// one succeeds.
	Once, OnceValue string
}

// Batch is a set of directory writes made in one transaction: all or nothing. A record whose ID
// is temporary (model.TempID) is created, any other is updated (storage.ErrNotFound when it does
// not exist); references to temporary ids anywhere in the batch are rewritten, as in a Seed.
// Deletions run after the writes. Uniqueness rules are those of the single-record methods, and
// a broken one fails the whole batch with ErrConflict. Temporary ids must be unique across every
// kind of record in one batch (one counter), so Applied can map them all. A store may give the
// batch's own records their real ids and references in place, so as not to copy a big batch:
// after Apply a record's ids may be temporary or real, and Applied maps the temporary ones.
type Batch struct {
	Orgs    []model.Organization
	Classes []model.Class
	Groups  []model.Group
	Users   []model.User
	// Release says the caller does not read Users after Apply, so the store may drop each one
	// once written (a million users held beside the transaction's pages break an import's
	// memory budget at the commit).
	Release     bool
	DeleteUsers []model.ID
	// MoveSeats hands seats from one account to another before the deletions run (two
	// accounts merged into one): every seat From holds becomes To's (its Email and Login
	// To's), except on a subscription To already holds a seat of, where From's seat is
	// removed, so nobody holds two seats of one subscription. Both accounts must exist
	// (storage.ErrNotFound).
	MoveSeats     []SeatMove
	DeleteClasses []model.ID
	DeleteGroups  []model.ID
	Meta          map[string]string // settings written with the batch ("" deletes a key)

	// RestoreUsers brings users back under the ids they had before they were deleted (undoing
	// a year's turn): each is inserted as it is, after the writes and before the deletions,
	// claiming its login and external id; an id in use is ErrConflict, as is a taken key.
	RestoreUsers []model.User
	// Seats changes subscriptions' seats in the batch's transaction, after every user write
	// and deletion: each plan runs as with SeatStore.ChangeSeats (a seat of a user the batch
	// deletes is gone already; one of a restored user may be added), its Audit recorded too.
	Seats map[model.ID]SeatPlan

	// Import, when set, is recorded in the import history with the batch (a temporary ID gets a
	// real one; an existing run is updated, as when it is undone).
	Import *model.ImportRun
	// Undo, when set, is kept for the run as what undoing it needs; temporary ids in it are
	// rewritten. RunID may be the run's temporary id.
	Undo *model.ImportUndo
	// Provenance is merged into the stored provenance of each user (temporary ids allowed);
	// DropProvenance forgets fields of users (deleted users lose theirs anyway).
	Provenance     map[model.ID]model.Provenance
	DropProvenance map[model.ID][]model.Field
	// Origins is provenance in bulk, merged with Provenance (which wins for a field both set):
	// each entry says that one row set some fields of one user, as for every user an import
	// creates. A few words a user, where a map a user costs hundreds of bytes.
	Origins []FieldsOrigin

	// Grant, when set, makes an admin an admin of organizations (temporary ids allowed) in the
	// same transaction: an organization an import creates is never left without its admin. An
	// unknown admin is ErrNotFound and fails the batch.
	Grant *Grant
	// Audit, when set, is called inside the transaction once every id is drawn, with the id each
	// temporary id became; the events it returns are recorded with the batch, so a change and
	// its audit entry are written together or not at all. It must not call the store.
	Audit func(ids map[model.ID]model.ID) []model.AuditEvent
}

// SeatMove hands the seats of one directory account to another (Batch.MoveSeats).
type SeatMove struct {
	From, To model.ID
}

// Grant gives an admin organizations.
type Grant struct {
	AdminID model.ID
	OrgIDs  []model.ID
}

// Applied tells what a batch did: the id each temporary id became.
type Applied struct {
	IDs map[model.ID]model.ID
}

// ImportStore keeps the import history, the undo data of each run and the users' provenance.
type ImportStore interface {
	// ListImports returns the history, newest first.
	ListImports(ctx context.Context) ([]model.ImportRun, error)
	ImportUndo(ctx context.Context, runID model.ID) (model.ImportUndo, error)
	Provenance(ctx context.Context, userID model.ID) (model.Provenance, error)
}

// Store is everything Rollcall persists.
type Store interface {
	AdminStore
	CodeStore
	SessionStore
	PersonSessionStore
	OrgStore
	ClassStore
	UserStore
	SubscriptionStore
	LicensingStore
	ImportStore
	TeamStore
	SSHKeyStore
	AuditStore
	CampaignStore
	FilterStore

	// ApplySeed writes a whole dataset in one transaction (all or nothing).
	ApplySeed(ctx context.Context, s Seed) error
	// Apply writes a batch in one transaction (all or nothing).
	Apply(ctx context.Context, b Batch) (Applied, error)
	// Meta reads a small setting ("" when unset); SetMeta writes one.
	Meta(ctx context.Context, key string) (string, error)
	SetMeta(ctx context.Context, key, value string) error
	// Backup writes a consistent copy of the whole store while it stays in use; a store on a
	// database server refuses with ErrBackupByEngine, writing nothing.
	Backup(ctx context.Context, w io.Writer) (int64, error)
	// SchemaVersion is the version of the open file's layout.
	SchemaVersion() int
	Close() error
}
