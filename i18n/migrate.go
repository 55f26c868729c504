package i18n

import (
	"fmt"
	"strings"

	"rollcall/model"
)

// MigrateTexts are the words of `rollcall migrate`: copying a database into another (a bbolt
// file into PostgreSQL and back), what it did and why it refused.
type MigrateTexts struct {
	// Copied: records (a count), kinds (a count), from, to. DryRun: records, from, to.
	// AlreadyThere: the target, records.
	Copied, DryRun, AlreadyThere string
	// Records and Kinds count what was copied.
	Records, Kinds Noun
	// Mismatch and NotEmpty list the kinds that differ (joined Diff or SameCount items).
	Mismatch, NotEmpty string
	// Diff: kind, count in the source, count in the target; SameCount: kind.
	Diff, SameCount string
	// Usage errors: a password in a URL of argv (%s: the flag), the same database twice,
	// nothing to copy into.
	PasswordInURL, SameDatabase, NoTarget string
	// KindNames name the kinds of records (storage.Kind) in sentences.
	KindNames map[string]string
}

// migrateMessage says the refusals of a copy (model.MsgCopyDiffers, MsgCopyNotEmpty), the kinds
// that differ named in this language; ok is false for any other message.
func (c *Catalog) migrateMessage(m model.Message) (string, bool) {
	t := c.Migrate
	var format string
	switch m.ID {
	case model.MsgCopyDiffers:
		format = t.Mismatch
	case model.MsgCopyNotEmpty:
		format = t.NotEmpty
	default:
		return "", false
	}
	var diffs []model.CopyDiff
	if mm := arg[*model.CopyMismatchError](m, 0); mm != nil {
		diffs = mm.Diffs
	}
	parts := make([]string, len(diffs))
	for i, d := range diffs {
		name := t.KindNames[d.Kind]
		if name == "" {
			name = d.Kind
		}
		if d.Source == d.Target {
			parts[i] = fmt.Sprintf(t.SameCount, name)
		} else {
			parts[i] = fmt.Sprintf(t.Diff, name, c.Int(d.Source), c.Int(d.Target))
		}
	}
	return fmt.Sprintf(format, strings.Join(parts, ", ")), true
}
