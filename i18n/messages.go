package i18n

import (
	"fmt"
	"strings"

	"rollcall/model"
)

// KindTexts say an error by its kind when nothing more specific does: input that breaks a rule,
// said without the rule.
type KindTexts struct {
	Invalid string
}

func kindsEN() KindTexts {
	return KindTexts{Invalid: "This input is not valid."}
}

func kindsFR() KindTexts {
	return KindTexts{Invalid: "Cette saisie n'est pas valide."}
}

// Message says an error's sentence in this language, its values formatted the language's
// way; ok is false for an id the catalogue does not know, which a test forbids.
func (c *Catalog) Message(m model.Message) (string, bool) {
	for _, area := range []func(model.Message) (string, bool){c.storeMessage, c.mailMergeMessage, c.importMessage, c.accountsMessage, c.dirMessage, c.yearMessage} {
		if s, ok := area(m); ok {
			return s, true
		}
	}
	if m.ID == model.MsgLines {
		return c.lines(arg[[]model.Message](m, 0)), true
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
		return fmt.Sprintf(c.Import.AndMore, c.Int(arg[int](m, 0))), true
	}
	return "", false
}
