package bolt

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"go.etcd.io/bbolt"
	bberrors "go.etcd.io/bbolt/errors"

	"rollcall/storage"
)

// DefaultTimeout is how long Open waits for another process to release the file.
const DefaultTimeout = time.Second

// fileMode keeps the database private to its owner: it holds password and code hashes.
const fileMode = 0o600

// Options tune Open. The zero value is what the program uses.
type Options struct {
	// Timeout is how long to wait for the file lock held by another process before failing
	// with storage.ErrLocked. Zero or negative means DefaultTimeout (never wait forever).
	Timeout time.Duration
	// ReadOnly opens the file with a shared lock and refuses writes. Several read-only
	// processes may share a file; none may share it with a writer. A read-only open never
	// migrates, so it fails on a file written by an older Rollcall.
	ReadOnly bool
	// Now is the clock used to stamp codes as used (SpendCode, RevokeCodes). Nil means time.Now.
	Now func() time.Time
}

// Store is a storage.Store on one bbolt file. It is safe for concurrent use; writes are
// serialized by bbolt.
type Store struct {
	db      *bbolt.DB
	path    string
	version int
	now     func() time.Time
}

var _ storage.Store = (*Store)(nil)

// initialMmapSize is 1 GiB: a million users take about 450 MB.
const initialMmapSize = 1 << 30

// Open opens or creates the database at path (mode 0600, parent directories created 0700) and
// brings its schema up to date. It fails with storage.ErrLocked when another process holds the
// file for longer than opts.Timeout, and with storage.ErrNewerSchema, without touching the file,
// when a newer Rollcall wrote it.
func Open(path string, opts Options) (*Store, error) {
	return open(path, opts, migrations)
}

// open is Open with the migration list as a parameter, so tests can exercise the mechanism
// with migrations of their own.
func open(path string, opts Options, steps []migration) (*Store, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if !opts.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
	}
	// A large initial map is only address space: it spares the remaps (each copying every dirty
	// node, and waiting for readers) that a big import otherwise triggers as the file grows.
	db, err := bbolt.Open(path, fileMode, &bbolt.Options{Timeout: opts.Timeout, ReadOnly: opts.ReadOnly,
		InitialMmapSize: initialMmapSize})
	if errors.Is(err, bberrors.ErrTimeout) {
		return nil, fmt.Errorf("open %s: %w", path, storage.ErrLocked)
	} else if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, now: opts.Now}
	if s.version, err = upgrade(db, steps, opts.ReadOnly); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// Close releases the file. Pending read transactions are waited for.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}

// Path is the file the store was opened on.
func (s *Store) Path() string { return s.path }

// SchemaVersion is the layout version of the open file, which Open brought up to
// CurrentSchema (read-only opens refuse older files instead).
func (s *Store) SchemaVersion() int { return s.version }

// view runs fn in a read transaction unless ctx is already done.
func (s *Store) view(ctx context.Context, fn func(*bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.View(fn)
}

// update runs fn in a write transaction unless ctx is already done. An error from fn rolls
// everything back.
func (s *Store) update(ctx context.Context, fn func(*bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.Update(fn)
}
