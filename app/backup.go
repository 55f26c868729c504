package app

import (
	"context"
	"io"
	"slices"

	"rollcall/model"
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

// SaveBackup writes a backup read from r (another process's copy of the database) to dest,
// never half of one, and returns the bytes written.
func SaveBackup(dest string, r io.Reader) (n int64, err error) {
	err = writeFile(dest, func(w io.Writer) error {
		n, err = io.Copy(w, r)
		return err
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// MayBackUpRemotely says whether an admin may take a copy of the whole database over SSH: a
// backup holds every school's data, so only an admin of every organization in it may. (On the
// server's machine, whoever can read the database file can copy it anyway.)
func (s *Session) MayBackUpRemotely(ctx context.Context) (_ bool, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.mayBackUpRemotely(ctx, admin)
}

func (a *App) mayBackUpRemotely(ctx context.Context, admin model.Admin) (bool, error) {
	fresh, err := a.store.Admin(ctx, admin.ID)
	if err != nil {
		return false, err
	}
	orgs, err := a.store.ListOrgs(ctx)
	if err != nil {
		return false, err
	}
	for _, o := range orgs {
		if !slices.Contains(fresh.OrgIDs, o.ID) {
			return false, nil
		}
	}
	return true, nil
}
