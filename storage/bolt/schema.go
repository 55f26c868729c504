package bolt

import (
	"encoding/binary"
	"errors"
	"fmt"

	"go.etcd.io/bbolt"
	bberrors "go.etcd.io/bbolt/errors"

	"rollcall/storage"
)

// CurrentSchema is the newest file layout this code knows; Open upgrades older files to it.
const CurrentSchema = 7

// Bucket names. Index buckets map a unique key to an 8-byte id.
var (
	bucketMeta     = []byte("meta")     // schemaKey → version (8-byte big-endian)
	bucketSettings = []byte("settings") // Meta/SetMeta keys → values

	bucketAdmins       = []byte("admins")          // id → JSON model.Admin
	bucketAdminByEmail = []byte("admins_by_email") // normalized email → id

	bucketOrgs = []byte("orgs") // id → JSON model.Organization

	bucketClasses     = []byte("classes")         // id → JSON model.Class
	bucketClassByCode = []byte("classes_by_code") // orgID(8) + code → id
	bucketGroups      = []byte("groups")          // id → JSON model.Group
	bucketGroupByCode = []byte("groups_by_code")  // orgID(8) + code → id

	bucketUsers       = []byte("users")          // id → binary model.User (storage/usercodec)
	bucketUserByLogin = []byte("users_by_login") // lower-cased login → id
	bucketUserByExt   = []byte("users_by_ext")   // source + 0x00 + external id → id

	bucketSubscriptions = []byte("subscriptions") // id → JSON model.Subscription

	bucketCodes       = []byte("codes")        // purpose + 0x00 + hash → JSON model.OneTimeCode
	bucketSessions    = []byte("sessions")     // token hash → JSON model.Session
	bucketLocalTokens = []byte("local_tokens") // OS user name → SHA-256 of the session token (version 5; the token itself before)

	bucketImports    = []byte("imports")     // id → JSON model.ImportRun (version 2)
	bucketImportUndo = []byte("import_undo") // run id → JSON model.ImportUndo (version 2)
	bucketProvenance = []byte("provenance")  // user id → JSON list of origins (provenance_codec.go) (version 2)

	// Version 3 creates the buckets of subscriptions and seats, mail-merge campaigns, SSH keys,
	// invitations, saved filters and the audit log up front, so the features that fill them can
	// land in any order without competing for a schema version. Each is keyed as noted; the
	// feature's own file owns its encoding.
	bucketSeats        = []byte("seats")               // subscription id(8) + seat id(8) → seat
	bucketClaims       = []byte("claims")              // hash of a claim code or serial → claim record
	bucketVendorKeys   = []byte("vendor_keys")         // org id(8) + key fingerprint → trusted vendor public key (the fingerprint alone before version 7)
	bucketCampaigns    = []byte("campaigns")           // id → campaign
	bucketRecipients   = []byte("campaign_recipients") // campaign id(8) + user id(8) → delivery status
	bucketSSHKeys      = []byte("ssh_keys")            // key fingerprint → admin's public key
	bucketInvitations  = []byte("invitations")         // id → invitation
	bucketSavedFilters = []byte("saved_filters")       // admin id(8) + name → selection
	bucketAudit        = []byte("audit")               // id → who changed what, when

	// Version 4: seats belong to directory accounts too, indexed by the account.
	bucketSeatsByUser = []byte("seats_by_user") // user id(8) + subscription id(8) + seat id(8) → empty

	// Version 6: the sessions of people signed in on the web pages.
	bucketPersonSessions         = []byte("person_sessions")           // token hash → JSON model.PersonSession
	bucketPersonSessionsByUser   = []byte("person_sessions_by_user")   // user id(8) + token hash → empty
	bucketPersonSessionsByExpiry = []byte("person_sessions_by_expiry") // expiry (Unix ns, 8) + token hash → empty
)

// schemaKey holds the layout version in bucketMeta.
var schemaKey = []byte("schema_version")

// A migration brings a file from version i to i+1 (it is migrations[i]). It runs in the same
// write transaction as the version bump, so a failed step leaves the file at version i.
type migration func(tx *bbolt.Tx) error

// migrations is the ordered list of steps; len(migrations) == CurrentSchema. Never edit a step
// that has shipped: append a new one.
var migrations = []migration{
	createV1Buckets,     // 0 → 1: an empty file gets every bucket
	createV2Buckets,     // 1 → 2: import history, undo data and provenance
	createV3Buckets,     // 2 → 3: subscriptions' seats and claims, campaigns, SSH keys, invitations, saved filters, audit
	seatsOnAccounts,     // 3 → 4: seats of directory accounts, indexed by account, each with its product key
	dropRawTokens,       // 4 → 5: local sessions were remembered by their raw token: every session ends
	createV6Buckets,     // 5 → 6: the web pages' sessions, kept in the file rather than in one process's memory
	vendorKeysPerSchool, // 6 → 7: trusted vendor keys become each school's (vendorkeys.go)
}

func createV6Buckets(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketPersonSessions, bucketPersonSessionsByUser, bucketPersonSessionsByExpiry} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("bucket %s: %w", name, err)
		}
	}
	return nil
}

// dropRawTokens ends every session: up to version 4 the local OS users' sessions were kept by
// their raw token, which a copy of the file (a backup) would have carried; from version 5 only
// its hash is kept. Everyone signs in again once.
func dropRawTokens(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketLocalTokens, bucketSessions} {
		if err := tx.DeleteBucket(name); err != nil && !errors.Is(err, bberrors.ErrBucketNotFound) {
			return fmt.Errorf("bucket %s: %w", name, err)
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return fmt.Errorf("bucket %s: %w", name, err)
		}
	}
	return nil
}

func createV3Buckets(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketSeats, bucketClaims, bucketVendorKeys, bucketCampaigns, bucketRecipients,
		bucketSSHKeys, bucketInvitations, bucketSavedFilters, bucketAudit} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("bucket %s: %w", name, err)
		}
	}
	return nil
}

func createV2Buckets(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketImports, bucketImportUndo, bucketProvenance} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("bucket %s: %w", name, err)
		}
	}
	return nil
}

func createV1Buckets(tx *bbolt.Tx) error {
	for _, name := range [][]byte{
		bucketMeta, bucketSettings,
		bucketAdmins, bucketAdminByEmail, bucketOrgs,
		bucketClasses, bucketClassByCode, bucketGroups, bucketGroupByCode,
		bucketUsers, bucketUserByLogin, bucketUserByExt, bucketSubscriptions,
		bucketCodes, bucketSessions, bucketLocalTokens,
	} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("bucket %s: %w", name, err)
		}
	}
	return nil
}

// upgrade reads the file's version and runs the missing steps, one write transaction each.
// A file newer than steps, or an older one opened read-only, is refused before any write.
func upgrade(db *bbolt.DB, steps []migration, readOnly bool) (int, error) {
	var v int
	if err := db.View(func(tx *bbolt.Tx) (err error) {
		v, err = readVersion(tx)
		return err
	}); err != nil {
		return 0, err
	}
	known := len(steps)
	switch {
	case v > known:
		return v, fmt.Errorf("file is version %d, this Rollcall knows up to %d: %w", v, known, storage.ErrNewerSchema)
	case v == known:
		return v, nil
	case readOnly:
		return v, fmt.Errorf("file is version %d, this Rollcall needs %d: open it once read-write to upgrade it", v, known)
	}
	for ; v < known; v++ {
		err := db.Update(func(tx *bbolt.Tx) error {
			if err := steps[v](tx); err != nil {
				return err
			}
			return writeVersion(tx, v+1)
		})
		if err != nil {
			return v, fmt.Errorf("migrate from version %d to %d: %w", v, v+1, err)
		}
	}
	return v, nil
}

// readVersion returns 0 for a fresh file. A file with buckets but no meta bucket belongs to
// some other program and is refused rather than "migrated".
func readVersion(tx *bbolt.Tx) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		foreign := false
		_ = tx.ForEach(func(name []byte, _ *bbolt.Bucket) error {
			foreign = true
			return nil
		})
		if foreign {
			return 0, fmt.Errorf("not a Rollcall database (no %q bucket)", bucketMeta)
		}
		return 0, nil
	}
	raw := meta.Get(schemaKey)
	if len(raw) != 8 {
		return 0, fmt.Errorf("schema version %x: %w", raw, storage.ErrCorrupt)
	}
	v := binary.BigEndian.Uint64(raw)
	if v > 1<<31 {
		return 0, fmt.Errorf("schema version %d: %w", v, storage.ErrCorrupt)
	}
	return int(v), nil
}

func writeVersion(tx *bbolt.Tx, v int) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	return meta.Put(schemaKey, binary.BigEndian.AppendUint64(nil, uint64(v)))
}
