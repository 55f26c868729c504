package i18n

import (
	"fmt"
	"strings"

	"rollcall/model"
)

// AccountsTexts are the words of suspended accounts, bulk actions on a selection, duplicates
// and merging two accounts of one person.
type AccountsTexts struct {
	// Suspended refuses a suspended account (sign in, activation, reset); SuspendedMark marks
	// one in lists and `users show`.
	Suspended, SuspendedMark string
	// Actions name the bulk actions (app.BulkActions order: suspend, unsuspend, mark for
	// deletion, restore, new codes) in pickers; Done says each did it to (count).
	Actions [5]string
	Done    [5]string
	// Skipped counts those left as they were (count); DryRun says what would change (count).
	Skipped, DryRun string
	// Confirm asks before a bulk action on a selection (action, count); NeedSelection refuses
	// a bulk command given neither logins nor a selection.
	Confirm, NeedSelection string
	// SuspendedSkipped counts the suspended accounts a mail merge left out (count).
	SuspendedSkipped string

	// Duplicate refuses to add someone who looks like accounts of the school (who); the CLI
	// adds DuplicateHint, the console asks DuplicateAsk (who). Reasons are email, names and
	// birth date.
	Duplicate, DuplicateHint, DuplicateAsk string
	ReasonEmail, ReasonNames               string
	// NoDuplicates says none were found; DuplicateGroup heads a group (reason).
	NoDuplicates, DuplicateGroup string
	// MergeSelf and MergeOtherSchool refuse a merge (login); Merged says one was done (removed,
	// kept) and MergeDetail what it did (fields, seats moved, seats freed, parents relinked).
	MergeSelf, MergeOtherSchool, Merged, MergeDetail string
	// MergeConfirm asks before a merge in the console (removed, kept); MergeTitle,
	// MergeKeepHint and MergeWith are the console's merge form.
	MergeConfirm, MergeTitle, MergeHint, MergeWith string
	// The console: keys, the bulk picker's title and marks.
	KeyMark, KeyBulk, KeyMerge, KeyDuplicates, KeySuspend, BulkTitle, Marked, ActOnFiltered, ActOnMarked string
	// DuplicatesTitle heads the console's duplicates screen; Level labels the level filter.
	DuplicatesTitle, Level string
}

// accountsMessage says the sentences of suspension, duplicates and merges.
func (c *Catalog) accountsMessage(m model.Message) (string, bool) {
	a := c.Accounts
	switch m.ID {
	case model.MsgSuspended:
		return a.Suspended, true
	case model.MsgDuplicate:
		return fmt.Sprintf(a.Duplicate, c.DuplicateMatches(arg[[]model.DuplicateMatch](m, 0))), true
	case model.MsgMergeSelf:
		return fmt.Sprintf(a.MergeSelf, arg[string](m, 0)), true
	case model.MsgMergeOtherSchool:
		return fmt.Sprintf(a.MergeOtherSchool, arg[string](m, 0)), true
	}
	return "", false
}

// DuplicateMatches names accounts a new person looks like: "ana.arnaud (Ana Arnaud, same
// email)".
func (c *Catalog) DuplicateMatches(ms []model.DuplicateMatch) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = fmt.Sprintf("%s (%s, %s)", m.Login, model.Printable(m.Name), c.DuplicateReason(m.Reason))
	}
	return strings.Join(parts, "; ")
}

// DuplicateReason says why two accounts look like one person.
func (c *Catalog) DuplicateReason(r model.DuplicateReason) string {
	if r == model.SameEmail {
		return c.Accounts.ReasonEmail
	}
	return c.Accounts.ReasonNames
}
