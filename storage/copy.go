package storage

import (
	"context"
	"errors"
	"fmt"

	"rollcall/model"
)

// Kind names one kind of record a store keeps, as a copy from one store to another (`rollcall
// migrate`) lists them, counts them and checks them.
type Kind string

// The kinds of records, in the order Copier.Dump gives them. Record.Value is, for each:
const (
	KindAdmins         Kind = "admins"              // model.Admin
	KindOrgs           Kind = "organizations"       // model.Organization
	KindClasses        Kind = "classes"             // model.Class
	KindGroups         Kind = "groups"              // model.Group
	KindUsers          Kind = "users"               // model.User
	KindSubscriptions  Kind = "subscriptions"       // model.Subscription
	KindSeats          Kind = "seats"               // model.Seat
	KindClaims         Kind = "claims"              // model.Claim
	KindVendorKeys     Kind = "vendor_keys"         // model.VendorKey
	KindInvitations    Kind = "invitations"         // model.Invitation
	KindCodes          Kind = "codes"               // model.OneTimeCode
	KindSessions       Kind = "sessions"            // model.Session
	KindPersonSessions Kind = "person_sessions"     // model.PersonSession
	KindLocalTokens    Kind = "local_tokens"        // LocalToken
	KindImports        Kind = "imports"             // model.ImportRun
	KindImportUndo     Kind = "import_undo"         // model.ImportUndo
	KindProvenance     Kind = "provenance"          // UserProvenance
	KindCampaigns      Kind = "campaigns"           // model.Campaign
	KindRecipients     Kind = "campaign_recipients" // model.CampaignRecipient
	KindSSHKeys        Kind = "ssh_keys"            // model.SSHKey
	KindSavedFilters   Kind = "saved_filters"       // model.SavedFilter
	KindAudit          Kind = "audit"               // model.AuditEvent
	KindSettings       Kind = "settings"            // Setting
	KindSequences      Kind = "sequences"           // Sequence
)

// Kinds lists every kind in Dump's order.
var Kinds = []Kind{KindAdmins, KindOrgs, KindClasses, KindGroups, KindUsers, KindSubscriptions, KindSeats,
	KindClaims, KindVendorKeys, KindInvitations, KindCodes, KindSessions, KindPersonSessions, KindLocalTokens, KindImports,
	KindImportUndo, KindProvenance, KindCampaigns, KindRecipients, KindSSHKeys, KindSavedFilters, KindAudit,
	KindSettings, KindSequences}

// Record is one stored record and its kind. Value holds the record by value, with its id (or
// key) as stored; secrets stay as stored (hashes).
type Record struct {
	Kind  Kind
	Value any
}

// LocalToken is a local OS user's remembered session, by the hash of its token.
type LocalToken struct {
	OSUser    string
	TokenHash string
}

// UserProvenance is the provenance of one user's fields.
type UserProvenance struct {
	UserID     model.ID
	Provenance model.Provenance
}

// Setting is one Meta key and its value.
type Setting struct {
	Key, Value string
}

// Sequence is the last id a store drew for one kind of record (0: none yet). Ids are never
// given twice, even after a delete, so a copy carries it: the copy goes on from there.
type Sequence struct {
	Of   Kind
	Last uint64
}

// Sequenced lists the kinds whose ids a store draws from a sequence, in Dump's order.
var Sequenced = []Kind{KindAdmins, KindOrgs, KindClasses, KindGroups, KindUsers, KindSubscriptions, KindSeats,
	KindInvitations, KindImports, KindCampaigns, KindAudit}

// ErrNotEmpty means a store that should hold nothing (the target of a copy) holds records. It
// matches ErrConflict too.
var ErrNotEmpty = fmt.Errorf("the database is not empty: %w", ErrConflict)

// Copier is a store whose records can be copied, as they are, to another store of any kind:
// `rollcall migrate` between a bbolt file and a PostgreSQL database.
type Copier interface {
	// Dump calls fn with every record, kind by kind in the order of Kinds and by key within a
	// kind, from one consistent snapshot, ending with a Sequence for each kind of Sequenced.
	// fn may keep the values it gets. An error from fn stops the walk and is returned.
	Dump(ctx context.Context, fn func(Record) error) error
	// Load writes, in one transaction, every record that records passes to put, as it is: ids,
	// keys and hashes kept, and each Sequence record sets its kind's sequence. Records may come
	// in any order of kinds. A store that already holds a record (other than a sequence) is
	// refused with ErrNotEmpty and nothing is written; a value of the wrong type for its kind is
	// an error and nothing is written.
	Load(ctx context.Context, records func(put func(Record) error) error) error
}

// ErrRecordType is returned by Load for a Record whose Value is not its kind's type.
var ErrRecordType = errors.New("record value of the wrong type for its kind")
