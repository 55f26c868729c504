package model

import (
	"errors"
	"fmt"
	"io/fs"
)

// Kind is what an error means to whoever asked, whatever its words: the CLI's exit code follows
// from it alone (README, Exit codes), and every face picks its tone from it.
type Kind uint8

// The kinds of errors. The zero value is internal, so an error that says nothing of itself is
// never taken for the admin's mistake.
const (
	KindInternal    Kind = iota // a failure of Rollcall or its machine: a bug, a damaged file (exit 1)
	KindUsage                   // how a command was called: an unknown flag, a missing argument (2)
	KindInvalid                 // input that breaks a rule: a form, a file, a wrong or used code (3)
	KindNotFound                // nothing answers to the reference given (4)
	KindForbidden               // who is acting may not: not signed in, wrong password (4)
	KindConflict                // the state refuses it now: already done, in use, too many attempts (5)
	KindUnavailable             // a service Rollcall relies on failed: the SMTP server, a directory (6)
)

// Kinds returns every kind, for tests that must cover each.
func Kinds() []Kind {
	return []Kind{KindInternal, KindUsage, KindInvalid, KindNotFound, KindForbidden, KindConflict, KindUnavailable}
}

// String names the kind for logs and tests.
func (k Kind) String() string {
	switch k {
	case KindUsage:
		return "usage"
	case KindInvalid:
		return "invalid"
	case KindNotFound:
		return "not found"
	case KindForbidden:
		return "forbidden"
	case KindConflict:
		return "conflict"
	case KindUnavailable:
		return "unavailable"
	}
	return "internal"
}

// MsgID names the sentence that tells an error in every catalogue. The ids are the constants
// of messages.go; a test of i18n fails when a language lacks one.
type MsgID string

// Message is an error's sentence: its id and the values that fill it, in order. Values keep
// their types (int, string, Date, time.Time, Thing, a list of errors) so that each language
// formats them its own way.
type Message struct {
	ID   MsgID
	Args []any
}

// Coded is an error that says its kind and its message. Every error that reaches a face is
// one or wraps one; the faces need nothing else to answer.
type Coded interface {
	error
	ErrorKind() Kind
	ErrorMessage() Message
}

// Error is an error that is only its kind and its message: the sentinels of the domain and of
// the packages under it. Compare with errors.Is; its text is for logs and developers.
type Error struct {
	kind   Kind
	msg    Message
	text   string
	parent *Error // the sentinel this one tells with values (With)
}

// NewError returns a sentinel of kind k told by the sentence id; text is its English for logs.
func NewError(k Kind, id MsgID, text string) *Error {
	return &Error{kind: k, msg: Message{ID: id}, text: text}
}

func (e *Error) Error() string {
	if len(e.msg.Args) > 0 {
		return fmt.Sprintf("%s %v", e.text, e.msg.Args)
	}
	return e.text
}

// With returns the error told with values ("%s has no email address" with the login); it
// matches e with errors.Is.
func (e *Error) With(args ...any) error {
	return &Error{kind: e.kind, msg: Message{ID: e.msg.ID, Args: args}, text: e.text, parent: e}
}

// Is matches the sentinel an error made by With came from.
func (e *Error) Is(target error) bool { return e.parent != nil && target == e.parent }

// Kind is the error's kind.
func (e *Error) ErrorKind() Kind { return e.kind }

// Message is the error's sentence.
func (e *Error) ErrorMessage() Message { return e.msg }

// Generic says whether the sentence names only a kind ("not found", "conflict"): a more
// specific error wrapped beside it is the one to tell.
func (m Message) Generic() bool {
	return m.ID == MsgNotFound || m.ID == MsgConflict || m.ID == MsgInvalid
}

// Describe finds what err says: the first error of its tree (depth first, as errors.As walks)
// that is Coded with a specific message, else the first Coded one, else ok is false. An error
// wrapped as "%w (%w)" with a generic sentinel is thereby told by its specific part.
func Describe(err error) (c Coded, ok bool) {
	var first Coded
	walkErrors(err, func(e error) bool {
		ce, is := e.(Coded)
		if !is {
			return false
		}
		if !ce.ErrorMessage().Generic() {
			c, ok = ce, true
			return true
		}
		if first == nil {
			first = ce
		}
		return false
	})
	if ok {
		return c, true
	}
	return first, first != nil
}

// KindOf is the kind of err: the kind of what Describe finds; for an error of the standard
// library without one, a missing file is not found and an existing one a conflict; anything
// else is internal.
func KindOf(err error) Kind {
	if c, ok := Describe(err); ok {
		return c.ErrorKind()
	}
	switch {
	case err == nil:
		return KindInternal
	case errors.Is(err, fs.ErrNotExist):
		return KindNotFound
	case errors.Is(err, fs.ErrExist):
		return KindConflict
	}
	return KindInternal
}

// walkErrors visits err's tree depth first until visit returns true.
func walkErrors(err error, visit func(error) bool) bool {
	if err == nil {
		return false
	}
	if visit(err) {
		return true
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return walkErrors(u.Unwrap(), visit)
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			if walkErrors(e, visit) {
				return true
			}
		}
	}
	return false
}
