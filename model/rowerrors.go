package model

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The rules reading files reports besides the validation rules: stable ids the catalogues
// say in words (a test of i18n enumerates them); RowError.Expected carries the detail.
const (
	RuleUnknownFormat      Rule = "unknown_format"      // no known format fits; see RowError.Tried
	RuleMixedFormats       Rule = "mixed_formats"       // files of different families in one import
	RuleMissingColumn      Rule = "missing_column"      // a required column is absent; Column names it
	RuleMissingFile        Rule = "missing_file"        // a set lacks a required file; Expected names it
	RuleEmptyFile          Rule = "empty_file"          // no header row at all
	RuleDuplicateID        Rule = "duplicate_id"        // two rows share an id; Other is the first one
	RuleUnknownClass       Rule = "unknown_class"       // a reference to a class the set does not define
	RuleUnknownUser        Rule = "unknown_user"        // a reference to a user the set does not define
	RuleUnknownOrg         Rule = "unknown_org"         // a reference to an org the set does not define
	RuleUnknownCourse      Rule = "unknown_course"      // a reference to a course the set does not define
	RuleUnknownProfile     Rule = "unknown_profile"     // neither the file nor the row says who the person is
	RuleBadZip             Rule = "bad_zip"             // a truncated or corrupt archive
	RuleUnsafePath         Rule = "unsafe_path"         // an archive entry escaping its folder ("../x", "/etc/x")
	RuleTooLarge           Rule = "too_large"           // a file or archive over the size limits; Expected is the limit in bytes
	RuleTooManyColumns     Rule = "too_many_columns"    // a row wider than the column limit; Expected is the limit
	RuleUnterminatedQuote  Rule = "unterminated_quote"  // a quoted field that never closes
	RuleFieldCount         Rule = "field_count"         // a row with more values than the header has columns; Value is the count, Expected the header's
	RuleBadXLSX            Rule = "bad_xlsx"            // a workbook that cannot be opened
	RuleBadEncoding        Rule = "bad_encoding"        // bytes not in the file's encoding (a Windows-1252 line in UTF-8); Expected names it
	RuleNotRegular         Rule = "not_regular"         // a device, pipe or socket given as a file: never read
	RuleNotRoster          Rule = "not_roster"          // a file a folder or archive holds that is not a roster file; Expected lists the kinds read
	RuleNotInSet           Rule = "not_in_set"          // a file of a recognised set that its format does not read; Expected is the format
	RuleNothingToImport    Rule = "nothing_to_import"   // an input in which no file is a roster
	RuleControlChar        Rule = "control_char"        // a control character (NUL, ESC, …) in a value; Expected is its code, U+001B
	RuleBadXML             Rule = "bad_xml"             // an XML feed that does not parse
	RuleModifiedUnknown    Rule = "modified_unknown"    // a delta row that changes a record the store lacks
	RuleUndefinedStructure Rule = "undefined_structure" // people attached to a structure the feed does not define; Value is its id
	RuleValueDropped       Rule = "value_dropped"       // a value left out of a record (an email or a date that does not parse); Column is the attribute
	RuleAmbiguousMatch     Rule = "ambiguous_match"     // a row matches two users; Expected names how
	RuleDuplicatePerson    Rule = "duplicate_person"    // two rows are the same person; Other is the first
	RuleUnknownChild       Rule = "unknown_child"       // a parent's child matches no student
	RuleAmbiguousChild     Rule = "ambiguous_child"     // a parent's child matches two students
	RuleNoSuchClass        Rule = "no_such_class"       // a class code the school does not have; Expected lists those it has
	RuleNoSuchGroup        Rule = "no_such_group"       // a group the school does not have
)

// Location is a place in an imported file: File as given (an archive entry is "set.zip/users.csv"),
// Sheet for workbooks, and Line as a spreadsheet shows it (the header is line 1).
type Location struct {
	File  string
	Sheet string `json:",omitempty"`
	Line  int
}

func (l Location) String() string {
	s := l.File
	if l.Sheet != "" {
		s += "[" + l.Sheet + "]"
	}
	if l.Line > 0 {
		s += ":" + strconv.Itoa(l.Line)
	}
	return s
}

// Attempt says why one format did not fit a file: the columns or files it lacked.
type Attempt struct {
	Format  string
	Missing []string // expected headers or file names that were not found
}

// RowError is one located problem in an imported file. It carries no prose: Rule says what
// was broken and Expected gives the detail ("DD/MM/YYYY", a list of accepted values, a size limit).
type RowError struct {
	File     string
	Sheet    string `json:",omitempty"`
	Line     int    // as a spreadsheet shows it; 0 when the problem is the whole file
	Column   string // the header as written, or the expected header when it is missing
	Letter   string // "A", "AB"; empty when the problem is not one cell
	Value    string // the offending value, cut to MaxValueInError runes; never a password
	Rule     Rule
	Expected string
	Other    Location  `json:",omitempty"` // the first row of a duplicate pair
	Tried    []Attempt `json:",omitempty"` // for RuleUnknownFormat: each format tried and what it missed
}

// MaxValueInError bounds the value an error repeats, so a 1 MB cell does not travel in a message.
const MaxValueInError = 120

func (e *RowError) Error() string {
	var b strings.Builder
	b.WriteString(Location{File: e.File, Sheet: e.Sheet, Line: e.Line}.String())
	if e.Column != "" || e.Letter != "" {
		fmt.Fprintf(&b, ": column %q", e.Column)
		if e.Letter != "" {
			b.WriteString(" (" + e.Letter + ")")
		}
	}
	b.WriteString(": " + string(e.Rule))
	if e.Value != "" {
		fmt.Fprintf(&b, " %q", e.Value)
	}
	if e.Expected != "" {
		b.WriteString(", expected " + e.Expected)
	}
	if e.Other.File != "" {
		b.WriteString(", first at " + e.Other.String())
	}
	return b.String()
}

// Is makes every RowError match ErrInvalid.
func (e *RowError) Is(target error) bool { return target == ErrInvalid }

// ErrorKind: a file that breaks a rule is invalid input (exit code 3).
func (e *RowError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage is the located sentence; the row error is its value.
func (e *RowError) ErrorMessage() Message { return Message{ID: MsgRow, Args: []any{e}} }

// DefaultMaxRowErrors is the cap used when none is given.
const DefaultMaxRowErrors = 100

// RowErrors lists the problems of one import, up to a cap; Omitted counts those past it.
type RowErrors struct {
	List    []*RowError
	Omitted int
	max     int
}

// NewRowErrors returns an empty list that keeps at most max errors (DefaultMaxRowErrors when
// max <= 0).
func NewRowErrors(max int) *RowErrors {
	if max <= 0 {
		max = DefaultMaxRowErrors
	}
	return &RowErrors{max: max}
}

// Add records e, or counts it as omitted once the list is full. The value is cut to
// MaxValueInError runes here, so no caller can forget.
func (es *RowErrors) Add(e *RowError) {
	if es.max == 0 {
		es.max = DefaultMaxRowErrors
	}
	if len(es.List) >= es.max {
		es.Omitted++
		return
	}
	e.Value = Shorten(e.Value, MaxValueInError)
	es.List = append(es.List, e)
}

// Len is the number of problems found, kept or omitted.
func (es *RowErrors) Len() int { return len(es.List) + es.Omitted }

// Err returns es when it holds a problem and nil otherwise, so callers can `return errs.Err()`.
func (es *RowErrors) Err() error {
	if es == nil || es.Len() == 0 {
		return nil
	}
	return es
}

func (es *RowErrors) Error() string {
	if len(es.List) == 0 {
		return fmt.Sprintf("%d import errors", es.Omitted)
	}
	s := es.List[0].Error()
	if n := es.Len() - 1; n > 0 {
		s += fmt.Sprintf(" (and %d more)", n)
	}
	return s
}

// Is makes an error list match ErrInvalid.
func (es *RowErrors) Is(target error) bool { return target == ErrInvalid }

// ErrorKind: files that break rules are invalid input (exit code 3).
func (es *RowErrors) ErrorKind() Kind { return KindInvalid }

// ErrorMessage tells each error, one a line, then how many more were not listed.
func (es *RowErrors) ErrorMessage() Message {
	lines := make([]Message, 0, len(es.List)+1)
	for _, e := range es.List {
		lines = append(lines, e.ErrorMessage())
	}
	if es.Omitted > 0 {
		lines = append(lines, Message{ID: MsgRowsOmitted, Args: []any{es.Omitted}})
	}
	return Message{ID: MsgLines, Args: []any{lines}}
}

// Shorten cuts s to at most n runes, marking the cut with "…".
func Shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i, count := 0, 0
	for i < len(s) && count < n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		count++
	}
	if i >= len(s) {
		return s
	}
	return s[:i] + "…"
}
