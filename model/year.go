package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// YearRecord is what a person belonged to in a school year that was closed: the year's turn
// empties classes and groups, and keeps here, in the person's history, what they left.
type YearRecord struct {
	Year    string   // the school year closed: "2025-2026"
	Classes []string // the codes of the classes left, as they were that year
	Groups  []string // the codes of the groups left
}

// ClassesMode says what the year's turn does with a school's classes once their members left.
type ClassesMode string

// The ways a year's turn treats classes.
const (
	// ClassesArchive keeps each class, out of use, under its code renamed by the pattern (so
	// the new year's files can create a class of the same code again).
	ClassesArchive ClassesMode = "archive"
	// ClassesRename keeps each class in use for the new year, renamed by the pattern.
	ClassesRename ClassesMode = "rename"
	// ClassesKeep leaves the classes as they are, empty.
	ClassesKeep ClassesMode = "keep"
)

// ParseClassesMode reads a mode's name; "" is ClassesArchive.
func ParseClassesMode(s string) (ClassesMode, error) {
	switch m := ClassesMode(strings.ToLower(strings.TrimSpace(s))); m {
	case "":
		return ClassesArchive, nil
	case ClassesArchive, ClassesRename, ClassesKeep:
		return m, nil
	}
	return "", &ValidationError{Field: "classes", Rule: RuleUnknownValue, Value: s}
}

// DefaultArchivePattern renames an archived class: "3e A" of 2025-2026 becomes "3e A (2025-2026)".
const DefaultArchivePattern = "{code} ({year})"

// DefaultDeletionGraceDays is how long a person stays pending deletion before a year's turn
// deletes them, in a school that set no grace period of its own.
const DefaultDeletionGraceDays = 30

// MaxDeletionGraceDays bounds the grace period a school may set (ten years).
const MaxDeletionGraceDays = 3650

// SchoolYearAt is the school year running at t, as "2025-2026": a year starts in August.
func SchoolYearAt(t time.Time) string {
	y := t.Year()
	if t.Month() < time.August {
		y--
	}
	return strconv.Itoa(y) + "-" + strconv.Itoa(y+1)
}

// CheckSchoolYear validates a year label as an admin types it: not empty, at most 32
// characters, printable.
func CheckSchoolYear(year string) error {
	switch {
	case strings.TrimSpace(year) == "":
		return &ValidationError{Field: "year", Rule: RuleRequired}
	case len(year) > 32:
		return &ValidationError{Field: "year", Rule: RuleTooLong, Value: year}
	case strings.ContainsFunc(year, isControl):
		return &ValidationError{Field: "year", Rule: RuleUnknownValue, Value: year}
	}
	return nil
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }

// CheckRenamePattern validates a class rename pattern: it must hold {code} (so two classes
// never get one name), may hold {year}, and nothing else in braces.
func CheckRenamePattern(pattern string) error {
	rest := strings.NewReplacer("{code}", "", "{year}", "").Replace(pattern)
	switch {
	case !strings.Contains(pattern, "{code}"):
		return &ValidationError{Field: "rename_pattern", Rule: RuleRequired, Value: pattern}
	case strings.ContainsAny(rest, "{}"), strings.ContainsFunc(pattern, isControl):
		return &ValidationError{Field: "rename_pattern", Rule: RuleUnknownValue, Value: pattern}
	case len(pattern) > 100:
		return &ValidationError{Field: "rename_pattern", Rule: RuleTooLong, Value: pattern}
	}
	return nil
}

// RenameClass applies a rename pattern to a class code (or name) for the year closed.
func RenameClass(pattern, code, year string) string {
	return strings.NewReplacer("{code}", code, "{year}", year).Replace(pattern)
}

// YearUndoBlockedError refuses to undo a year's turn once something it would bring back is in
// the way: a class or login taken again since (Thing, Name), or a user it wrote changed since.
type YearUndoBlockedError struct {
	Thing Thing
	Name  string
}

func (e *YearUndoBlockedError) Error() string {
	return fmt.Sprintf("%s %s changed since the year was closed", e.Thing, e.Name)
}

// ErrorKind is a conflict: the directory moved on since the turn.
func (e *YearUndoBlockedError) ErrorKind() Kind { return KindConflict }

// ErrorMessage names what is in the way (Thing, name).
func (e *YearUndoBlockedError) ErrorMessage() Message {
	return Message{ID: MsgYearUndoBlocked, Args: []any{e.Thing, e.Name}}
}

// YearCloseSummary is what a year's turn did, kept with its run in the history.
type YearCloseSummary struct {
	Year            string
	Classes         ClassesMode
	Pattern         string
	GraceDays       int
	LeftClasses     int // people who left classes or groups
	ClassesChanged  int // classes archived or renamed
	Deleted         int // people pending deletion for longer than the grace period, deleted
	SeatsFreed      int // the seats the deleted held
	CodesVoided     int // activation codes of leavers that can no longer be used
	ParentsUnlinked int // parents who lost a deleted child's link
}

// CodeTakenError refuses a change that would give a class or group a code another one of the
// school holds (Code, the new code).
type CodeTakenError struct {
	Thing Thing
	Code  string
}

func (e *CodeTakenError) Error() string { return fmt.Sprintf("%s code %q is taken", e.Thing, e.Code) }

// ErrorKind is a conflict with a class the school has.
func (e *CodeTakenError) ErrorKind() Kind { return KindConflict }

// ErrorMessage names the code (Thing, code).
func (e *CodeTakenError) ErrorMessage() Message {
	return Message{ID: MsgCodeTaken, Args: []any{e.Thing, e.Code}}
}

// ErrYearUndone refuses to undo a year's turn twice.
var ErrYearUndone = NewError(KindConflict, MsgYearUndone, "this year's turn was already undone")

// The sentences of the year's turn's refusals.
const (
	MsgYearUndoBlocked MsgID = "year.undo_blocked" // (Thing, name) changed or taken again since
	MsgYearUndone      MsgID = "year.undone"       // the turn was undone already
	MsgCodeTaken       MsgID = "year.code_taken"   // (Thing, code) a rename's code is held
)

// ThingYearClose is a year's turn in the history, looked up by its number.
const ThingYearClose Thing = "year_close"
