package model

import (
	"fmt"
	"strings"
)

// The sentences of suspended accounts, duplicates and merges.
const (
	MsgSuspended        MsgID = "accounts.suspended"          // the account is suspended
	MsgDuplicate        MsgID = "accounts.duplicate"          // ([]DuplicateMatch) looks like people of the school
	MsgMergeSelf        MsgID = "accounts.merge_self"         // (login) merged into itself
	MsgMergeOtherSchool MsgID = "accounts.merge_other_school" // (login) of another school
)

// ErrSuspended refuses a suspended account the web pages, activation and password resets: the
// account keeps its data until an admin gives it back.
var ErrSuspended = NewError(KindForbidden, MsgSuspended, "account suspended")

// DuplicateReason says why two accounts look like one person.
type DuplicateReason uint8

// The reasons two accounts of one school look like the same person.
const (
	SameEmail        DuplicateReason = iota + 1 // the same email address
	SameNameAndBirth                            // the same names (case and accents ignored) and birth date
)

// String is the reason's name in --json output.
func (r DuplicateReason) String() string {
	switch r {
	case SameEmail:
		return "email"
	case SameNameAndBirth:
		return "names_birth_date"
	}
	return "unknown"
}

// LikelySame says whether a and b, two accounts of one school, look like one person, and why:
// the same email, or the same last and first names (case and accents ignored) and birth date.
// A parent and their own child are never the same person, whatever they share.
func LikelySame(a, b *User) (DuplicateReason, bool) {
	if a.OrgID != b.OrgID || a.ID == b.ID && a.ID != 0 {
		return 0, false
	}
	for _, c := range a.ChildIDs {
		if c == b.ID {
			return 0, false
		}
	}
	for _, c := range b.ChildIDs {
		if c == a.ID {
			return 0, false
		}
	}
	if a.Email != "" && NormalizeEmail(a.Email) == NormalizeEmail(b.Email) {
		return SameEmail, true
	}
	if !a.BirthDate.IsZero() && a.BirthDate == b.BirthDate && a.LastName != "" &&
		Fold(a.LastName) == Fold(b.LastName) && Fold(a.FirstName) == Fold(b.FirstName) {
		return SameNameAndBirth, true
	}
	return 0, false
}

// DuplicateKeys are the keys under which u collides with the accounts LikelySame would pair it
// with (in its school): its email, and its names with its birth date. Accounts sharing a key
// are candidates, to be confirmed with LikelySame.
func DuplicateKeys(u *User) []string {
	var keys []string
	org := u.OrgID.String()
	if u.Email != "" {
		keys = append(keys, org+"\x00e\x00"+NormalizeEmail(u.Email))
	}
	if !u.BirthDate.IsZero() && u.LastName != "" {
		keys = append(keys, org+"\x00n\x00"+Fold(u.LastName)+"\x00"+Fold(u.FirstName)+"\x00"+u.BirthDate.String())
	}
	return keys
}

// DuplicateMatch is an account that looks like the one being added.
type DuplicateMatch struct {
	ID     ID
	Login  string
	Name   string
	Reason DuplicateReason
}

// DuplicateError refuses to add a person by hand who looks like accounts the school already
// has, until the admin says it is someone else.
type DuplicateError struct {
	Matches []DuplicateMatch
}

func (e *DuplicateError) Error() string {
	names := make([]string, len(e.Matches))
	for i, m := range e.Matches {
		names[i] = fmt.Sprintf("%s (%s, %s)", m.Login, m.Name, m.Reason)
	}
	return "likely the same person as " + strings.Join(names, "; ")
}

// ErrorKind is a conflict: the school has the person already (exit code 5).
func (e *DuplicateError) ErrorKind() Kind { return KindConflict }

// ErrorMessage names the accounts it looks like.
func (e *DuplicateError) ErrorMessage() Message {
	return Message{ID: MsgDuplicate, Args: []any{e.Matches}}
}

// MergeProblem says why two accounts cannot be merged.
type MergeProblem uint8

// The merge problems.
const (
	MergeSelf        MergeProblem = iota + 1 // an account merged into itself
	MergeOtherSchool                         // the two are in different schools
)

// MergeError refuses a merge.
type MergeError struct {
	Problem MergeProblem
	Login   string
}

func (e *MergeError) Error() string { return fmt.Sprintf("merge %s: problem %d", e.Login, e.Problem) }

// Is makes it an invalid input.
func (e *MergeError) Is(target error) bool { return target == ErrInvalid }

// ErrorKind is invalid input.
func (e *MergeError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage says the problem, naming the account.
func (e *MergeError) ErrorMessage() Message {
	if e.Problem == MergeSelf {
		return Message{ID: MsgMergeSelf, Args: []any{e.Login}}
	}
	return Message{ID: MsgMergeOtherSchool, Args: []any{e.Login}}
}
