package table

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"rollcall/model"
)

// The rules importers report in addition to model's validation rules. They are stable
// identifiers the UI translates; Expected carries the machine-readable detail.
const (
	RuleUnknownFormat     model.Rule = "unknown_format"     // no known format fits; see RowError.Tried
	RuleMixedFormats      model.Rule = "mixed_formats"      // files of different families in one import
	RuleMissingColumn     model.Rule = "missing_column"     // a required column is absent; Column names it
	RuleMissingFile       model.Rule = "missing_file"       // a set lacks a required file; Expected names it
	RuleEmptyFile         model.Rule = "empty_file"         // no header row at all
	RuleDuplicateID       model.Rule = "duplicate_id"       // two rows share an id; Other is the first one
	RuleUnknownClass      model.Rule = "unknown_class"      // a reference to a class the set does not define
	RuleUnknownUser       model.Rule = "unknown_user"       // a reference to a user the set does not define
	RuleUnknownOrg        model.Rule = "unknown_org"        // a reference to an org the set does not define
	RuleUnknownCourse     model.Rule = "unknown_course"     // a reference to a course the set does not define
	RuleUnknownProfile    model.Rule = "unknown_profile"    // neither the file nor the row says who the person is
	RuleBadZip            model.Rule = "bad_zip"            // a truncated or corrupt archive
	RuleUnsafePath        model.Rule = "unsafe_path"        // an archive entry escaping its folder ("../x", "/etc/x")
	RuleTooLarge          model.Rule = "too_large"          // a file or archive over the size limits; Expected is the limit in bytes
	RuleTooManyColumns    model.Rule = "too_many_columns"   // a row wider than MaxColumns; Expected is the limit
	RuleUnterminatedQuote model.Rule = "unterminated_quote" // a quoted field that never closes
	RuleFieldCount        model.Rule = "field_count"        // a row with more values than the header has columns; Value is the count, Expected the header's
	RuleBadXLSX           model.Rule = "bad_xlsx"           // a workbook excelize cannot open
	RuleBadEncoding       model.Rule = "bad_encoding"       // bytes not in the file's encoding (a Windows-1252 line in UTF-8); Expected names it
	RuleNotRegular        model.Rule = "not_regular"        // a device, pipe or socket given as a file: never read
	RuleNotRoster         model.Rule = "not_roster"         // a file a folder or archive holds that is not a roster file; Expected lists the kinds read
	RuleNotInSet          model.Rule = "not_in_set"         // a file of a recognised set that its format does not read; Expected is the format
	RuleNothingToImport   model.Rule = "nothing_to_import"  // an input in which no file is a roster
	RuleControlChar       model.Rule = "control_char"       // a control character (NUL, ESC, …) in a value; Expected is its code, U+001B
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

// RowError is one located problem in an import. It carries no prose: Rule says what was broken
// and Expected gives the detail ("DD/MM/YYYY", a list of accepted values, a size limit).
type RowError struct {
	File     string
	Sheet    string `json:",omitempty"`
	Line     int    // as a spreadsheet shows it; 0 when the problem is the whole file
	Column   string // the header as written, or the expected header when it is missing
	Letter   string // "A", "AB"; empty when the problem is not one cell
	Value    string // the offending value, cut to MaxValueInError runes; never a password
	Rule     model.Rule
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

// Is makes every RowError match model.ErrInvalid.
func (e *RowError) Is(target error) bool { return target == model.ErrInvalid }

// DefaultMaxErrors is the cap used when none is given.
const DefaultMaxErrors = 100

// Errors lists the problems of one import, up to a cap; Omitted counts those past it.
type Errors struct {
	List    []*RowError
	Omitted int
	max     int
}

// NewErrors returns an empty list that keeps at most max errors (DefaultMaxErrors when max <= 0).
func NewErrors(max int) *Errors {
	if max <= 0 {
		max = DefaultMaxErrors
	}
	return &Errors{max: max}
}

// Add records e, or counts it as omitted once the list is full. The value is cut to
// MaxValueInError runes here, so no caller can forget.
func (es *Errors) Add(e *RowError) {
	if es.max == 0 {
		es.max = DefaultMaxErrors
	}
	if len(es.List) >= es.max {
		es.Omitted++
		return
	}
	e.Value = Shorten(e.Value, MaxValueInError)
	es.List = append(es.List, e)
}

// Len is the number of problems found, kept or omitted.
func (es *Errors) Len() int { return len(es.List) + es.Omitted }

// Err returns es when it holds a problem and nil otherwise, so callers can `return errs.Err()`.
func (es *Errors) Err() error {
	if es == nil || es.Len() == 0 {
		return nil
	}
	return es
}

func (es *Errors) Error() string {
	if len(es.List) == 0 {
		return fmt.Sprintf("%d import errors", es.Omitted)
	}
	s := es.List[0].Error()
	if n := es.Len() - 1; n > 0 {
		s += fmt.Sprintf(" (and %d more)", n)
	}
	return s
}

// Is makes an error list match model.ErrInvalid.
func (es *Errors) Is(target error) bool { return target == model.ErrInvalid }

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
