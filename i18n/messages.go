package i18n

import (
	"fmt"
	"strings"
	"time"

	"rollcall/model"
)

// KindTexts say an error by its kind when nothing more specific does: input that breaks a rule,
// said without the rule.
type KindTexts struct {
	Invalid string
	// Usage: a command called the wrong way, when the command gave no words of its own.
	Usage string
}

func kindsEN() KindTexts {
	return KindTexts{Invalid: "This input is not valid.", Usage: "This command is not called that way."}
}

func kindsFR() KindTexts {
	return KindTexts{Invalid: "Cette saisie n'est pas valide.", Usage: "Cette commande ne s'appelle pas ainsi."}
}

// Message says an error's sentence in this language, its values formatted the language's
// way; ok is false for an id the catalogue does not know, which a test forbids.
func (c *Catalog) Message(m model.Message) (string, bool) {
	if c.console {
		if s, ok := c.consoleMessage(m); ok {
			return s, true
		}
	}
	// One area a line, so that adding one merges cleanly.
	areas := []func(model.Message) (string, bool){
		c.coreMessage,
		c.storeMessage,
		c.mailMergeMessage,
		c.importMessage,
		c.accountsMessage,
		c.dirMessage,
		c.licensingMessage,
		c.adminsMessage,
		c.yearMessage,
		c.platformMessage,
		c.migrateMessage,
	}
	for _, area := range areas {
		if s, ok := area(m); ok {
			return s, true
		}
	}
	switch m.ID {
	case model.MsgLines:
		return c.lines(arg[[]model.Message](m, 0)), true
	case model.MsgUsage:
		if words := arg[string](m, 0); words != "" {
			return words, true
		}
		return c.Kinds.Usage, true
	}
	return "", false
}

// lines tells several messages, one a line; an empty list says only that the input is not
// valid, the one kind lists are of.
func (c *Catalog) lines(ms []model.Message) string {
	if len(ms) == 0 {
		return c.Kinds.Invalid
	}
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		s, ok := c.Message(m)
		if !ok {
			s = string(m.ID)
		}
		out = append(out, s)
	}
	return strings.Join(out, "\n")
}

// arg is a message's value i, or T's zero value when the message has none of that type.
func arg[T any](m model.Message, i int) T {
	if i < len(m.Args) {
		if v, ok := m.Args[i].(T); ok {
			return v
		}
	}
	var zero T
	return zero
}

func (c *Catalog) storeMessage(m model.Message) (string, bool) {
	e := c.Errors
	switch m.ID {
	case model.MsgInvalid:
		return c.Kinds.Invalid, true
	case model.MsgNotFound:
		return e.NotFound, true
	case model.MsgConflict:
		return e.Conflict, true
	case model.MsgLocked:
		return e.Locked, true
	case model.MsgNewerSchema:
		return e.NewerSchema, true
	case model.MsgCorrupt:
		return e.Corrupt, true
	case model.MsgBackupByEngine:
		return e.BackupByEngine, true
	}
	return "", false
}

func (c *Catalog) importMessage(m model.Message) (string, bool) {
	switch m.ID {
	case model.MsgRow:
		if e := arg[*model.RowError](m, 0); e != nil {
			return c.RowError(e), true
		}
		return c.Kinds.Invalid, true
	case model.MsgRowsOmitted:
		return c.Phrase(arg[int](m, 0), c.Import.AndMore), true
	}
	return "", false
}

// coreMessage tells the domain's own errors: sign-in, codes, references, imports' limits.
func (c *Catalog) coreMessage(m model.Message) (string, bool) {
	e := c.Errors
	switch m.ID {
	case model.MsgInvalidCredentials:
		return e.InvalidCredentials, true
	case model.MsgNotVerified:
		return e.NotVerified, true
	case model.MsgAlreadyVerified:
		return e.AlreadyVerified, true
	case model.MsgCodeInvalid:
		return e.CodeInvalid, true
	case model.MsgCodeExpired:
		return e.CodeExpired, true
	case model.MsgCodeUsed:
		return e.CodeUsed, true
	case model.MsgNotSignedIn:
		return e.NotSignedIn, true
	case model.MsgEmailTaken:
		return e.EmailTaken, true
	case model.MsgTermsNotAccepted:
		return e.TermsNotAccepted, true
	case model.MsgThrottled:
		return fmt.Sprintf(e.Throttled, c.Duration(time.Until(arg[time.Time](m, 0)))), true
	case model.MsgDemoLoaded:
		return e.DemoLoaded, true
	case model.MsgAlreadyActivated:
		return e.AlreadyActivated, true
	case model.MsgNotPending:
		return e.NotPending, true
	case model.MsgNoOrganization:
		return e.NoOrganization, true
	case model.MsgNothingToUndo:
		return c.Import.NothingToUndo, true
	case model.MsgChangedSince:
		return fmt.Sprintf(c.Import.ChangedSince, arg[string](m, 0)), true
	case model.MsgTooManyDeletions:
		return fmt.Sprintf(c.Import.TooManyDeletions, c.Int(arg[int](m, 0)), c.Count(arg[int](m, 1), c.Nouns.User)), true
	case model.MsgNotEmpty:
		return fmt.Sprintf(e.NotEmpty, arg[int](m, 0)), true
	case model.MsgValidation:
		if ve := arg[*model.ValidationError](m, 0); ve != nil {
			return c.Validation(ve), true
		}
		return c.Kinds.Invalid, true
	case model.MsgNotFoundRef:
		return fmt.Sprintf(e.NotFoundRef, c.thing(arg[model.Thing](m, 0)), arg[string](m, 1)), true
	case model.MsgAmbiguous:
		return fmt.Sprintf(c.People.Ambiguous, c.thing(arg[model.Thing](m, 0)), arg[string](m, 1),
			strings.Join(arg[[]string](m, 2), ", ")), true
	}
	return "", false
}
