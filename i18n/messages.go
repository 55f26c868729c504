package i18n

import (
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
