package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"time"

	"rollcall/app"
	boltstore "rollcall/storage/bolt"
)

// While `rollcall serve` holds a bbolt file, no other process may open it: `rollcall backup` on
// the same machine asks the server for the copy instead, through a Unix socket beside the
// database. The socket is the file's owner's only (mode 0600 in a folder the database already
// lives in), so it gives nothing that reading the database file would not: the same OS user's
// backup, as when no server runs.

// backupSocketPath is the socket `serve` listens on for backups of db.
func backupSocketPath(db string) string { return db + ".backup.sock" }

// serveBackups answers each connection on the socket with a consistent copy of the database,
// until ctx ends. It returns at once, without a socket, where Unix sockets cannot be made (a
// path too long, another OS), logging why: backups over SSH (backup -) still work.
func serveBackups(ctx context.Context, a *app.App, db string, log *slog.Logger) (stop func()) {
	path := backupSocketPath(db)
	if st, err := os.Lstat(path); err == nil && st.Mode()&os.ModeSocket != 0 {
		_ = os.Remove(path) // left by a server that was killed: the database lock says none runs
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		log.Warn("no local backup socket: rollcall backup needs ssh … backup - while the server runs", "error", err.Error())
		return func() {}
	}
	_ = os.Chmod(path, 0o600)
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				n, err := a.Backup(ctx, conn)
				if err != nil {
					log.Error("local backup failed", "error", err.Error())
					return
				}
				log.Info("local backup served", "bytes", n)
			}()
		}
	}()
	return func() { ln.Close(); _ = os.Remove(path) }
}

// errNoServer says no server answers on the backup socket.
var errNoServer = errors.New("no server answers on the backup socket")

// backupFromServer asks the `serve` holding db for a copy, written to dest ("-": w), and
// checks it opens as a database before keeping it. It returns errNoServer when none answers.
func backupFromServer(ctx context.Context, db, dest string, w io.Writer) (int64, error) {
	var d net.Dialer
	dctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	conn, err := d.DialContext(dctx, "unix", backupSocketPath(db))
	if err != nil {
		return 0, errNoServer
	}
	defer conn.Close()
	if dest == "-" {
		return io.Copy(w, conn)
	}
	n, err := app.SaveBackup(dest, conn)
	if err != nil {
		return 0, err
	}
	st, err := boltstore.Open(dest, boltstore.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		_ = os.Remove(dest)
		return 0, fmt.Errorf("the server's copy does not open as a database: %w", err)
	}
	st.Close()
	return n, nil
}
