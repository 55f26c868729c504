package i18n

import (
	"fmt"
	"time"
)

// WebTexts are the words of the pages people open from their login cards: activate, sign in,
// account, reset.
type WebTexts struct {
	Lang, OtherLang, OtherLangName, SkipToContent, Product, Menu string

	SignIn, SignOut, Account, Activate, Forgot string

	// Activation.
	ActivateTitle, ActivateIntro, Login, Code, CodeHint, Password, Confirm, ActivateSubmit string
	ActivateDone, GoSignIn                                                                 string

	// The password rules, shown while typing and when a password breaks them.
	RulesTitle, RuleLength, RuleUpper, RuleLower, RuleLetter, RuleDigit, RuleSpecial string
	RulesBroken, Mismatch, RuleMet, RuleUnmet                                        string

	// Refusals.
	CodeInvalid, CodeUsed, CodeSpent, CodeExpired, Throttled, WrongSignIn, WrongPassword string
	Expired, Failed, EmailInvalid, Required                                              string

	// Sign in.
	SignInTitle, LoginOrEmail, SignInSubmit, SignedOut string

	// Account.
	AccountTitle, Name, Profile, School, Classes, None, Email, NoEmail          string
	ChangePassword, CurrentPassword, NewPassword, SavePassword, PasswordChanged string
	ChangeEmail, NewEmail, SaveEmail, EmailChanged                              string

	// Reset.
	ResetTitle, ResetIntro, RequestTitle, RequestSubmit, Emailed, AskSchool string
	HaveCode, HaveCodeIntro, ResetSubmit, ResetDone, ResetCode              string

	// Serving is said by rollcall serve --http: the address the pages are served at.
	Serving string

	// Seconds and Minutes say a wait: "%d seconds".
	Second, Seconds, Minute, Minutes string
}

// Wait says a delay in words, rounded up: "4 seconds", "2 minutes".
func (t *WebTexts) Wait(d time.Duration) string {
	secs := int((d + time.Second - 1) / time.Second)
	switch {
	case secs <= 1:
		return fmt.Sprintf(t.Second, 1)
	case secs < 90:
		return fmt.Sprintf(t.Seconds, secs)
	}
	mins := (secs + 59) / 60
	return fmt.Sprintf(t.Minutes, mins)
}
