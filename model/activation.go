package model

// AccountCodeError refuses the activation or reset code typed for a directory account. Err is
// ErrCodeInvalid (wrong code or unknown login, told apart for nobody), ErrCodeExpired or
// ErrCodeUsed (the account is already activated, or the reset code was spent).
type AccountCodeError struct {
	Login string
	Err   error
}

// Error names the login and the reason.
func (e *AccountCodeError) Error() string { return "login " + e.Login + ": " + e.Err.Error() }

// Unwrap returns the reason, so errors.Is(err, ErrCodeExpired) works.
func (e *AccountCodeError) Unwrap() error { return e.Err }
