package app

import (
	"context"
	"io"
)

// BackupToFile writes a consistent copy of the database to dest, even while Rollcall runs;
// dest is never half a backup (see writeFile). It returns the bytes written.
func (a *App) BackupToFile(ctx context.Context, dest string) (n int64, err error) {
	err = writeFile(dest, func(w io.Writer) error {
		n, err = a.Backup(ctx, w)
		return err
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}
