package main

import (
	"errors"
	"io/fs"

	"rollcall/dirsync"
	"rollcall/model"
	"rollcall/storage"
)

// Exit codes, documented in README.md. Scripts rely on them: never renumber.
const (
	exitOK       = 0
	exitInternal = 1
	exitUsage    = 2
	exitInvalid  = 3
	exitNotFound = 4 // also: not signed in, wrong credentials
	exitConflict = 5 // also: database in use, throttled, already done
)

// usageError marks errors in how a command was called (flags, arguments).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func exitCode(err error) int {
	var te *model.ThrottledError
	var ue usageError
	var ne *model.NotEmptyError
	var tm *model.TooManyDeletionsError
	var cs *model.ChangedSinceError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return exitUsage
	case mergeExit(err) != 0:
		return mergeExit(err)
	case errors.Is(err, dirsync.ErrNotConfigured), errors.Is(err, dirsync.ErrUnauthorized), errors.Is(err, dirsync.ErrNoSuchGroup):
		return exitNotFound // the directory's credentials are missing or refused, or it has no such group
	case errors.Is(err, model.ErrInvalid), errors.Is(err, model.ErrCodeInvalid), errors.Is(err, model.ErrNoOrganization),
		errors.Is(err, model.ErrCodeExpired), errors.Is(err, model.ErrCodeUsed), errors.Is(err, storage.ErrBackupByEngine):
		return exitInvalid
	case errors.Is(err, storage.ErrNotFound), errors.Is(err, model.ErrNotSignedIn), errors.Is(err, fs.ErrNotExist),
		errors.Is(err, model.ErrInvalidCredentials), errors.Is(err, model.ErrNotVerified),
		errors.Is(err, model.ErrTermsNotAccepted):
		return exitNotFound
	case errors.As(err, &te), errors.Is(err, storage.ErrConflict), errors.Is(err, storage.ErrLocked),
		errors.Is(err, model.ErrEmailTaken), errors.Is(err, model.ErrDemoLoaded),
		errors.Is(err, model.ErrAlreadyVerified), errors.Is(err, storage.ErrNewerSchema),
		errors.As(err, &ne), errors.Is(err, model.ErrNotPending), errors.Is(err, model.ErrAlreadyActivated),
		errors.As(err, &tm), errors.As(err, &cs), errors.Is(err, model.ErrNothingToUndo):
		return exitConflict
	}
	return exitInternal
}
