package app

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// BackupToFile writes a consistent copy of the database to dest, even while Rollcall runs: to
// a temporary file beside it first, synced, readable by its owner only, then renamed, so dest
// is never half a backup. It returns the bytes written.
func (a *App) BackupToFile(ctx context.Context, dest string) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".rollcall-backup-*")
	if err != nil {
		return 0, writeError(dest, err)
	}
	defer os.Remove(tmp.Name()) // gone once renamed; the leftover of a failure otherwise
	n, err := a.Backup(ctx, tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o600)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), dest)
	}
	if err != nil {
		return 0, writeError(dest, err)
	}
	return n, nil
}

// writeError says that dest could not be written, and why: a person reads the file they named,
// not the temporary one beside it.
func writeError(dest string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &fs.PathError{Op: "write", Path: dest, Err: err}
}
