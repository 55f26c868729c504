package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"rollcall/storage"
)

// CurrentSchema is the newest schema this code knows; Open upgrades older databases to it.
const CurrentSchema = 6

// migrations[i] brings a database from version i to i+1, in the transaction that records the
// new version, so a failed step leaves the database at version i. Never edit a step that has
// shipped: append a new one.
var migrations = []step{sql(schemaV1), sql(schemaV2), sql(schemaV3), sql(schemaV4), sql(schemaV5), linkEmailSeats}

// step is one migration, run in the transaction that records the new version.
type step func(ctx context.Context, tx pgx.Tx) error

// sql is a step that is one SQL script.
func sql(script string) step {
	return func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, script)
		return err
	}
}

// schemaV1 is every table. Keys are bytea holding the bytes bbolt's index buckets hold (a
// lower-cased login; source, a zero byte and the external id; an organization id and a code),
// so uniqueness and order are by bytes, as in bbolt, whatever the server's collation; data is
// the record (users: storage/usercodec; the rest: JSON of the model type).
const schemaV1 = `
CREATE TABLE settings (key bytea PRIMARY KEY, value bytea NOT NULL);

CREATE SEQUENCE admins_id_seq;
CREATE TABLE admins (id bigint PRIMARY KEY, email bytea UNIQUE, data bytea NOT NULL);

CREATE SEQUENCE orgs_id_seq;
CREATE TABLE orgs (id bigint PRIMARY KEY, data bytea NOT NULL);

CREATE SEQUENCE classes_id_seq;
CREATE TABLE classes (id bigint PRIMARY KEY, code bytea UNIQUE, data bytea NOT NULL);
CREATE SEQUENCE groups_id_seq;
CREATE TABLE groups (id bigint PRIMARY KEY, code bytea UNIQUE, data bytea NOT NULL);

CREATE SEQUENCE users_id_seq;
CREATE TABLE users (id bigint PRIMARY KEY, login bytea UNIQUE, ext bytea UNIQUE, data bytea NOT NULL);

-- Which users changed, by revision: a transaction that writes users takes the
-- advisory lock 'users' right before committing, then draws its revision, so revisions
-- become visible in the order they were drawn and a reader that saw revision n has
-- seen every change up to n.
CREATE SEQUENCE user_revs;
CREATE TABLE user_changes (user_id bigint PRIMARY KEY, rev bigint NOT NULL);
CREATE INDEX user_changes_rev ON user_changes (rev);

CREATE SEQUENCE subscriptions_id_seq;
CREATE TABLE subscriptions (id bigint PRIMARY KEY, data bytea NOT NULL);

CREATE TABLE codes (key bytea PRIMARY KEY, purpose bytea NOT NULL, subject bigint NOT NULL, data bytea NOT NULL);
CREATE INDEX codes_subject ON codes (purpose, subject);
CREATE TABLE sessions (token bytea PRIMARY KEY, data bytea NOT NULL);
CREATE TABLE local_tokens (os_user bytea PRIMARY KEY, token bytea NOT NULL);

CREATE SEQUENCE imports_id_seq;
CREATE TABLE imports (id bigint PRIMARY KEY, data bytea NOT NULL);
CREATE TABLE import_undo (run_id bigint PRIMARY KEY, data bytea NOT NULL);
CREATE TABLE provenance (user_id bigint PRIMARY KEY, data bytea NOT NULL);

CREATE SEQUENCE seats_id_seq;
CREATE TABLE seats (sub_id bigint NOT NULL, id bigint NOT NULL, data bytea NOT NULL, PRIMARY KEY (sub_id, id));
CREATE TABLE claims (hash bytea PRIMARY KEY, data bytea NOT NULL);
CREATE TABLE vendor_keys (fingerprint bytea PRIMARY KEY, data bytea NOT NULL);

CREATE SEQUENCE campaigns_id_seq;
CREATE TABLE campaigns (id bigint PRIMARY KEY, data bytea NOT NULL);
CREATE TABLE campaign_recipients (campaign_id bigint NOT NULL, user_id bigint NOT NULL, data bytea NOT NULL,
	PRIMARY KEY (campaign_id, user_id));

CREATE TABLE ssh_keys (fingerprint bytea PRIMARY KEY, admin_id bigint NOT NULL, data bytea NOT NULL);
CREATE SEQUENCE invitations_id_seq;
CREATE TABLE invitations (id bigint PRIMARY KEY, data bytea NOT NULL);
CREATE TABLE saved_filters (admin_id bigint NOT NULL, name bytea NOT NULL, data bytea NOT NULL,
	PRIMARY KEY (admin_id, name));
CREATE SEQUENCE audit_id_seq;
CREATE TABLE audit (id bigint PRIMARY KEY, subject bigint NOT NULL, data bytea NOT NULL);
CREATE INDEX audit_subject ON audit (subject, id);
`

// schemaV2 gives seats their holder's account, so an account's seats are one index lookup and
// deleting the account frees them (0: an email from outside the directory). Seats written before
// keep 0; the application counts an email seat and the account that has the email as one holder.
const schemaV2 = `
ALTER TABLE seats ADD COLUMN user_id bigint NOT NULL DEFAULT 0;
CREATE INDEX seats_user ON seats (user_id, sub_id, id) WHERE user_id <> 0;
`

// schemaV3 ends every session. Databases of versions 1 and 2 were written by Rollcalls that
// remembered a local OS user's session by its raw token (bbolt's file version 5 ended those
// too), so a pg_dump of them holds a secret that opens a session; from version 3 only the
// token's hash is kept. Everyone signs in again once.
const schemaV3 = `
DELETE FROM local_tokens;
DELETE FROM sessions;
`

// schemaV4 keeps the sessions of the people signed in on the web pages (until then in one
// process's memory), with when each ends in Unix nanoseconds, as bbolt orders them.
const schemaV4 = `
CREATE TABLE person_sessions (token bytea PRIMARY KEY, user_id bigint NOT NULL, expires bigint NOT NULL, data bytea NOT NULL);
CREATE INDEX person_sessions_user ON person_sessions (user_id);
CREATE INDEX person_sessions_expires ON person_sessions (expires);
`

// schemaV5 makes trusted vendor keys each school's: a key trusted before, which every school
// then accepted, is copied to every school that exists, so none stops accepting codes it
// accepted; each school's admins remove it from theirs as they wish. Without a school the keys
// stay under school 0, their admins' own.
const schemaV5 = `
ALTER TABLE vendor_keys ADD COLUMN org_id bigint NOT NULL DEFAULT 0;
ALTER TABLE vendor_keys DROP CONSTRAINT vendor_keys_pkey;
INSERT INTO vendor_keys (org_id, fingerprint, data)
	SELECT o.id, v.fingerprint, v.data FROM vendor_keys v CROSS JOIN orgs o WHERE v.org_id = 0;
DELETE FROM vendor_keys WHERE org_id = 0 AND EXISTS (SELECT 1 FROM orgs);
ALTER TABLE vendor_keys ADD PRIMARY KEY (org_id, fingerprint);
ALTER TABLE vendor_keys ALTER COLUMN org_id DROP DEFAULT;
`

// migrateLock is the advisory lock key processes take to migrate one at a time.
const migrateLock = 0x726f6c6c63616c6c // "rollcall"

// upgrade reads the database's version and runs the missing steps, one transaction each, under
// an advisory lock so two processes starting together migrate once. A database newer than
// steps is refused before any write.
func upgrade(ctx context.Context, pool *pgxpool.Pool, steps []step) (v int, err error) {
	for {
		var done bool
		err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(migrateLock)); err != nil {
				return err
			}
			if v, err = readVersion(ctx, tx); err != nil {
				return err
			}
			known := len(steps)
			switch {
			case v > known:
				return fmt.Errorf("database is version %d, this Rollcall knows up to %d: %w", v, known, storage.ErrNewerSchema)
			case v == known:
				done = true
				return nil
			}
			if err := steps[v](ctx, tx); err != nil {
				return fmt.Errorf("migrate from version %d to %d: %w", v, v+1, err)
			}
			_, err := tx.Exec(ctx, "UPDATE schema_version SET version = $1", v+1)
			return err
		})
		if err != nil || done {
			return v, err
		}
	}
}

// readVersion returns 0 for an empty database, creating the version table. A database with
// tables but no schema_version belongs to some other program and is refused.
func readVersion(ctx context.Context, tx pgx.Tx) (int, error) {
	var exists bool
	if err := tx.QueryRow(ctx, "SELECT to_regclass('schema_version') IS NOT NULL").Scan(&exists); err != nil {
		return 0, err
	}
	if exists {
		var v int
		err := tx.QueryRow(ctx, "SELECT version FROM schema_version").Scan(&v)
		if errors.Is(err, pgx.ErrNoRows) {
			return 0, fmt.Errorf("schema version: no row: %w", storage.ErrCorrupt)
		}
		return v, err
	}
	var n int
	if err := tx.QueryRow(ctx, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").Scan(&n); err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, fmt.Errorf("not a Rollcall database (tables, but no schema_version table)")
	}
	_, err := tx.Exec(ctx, "CREATE TABLE schema_version (version integer NOT NULL); INSERT INTO schema_version VALUES (0)")
	return 0, err
}
