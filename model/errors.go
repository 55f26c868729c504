package model

import (
	"fmt"
	"strings"
	"time"
)

// Rule names what a value failed, so the UI can say it in the admin's language.
type Rule string

// The rules that validation can report.
const (
	RuleRequired       Rule = "required"
	RuleEmail          Rule = "email"
	RuleEmailMismatch  Rule = "email_mismatch"
	RulePasswordLength Rule = "password_length"
	RulePasswordLetter Rule = "password_letter"
	RulePasswordDigit  Rule = "password_digit"
	RulePasswordUpper  Rule = "password_upper"
	RulePasswordLower  Rule = "password_lower"
	RulePasswordSymbol Rule = "password_symbol"
	RuleLanguage       Rule = "language"
	RuleCountry        Rule = "country"
	RuleDate           Rule = "date"
	RuleFutureDate     Rule = "future_date" // a birth date after today
	RuleUnknownValue   Rule = "unknown_value"
	RuleTooLong        Rule = "too_long"
	RuleTermsRequired  Rule = "terms_required"
	RuleLogin          Rule = "login"
)

// ValidationError says that one field's value broke one rule.
type ValidationError struct {
	Field string
	Rule  Rule
	Value string // the offending value; never set for secrets
	// Limit is the bound the rule names, when it has one (the shortest a password may be).
	Limit int
}

func (e *ValidationError) Error() string {
	if e.Value != "" {
		return fmt.Sprintf("%s: %s (%q)", e.Field, e.Rule, e.Value)
	}
	return fmt.Sprintf("%s: %s", e.Field, e.Rule)
}

// Is makes every ValidationError match ErrInvalid.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// ErrorKind: a value that breaks a rule is invalid input (exit code 3).
func (e *ValidationError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage names the field and the rule; the error is its value.
func (e *ValidationError) ErrorMessage() Message { return Message{ID: MsgValidation, Args: []any{e}} }

// ValidationErrors collects the problems of one form or record.
type ValidationErrors []*ValidationError

func (es ValidationErrors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Is makes a list of validation errors match ErrInvalid.
func (es ValidationErrors) Is(target error) bool { return target == ErrInvalid }

// ErrorKind: values that break rules are invalid input (exit code 3).
func (es ValidationErrors) ErrorKind() Kind { return KindInvalid }

// ErrorMessage tells each problem, one a line.
func (es ValidationErrors) ErrorMessage() Message {
	lines := make([]Message, len(es))
	for i, e := range es {
		lines[i] = e.ErrorMessage()
	}
	return Message{ID: MsgLines, Args: []any{lines}}
}

// Err returns nil for an empty list, so callers can `return errs.Err()`.
func (es ValidationErrors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// Sentinel errors of the domain, each with its kind and sentence. Storage errors live in
// package storage.
var (
	ErrInvalid            = NewError(KindInvalid, MsgInvalid, "invalid input")
	ErrInvalidCredentials = NewError(KindForbidden, MsgInvalidCredentials, "wrong email or password")
	ErrNotVerified        = NewError(KindForbidden, MsgNotVerified, "email not verified yet")
	ErrAlreadyVerified    = NewError(KindConflict, MsgAlreadyVerified, "email already verified")
	ErrCodeInvalid        = NewError(KindInvalid, MsgCodeInvalid, "code not recognised")
	ErrCodeExpired        = NewError(KindInvalid, MsgCodeExpired, "code expired")
	ErrCodeUsed           = NewError(KindInvalid, MsgCodeUsed, "code already used")
	ErrNotSignedIn        = NewError(KindForbidden, MsgNotSignedIn, "not signed in")
	ErrEmailTaken         = NewError(KindConflict, MsgEmailTaken, "an account with this email already exists")
	ErrTermsNotAccepted   = NewError(KindForbidden, MsgTermsNotAccepted, "terms not accepted")
	ErrDemoLoaded         = NewError(KindConflict, MsgDemoLoaded, "the demo school is already loaded")
	ErrAlreadyActivated   = NewError(KindConflict, MsgAlreadyActivated, "account already activated")
	ErrNotPending         = NewError(KindConflict, MsgNotPending, "user is not pending deletion")
	ErrNoOrganization     = NewError(KindInvalid, MsgNoOrganization, "choose an organization")
	ErrNothingToUndo      = NewError(KindConflict, MsgNothingToUndo, "no import to undo")
)

// ThrottledError says sign-in is refused until a moment, after repeated failures.
type ThrottledError struct {
	Until time.Time
}

func (e *ThrottledError) Error() string {
	return "too many failed attempts; try again at " + e.Until.UTC().Format(time.RFC3339)
}

// ErrorKind: too many attempts is a conflict with the state (exit code 5).
func (e *ThrottledError) ErrorKind() Kind { return KindConflict }

// ErrorMessage says until when.
func (e *ThrottledError) ErrorMessage() Message {
	return Message{ID: MsgThrottled, Args: []any{e.Until}}
}

// RetryAfter is how long the caller must wait from now.
func (e *ThrottledError) RetryAfter(now time.Time) time.Duration {
	d := e.Until.Sub(now)
	if d < 0 {
		return 0
	}
	return d
}

// NotEmptyError refuses to delete a class or group that still has members, unless forced.
type NotEmptyError struct {
	Members int
}

func (e *NotEmptyError) Error() string { return fmt.Sprintf("still has %d members", e.Members) }

// ErrorKind: a conflict with the members still there (exit code 5).
func (e *NotEmptyError) ErrorKind() Kind { return KindConflict }

// ErrorMessage says how many members.
func (e *NotEmptyError) ErrorMessage() Message {
	return Message{ID: MsgNotEmpty, Args: []any{e.Members}}
}

// ChangedSinceError refuses to undo an import after a user it wrote was changed again.
type ChangedSinceError struct {
	Login string
}

func (e *ChangedSinceError) Error() string { return "user " + e.Login + " changed since the import" }

// ErrorKind: a conflict with a later change (exit code 5).
func (e *ChangedSinceError) ErrorKind() Kind { return KindConflict }

// ErrorMessage names the user.
func (e *ChangedSinceError) ErrorMessage() Message {
	return Message{ID: MsgChangedSince, Args: []any{e.Login}}
}

// Thing names a kind of record in messages: "class", "subscription", …
type Thing string

// The records people look up by a reference (a code, an id, an email, a login).
const (
	ThingUser         Thing = "user"
	ThingClass        Thing = "class"
	ThingGroup        Thing = "group"
	ThingOrganization Thing = "organization"
	ThingSubscription Thing = "subscription"
	ThingSeat         Thing = "seat"
	ThingCampaign     Thing = "campaign"
	ThingAdmin        Thing = "admin"
	ThingSSHKey       Thing = "ssh_key"
	ThingFilter       Thing = "filter"
	ThingVendorKey    Thing = "vendor_key"
	ThingImport       Thing = "import"
)

// NotFoundError says which record was looked for, by which reference, and was not there, or
// belongs to an organization the admin does not administer (the same answer, so nothing
// leaks). Err is the store's not-found sentinel, so errors.Is and exit codes keep working.
type NotFoundError struct {
	Thing Thing
	Ref   string
	Err   error
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s %q: %v", e.Thing, e.Ref, e.Err) }

// Unwrap is the store's sentinel.
func (e *NotFoundError) Unwrap() error { return e.Err }

// ErrorKind: not found (exit code 4).
func (e *NotFoundError) ErrorKind() Kind { return KindNotFound }

// ErrorMessage names the kind of record and the reference.
func (e *NotFoundError) ErrorMessage() Message {
	return Message{ID: MsgNotFoundRef, Args: []any{e.Thing, e.Ref}}
}

// AmbiguousError refuses a reference that several records answer to: a class code that two
// schools use. Among names where each was found (the schools).
type AmbiguousError struct {
	Thing Thing
	Ref   string
	Among []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%s %q is ambiguous: %v", e.Thing, e.Ref, e.Among)
}

// Is makes it an invalid input.
func (e *AmbiguousError) Is(target error) bool { return target == ErrInvalid }

// ErrorKind: a reference that says too little is invalid input (exit code 3).
func (e *AmbiguousError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage names the kind of record, the reference and where each was found.
func (e *AmbiguousError) ErrorMessage() Message {
	return Message{ID: MsgAmbiguous, Args: []any{e.Thing, e.Ref, e.Among}}
}
