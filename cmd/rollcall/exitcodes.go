package main

import "rollcall/model"

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

// usageError is an error in how a command was called (flags, arguments, no terminal for a
// prompt): of kind model.KindUsage, told by its own words (model.MsgUsage), so its exit code
// comes from its kind like every other error's.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// ErrorKind: how a command was called (exit code 2).
func (e usageError) ErrorKind() model.Kind { return model.KindUsage }

// ErrorMessage is the words the command chose.
func (e usageError) ErrorMessage() model.Message {
	return model.Message{ID: model.MsgUsage, Args: []any{e.err.Error()}}
}

// exitCode is the exit code of err: the one of its kind (model.KindOf), as README documents;
// a copy between databases read back different has its own (its message says so).
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	if c, ok := model.Describe(err); ok && c.ErrorMessage().ID == model.MsgCopyDiffers {
		return exitCopyDiffers
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
