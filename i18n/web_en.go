package i18n

func webEN() WebTexts {
	return WebTexts{
		Lang: "en", OtherLang: "fr", OtherLangName: "Français", SkipToContent: "Skip to the form",
		Product: "Rollcall", Menu: "Pages",
		SignIn: "Sign in", SignOut: "Sign out", Account: "My account", Activate: "Activate my account",
		Forgot: "Forgot your password?",

		ActivateTitle:  "Activate your account",
		ActivateIntro:  "Type the login and the code printed on your card, then choose your password.",
		Login:          "Login",
		Code:           "Activation code",
		CodeHint:       "8 characters, as printed on your card; dashes and case do not matter.",
		Password:       "Password",
		Confirm:        "Password again",
		ActivateSubmit: "Activate my account",
		ActivateDone:   "Your account %s is ready. Sign in with your new password.",
		GoSignIn:       "Go to the sign-in page",

		RulesTitle:  "Your password needs:",
		RuleLength:  "at least %d characters",
		RuleUpper:   "an upper-case letter (A–Z)",
		RuleLower:   "a lower-case letter (a–z)",
		RuleLetter:  "a letter",
		RuleDigit:   "a digit (0–9)",
		RuleSpecial: "a special character, such as ! ? - # or @",
		RulesBroken: "This password is refused. It needs:",
		Mismatch:    "The two passwords are not the same.",
		RuleMet:     "done",
		RuleUnmet:   "missing",

		CodeInvalid:   "This code does not go with this login. Check both on your card; nothing was changed.",
		CodeUsed:      "This account is already activated: sign in, or reset your password if you forgot it.",
		CodeSpent:     "This code was already used: ask for a new one. Nothing was changed.",
		CodeExpired:   "This code has expired: ask for a new one. Nothing was changed.",
		Throttled:     "Too many attempts. Try again in %s.",
		WrongSignIn:   "Wrong login or password.",
		WrongPassword: "Your current password is wrong; nothing was changed.",
		Expired:       "This form has expired. It has been renewed: please send it again.",
		Failed:        "Something went wrong on our side. Try again later.",
		EmailInvalid:  "This email address is not valid.",
		Required:      "Fill in every field.",

		SignInTitle: "Sign in", LoginOrEmail: "Login or email", SignInSubmit: "Sign in",
		SignedOut: "You are signed out.",

		AccountTitle: "Your account", Name: "Name", Profile: "Profile", School: "School", Classes: "Classes",
		None: "none", Email: "Email", NoEmail: "no email",
		ChangePassword: "Change your password", CurrentPassword: "Current password", NewPassword: "New password",
		SavePassword: "Change my password", PasswordChanged: "Your password is changed.",
		ChangeEmail: "Change your email", NewEmail: "New email (empty: none)", SaveEmail: "Change my email",
		EmailChanged: "Your email is changed.",

		ResetTitle:    "Forgot your password",
		ResetIntro:    "With an email on file, we send you a single-use code. Otherwise your school gives you one.",
		RequestTitle:  "Get a code by email",
		RequestSubmit: "Email me a code",
		Emailed:       "A code was sent to %s. It works once, for 7 days: type it below or follow the link in the email.",
		AskSchool:     "We cannot email a code for this login. Ask your school for a reset code: it is printed on your card.",
		HaveCode:      "I have a code",
		HaveCodeIntro: "Type the code from the email or from your card, then your new password.",
		ResetSubmit:   "Change my password",
		ResetDone:     "Your password is changed. Sign in with it.",
		ResetCode:     "Reset code",

		Serving: "Account pages served at %s (cards of schools without an activation address point there)",

		Second: "%d second", Seconds: "%d seconds", Minute: "%d minute", Minutes: "%d minutes",
	}
}
