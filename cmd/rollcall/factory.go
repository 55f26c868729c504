package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
	"rollcall/storage"
	boltstore "rollcall/storage/bolt"
	pgstore "rollcall/storage/postgres"
)

// factory opens the database only when a command needs it, so `--help` and usage errors never
// touch (or lock) the file. One factory serves one command run.
type factory struct {
	env    *env
	dbPath string
	lang   string // --lang

	store storage.Store
	// app is built on first use, or given in advance over a store someone else opened (the SSH
	// server's, shared by its sessions); Close then leaves that store open.
	app *app.App
	// session is set when the caller is already authenticated (an SSH session); otherwise the
	// local OS user's remembered session is used.
	session *authSession
	// language is the admin's saved choice when a command learnt it without a session (verify).
	language model.Language
}

// authSession is a signed-in admin and their token.
type authSession struct {
	token string
	admin model.Admin
}

// App opens the store and builds the application layer on first use.
func (f *factory) App() (*app.App, error) {
	if f.app != nil {
		return f.app, nil
	}
	if f.dbPath == "" {
		f.dbPath = defaultDBPath(f.env.getenv)
	} else if pgstore.IsURL(f.dbPath) && pgstore.HasPassword(f.dbPath) {
		// Anyone on the machine reads a process's arguments: no secret goes there.
		return nil, usageError{errors.New("--db carries a password, which the process list shows: " +
			"put it in ~/.pgpass or $PGPASSWORD, or the whole URL in $ROLLCALL_DB")}
	}
	st, err := openStore(context.Background(), f.dbPath)
	if err != nil {
		return nil, err
	}
	f.store = st
	texts := notifierTexts()
	f.app = app.New(st, app.Options{Licensing: licensingOptions(f.env.getenv), MailTexts: &texts})
	return f.app, nil
}

// openStore opens the database --db names: a PostgreSQL URL (postgres://…) or a bbolt file.
func openStore(ctx context.Context, db string) (storage.Store, error) {
	if pgstore.IsURL(db) {
		return pgstore.Open(ctx, db, pgstore.Options{})
	}
	return boltstore.Open(db, boltstore.Options{Timeout: time.Second})
}

// Close releases the database.
func (f *factory) Close() {
	if f.store != nil {
		_ = f.store.Close()
		f.store, f.app = nil, nil
	}
}

// Session returns the signed-in admin, or model.ErrNotSignedIn.
func (f *factory) Session(ctx context.Context) (*authSession, error) {
	if f.session != nil {
		return f.session, nil
	}
	a, err := f.App()
	if err != nil {
		return nil, err
	}
	token, admin, err := a.LocalSession(ctx, f.env.osUser)
	if err != nil {
		return nil, err
	}
	f.session = &authSession{token: token, admin: admin}
	return f.session, nil
}

// Catalog returns the messages in the language of --lang, else the signed-in admin's saved
// choice, else LANG. A command that opened the store without needing a session (backup) still
// answers in the language of the admin signed in on this machine.
func (f *factory) Catalog() *i18n.Catalog {
	if f.session == nil && f.app != nil && f.language == "" {
		_, _ = f.Session(context.Background()) // not signed in: LANG decides
	}
	saved := f.language
	if f.session != nil {
		saved = f.session.admin.Language
	}
	return i18n.For(i18n.Resolve(f.lang, saved, f.env.getenv("LANG")))
}

// say writes a message for a person to stderr.
func (f *factory) say(format string, args ...any) {
	fmt.Fprintf(f.env.stderr, format+"\n", args...)
}

// printJSON writes v to stdout as indented JSON: the stable, documented shape of --json.
func (f *factory) printJSON(v any) error {
	enc := json.NewEncoder(f.env.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
