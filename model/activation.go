package model

import "errors"

// AccountCodeError refuses the activation or reset code typed for a directory account. Err is
// ErrCodeInvalid (wrong code or unknown login, told apart for nobody), ErrCodeExpired or
// ErrCodeUsed (the account is already activated, or the reset code was spent).
type AccountCodeError struct {
	Login string
	Err   error
}

// Error names the login and the reason.
func (e *AccountCodeError) Error() string { return "login " + e.Login + ": " + e.Err.Error() }

// Kind: a wrong code is invalid input (exit code 3).
func (e *AccountCodeError) ErrorKind() Kind { return KindInvalid }

// Message tells the login and the reason.
func (e *AccountCodeError) ErrorMessage() Message {
	id := MsgAccountCodeInvalid
	switch {
	case errors.Is(e.Err, ErrCodeExpired):
		id = MsgAccountCodeExpired
	case errors.Is(e.Err, ErrCodeUsed):
		id = MsgAccountCodeUsed
	}
	return Message{ID: id, Args: []any{e.Login}}
}

// Unwrap returns the reason, so errors.Is(err, ErrCodeExpired) works.
func (e *AccountCodeError) Unwrap() error { return e.Err }
