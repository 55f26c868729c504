package main

import (
	"errors"

	"rollcall/model"
)

// Exit codes, documented in README.md. Scripts rely on them: never renumber.
const (
	exitOK       = 0
	exitInternal = 1
	exitUsage    = 2
	exitInvalid  = 3
	exitNotFound = 4 // also: not signed in, wrong credentials
	exitConflict = 5 // also: database in use, throttled, already done
	exitPaused   = 6 // a service failed: the SMTP server (a campaign paused), a directory
	// exitCopyDiffers: a copy between databases (migrate) was written and does not match its
	// source when read back.
	exitCopyDiffers = 7
)

// usageError marks errors in how a command was called (flags, arguments).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// exitCode is the exit code of err: the one of its kind (model.KindOf), as README documents.
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	if c, ok := model.Describe(err); ok && !c.ErrorMessage().Generic() {
		return kindExit(c.ErrorKind())
	}
	if code := legacyExit(err); code != exitInternal {
		return code
	}
	return kindExit(model.KindOf(err))
}

// kindExit is the exit code of each kind of error.
func kindExit(k model.Kind) int {
	switch k {
	case model.KindUsage:
		return exitUsage
	case model.KindInvalid:
		return exitInvalid
	case model.KindNotFound, model.KindForbidden:
		return exitNotFound
	case model.KindConflict:
		return exitConflict
	case model.KindUnavailable:
		return exitPaused
	}
	return exitInternal
}

// legacyExit is the exit code of the errors that do not say their kind: how a command was
// called, and a migration's copy that differs (exit code 7, outside the kinds).
func legacyExit(err error) int {
	var ue usageError
	var mm *model.CopyMismatchError
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.As(err, &mm) && mm.Copied:
		return exitCopyDiffers
	case errors.As(err, &mm):
		return exitConflict
	}
	return exitInternal
}
