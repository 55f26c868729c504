package postgres

import (
	"context"
	"fmt"
	"io"

	"rollcall/storage"
)

// Backup refuses: a PostgreSQL database is backed up with the engine's own tools (pg_dump,
// or the operator's base backups), which copy it consistently while Rollcall runs.
func (s *Store) Backup(ctx context.Context, _ io.Writer) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("backup of %s: %w", s.url, storage.ErrBackupByEngine)
}
