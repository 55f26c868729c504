package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"rollcall/storage"
)

// Options tune Open. The zero value is what the program uses.
type Options struct {
	// Now is the clock used to stamp codes as used (SpendCode, RevokeCodes). Nil means time.Now.
	Now func() time.Time
	// MaxConns caps the pool's connections (0: pgx's default, the larger of 4 and the CPUs).
	MaxConns int32
}

// Store is a storage.Store on one PostgreSQL database. It is safe for concurrent use, by many
// goroutines and by many processes at once.
type Store struct {
	pool      *pgxpool.Pool
	url       string // without password, for messages
	version   int
	now       func() time.Time
	closing   chan struct{} // closed by Close, which ends the watches (WatchUsers)
	closeOnce sync.Once
}

var _ storage.Store = (*Store)(nil)

// IsURL reports whether a --db value names a PostgreSQL database rather than a bbolt file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database of url and brings its schema up to date. It fails with
// storage.ErrNewerSchema, without changing anything, when a newer Rollcall wrote the schema.
func Open(ctx context.Context, dbURL string, opts Options) (*Store, error) {
	return open(ctx, dbURL, opts, migrations)
}

func open(ctx context.Context, dbURL string, opts Options, steps []step) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	safe := Redact(dbURL)
	cfg, err := pgxpool.ParseConfig(dbURL)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", safe, errors.New("not a valid PostgreSQL URL"))
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", safe, err)
	}
	s := &Store{pool: pool, url: safe, now: opts.Now, closing: make(chan struct{})}
	if s.version, err = upgrade(ctx, pool, steps); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open %s: %w", safe, err)
	}
	return s, nil
}

// HasPassword reports whether a URL carries a password (in its user part or its query).
func HasPassword(dbURL string) bool {
	u, err := url.Parse(dbURL)
	if err != nil {
		return false
	}
	_, set := u.User.Password()
	return set || u.Query().Has("password")
}

// Redact drops the password from a URL, for messages and logs.
func Redact(dbURL string) string {
	u, err := url.Parse(dbURL)
	if err != nil {
		return "postgres://…"
	}
	if u.User != nil {
		if _, set := u.User.Password(); set {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// Close ends the watches and releases the connections.
func (s *Store) Close() error {
	s.closeOnce.Do(func() { close(s.closing) })
	s.pool.Close()
	return nil
}

// URL is the database the store was opened on, without its password.
func (s *Store) URL() string { return s.url }

// SchemaVersion is the schema version of the database, which Open brought up to CurrentSchema.
func (s *Store) SchemaVersion() int { return s.version }

// maxAttempts bounds the retries of a transaction that lost a deadlock or a serialization race.
const maxAttempts = 8

// view runs fn in a read-only transaction that sees one snapshot, unless ctx is already done.
func (s *Store) view(ctx context.Context, fn func(pgx.Tx) error) error {
	return s.run(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, fn)
}

// update runs fn in a read-write transaction (read committed: rules take row locks) unless ctx
// is already done. An error from fn rolls everything back.
func (s *Store) update(ctx context.Context, fn func(pgx.Tx) error) error {
	return s.run(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}, fn)
}

func (s *Store) run(ctx context.Context, opts pgx.TxOptions, fn func(pgx.Tx) error) error {
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := pgx.BeginTxFunc(ctx, s.pool, opts, fn)
		if err == nil {
			return nil
		}
		if !retryable(err) || attempt == maxAttempts {
			return mapErr(ctx, err)
		}
		time.Sleep(time.Duration(attempt) * 5 * time.Millisecond)
	}
}

// retryable errors are lost races: running the transaction again may succeed.
func retryable(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && (pg.Code == "40001" || pg.Code == "40P01")
}

// mapErr turns the server's words into the storage vocabulary: a broken unique key is
// storage.ErrConflict, a cancelled context is context.Canceled.
func mapErr(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w (%v)", cerr, err)
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) && pg.Code == "23505" && !errors.Is(err, storage.ErrConflict) {
		return fmt.Errorf("%s: %w", pg.Detail, storage.ErrConflict)
	}
	return err
}
