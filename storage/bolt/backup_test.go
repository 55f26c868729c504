package bolt

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

func TestBackupToFileWhileWriting(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTemp(t)
	seed := storage.Seed{}
	for i := range 300 {
		seed.Users = append(seed.Users, model.User{ID: model.TempID(i), LastName: "Before",
			Login: fmt.Sprintf("before%03d", i), Source: "ent", ExternalID: fmt.Sprint(i)})
	}
	if err := s.ApplySeed(ctx, seed); err != nil {
		t.Fatal(err)
	}

	// A writer keeps adding users during the backup.
	var written atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			u := model.User{LastName: "During", Login: fmt.Sprintf("during%05d", i)}
			if err := s.CreateUser(ctx, &u); err != nil {
				t.Errorf("CreateUser during the backup: %v", err)
				return
			}
			written.Add(1)
		}
	})
	backup := filepath.Join(t.TempDir(), "backups", "rollcall-backup.db")
	err := s.BackupToFile(ctx, backup)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("BackupToFile: %v", err)
	}

	info, err := os.Stat(backup)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(filepath.Dir(backup)); len(entries) != 1 {
		t.Errorf("backup directory holds %d entries, want only the backup (no temporary file)", len(entries))
	}

	b, err := Open(backup, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("opening the backup: %v", err)
	}
	defer b.Close()
	n := 0
	if err := b.ForEachUser(ctx, func(*model.User) error { n++; return nil }); err != nil {
		t.Fatalf("walking the backup: %v", err)
	}
	if n < 300 {
		t.Errorf("backup holds %d users, want at least the 300 written before it", n)
	}
	if u, err := b.UserByExternalID(ctx, "ent", "299"); err != nil || u.Login != "before299" {
		t.Errorf("backup index: %q, %v", u.Login, err)
	}
	if total, err := s.CountUsers(ctx); err != nil || total != 300+int(written.Load()) {
		t.Errorf("store after the backup has %d users, %v; want %d", total, err, 300+written.Load())
	}
	u := model.User{LastName: "After"}
	if err := s.CreateUser(ctx, &u); err != nil {
		t.Errorf("store not writable after the backup: %v", err)
	}
}

func TestBackupCancelled(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := s.BackupToFile(ctx, backup); !errors.Is(err, context.Canceled) {
		t.Errorf("BackupToFile with a cancelled context: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(backup)); len(entries) != 0 {
		t.Errorf("a cancelled backup left %d files", len(entries))
	}
}
