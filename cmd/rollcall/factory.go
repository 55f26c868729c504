package main

import (
	"context"
	"errors"
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
	// local OS user's remembered session is used. Commands act through it only.
	session *app.Session
	// language is the admin's saved choice, learnt with the session or without one (verify).
	language model.Language
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
		return nil, usageError{errors.New(f.Catalog().CLIUsage.DBPassword)}
	}
	st, err := openStore(context.Background(), f.dbPath)
	if err != nil {
		return nil, err
	}
	f.store = st
	texts := notifierTexts()
	f.app = app.New(st, app.Options{Licensing: licensingOptions(f.env.getenv), MailTexts: &texts,
		MemoryLimit: memoryLimit(f.env.getenv)})
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

// Session returns the signed-in admin's session, or model.ErrNotSignedIn. It does not check
// the terms step: the session's operations on school data do.
func (f *factory) Session(ctx context.Context) (*app.Session, error) {
	if f.session != nil {
		return f.session, nil
	}
	a, err := f.App()
	if err != nil {
		return nil, err
	}
	s, err := a.LocalSession(ctx, f.env.osUser)
	if err != nil {
		return nil, err
	}
	f.setSession(ctx, s)
	return s, nil
}

// setSession makes s the command's session and learns the admin's language from it.
func (f *factory) setSession(ctx context.Context, s *app.Session) {
	f.session = s
	if admin, err := s.Admin(ctx); err == nil && f.language == "" {
		f.language = admin.Language
	}
}

// Catalog returns the messages in the language of --lang, else the signed-in admin's saved
// choice, else LANG. A command that opened the store without needing a session (backup) still
// answers in the language of the admin signed in on this machine.
func (f *factory) Catalog() *i18n.Catalog {
	if f.session == nil && f.app != nil && f.language == "" {
		_, _ = f.Session(context.Background()) // not signed in: LANG decides
	}
	return i18n.For(i18n.Resolve(f.lang, f.language, f.env.getenv("LANG")))
}
