package roster

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"rollcall/importers/table"
	"rollcall/model"
)

// Row is one data row being turned into a record: it reads cells by column key and reports
// problems located at the right cell.
type Row struct {
	Job    *Job
	H      *table.Header
	At     table.Location
	Fields []string
	Bad    bool // a problem was reported for this row
}

// Get returns the cleaned value of a column and its cell index (-1 when the file lacks it).
func (r *Row) Get(key string) (string, int) { return r.H.Get(r.Fields, key) }

// Fail reports a problem at cell i of the row.
func (r *Row) Fail(i int, value string, rule model.Rule, expected string) *table.RowError {
	e := r.H.CellError(r.At, i, value, rule, expected)
	r.Job.Add(e)
	r.Bad = true
	return e
}

// Dangling reports a reference in cell i to something the files do not define: a warning, and
// true (import the row without the link), or with Job.Strict an error on the row, and false.
func (r *Row) Dangling(i int, value string, rule model.Rule) bool {
	e := r.H.CellError(r.At, i, value, rule, "")
	if r.Job.Dangling(e) {
		return true
	}
	r.Bad = true
	return false
}

// Required returns a column's value, reporting RuleRequired when it is empty.
func (r *Row) Required(key string) string {
	v, i := r.Get(key)
	if v == "" {
		if i < 0 {
			i = r.H.Index(key)
		}
		e := r.Fail(i, "", model.RuleRequired, "")
		if i < 0 {
			e.Column = r.H.Name(key)
		}
	}
	return v
}

// Email returns a column's address normalised, reporting RuleEmail when it is malformed.
func (r *Row) Email(key string) string {
	v, i := r.Get(key)
	return r.EmailValue(v, i)
}

// EmailValue checks an address read from cell i.
func (r *Row) EmailValue(v string, i int) string {
	if v == "" {
		return ""
	}
	e := model.NormalizeEmail(v)
	if !model.ValidEmail(e) {
		r.Fail(i, v, model.RuleEmail, "")
		return ""
	}
	return e
}

// Date reads a column's date in layout, also accepting ISO dates (exports switch to them when a
// spreadsheet re-saves the file). expected is the pattern the error names, e.g. "DD/MM/YYYY".
func (r *Row) Date(key string, layout model.DateLayout, expected string) model.Date {
	v, i := r.Get(key)
	return r.DateValue(v, i, layout, expected)
}

// DateValue checks a date read from cell i.
func (r *Row) DateValue(v string, i int, layout model.DateLayout, expected string) model.Date {
	if v == "" {
		return model.Date{}
	}
	d, ok := model.ParseAnyDate(v, layout)
	if !ok {
		r.Fail(i, v, model.RuleDate, expected)
	}
	return d
}

// TooLong reports values longer than model.MaxNameLength in the given columns and cuts them, so
// one pasted paragraph does not reach the store.
func (r *Row) TooLong(v string, i int) string {
	if len(v) > model.MaxNameLength && len([]rune(v)) > model.MaxNameLength {
		r.Fail(i, v, model.RuleTooLong, "200")
		return ""
	}
	return v
}

// UniqueID reports RuleDuplicateID when id was already seen in scope, naming the first line.
func (r *Row) UniqueID(scope, id string, i int) {
	if id == "" {
		return
	}
	if first, dup := r.Job.SeenID(scope, id, r.At); dup {
		e := r.Fail(i, id, table.RuleDuplicateID, "")
		e.Other = first
	}
}

// CheckShape reports a row wider than table.MaxColumns, a quote that never closed, and cells
// longer than table.MaxCell.
func (r *Row) CheckShape(row table.Row) {
	if row.Wide {
		r.Fail(-1, "", table.RuleTooManyColumns, itoa(table.MaxColumns))
	}
	if row.Unterminated {
		r.Fail(-1, "", table.RuleUnterminatedQuote, `"`)
	}
	if row.Long {
		r.Fail(-1, "", model.RuleTooLong, itoa(table.MaxRow))
	}
	// A delimited row has as many values as its header has columns (a worksheet leaves its empty
	// cells out, so it is not held to that).
	if n, want := len(row.Fields), len(r.H.Cells); r.At.Sheet == "" && !row.Wide && n != want && (n < want || !trailingBlank(row.Fields, want)) {
		r.Fail(-1, itoa(n), table.RuleFieldCount, itoa(want))
	}
	for i, f := range row.Fields {
		if len(f) > table.MaxCell {
			r.Fail(i, f, model.RuleTooLong, itoa(table.MaxCell))
		} else if e := BadText(r.H, r.At, i, f); e != nil {
			r.Job.Add(e)
			r.Bad = true
		}
	}
}

// trailingBlank reports whether a row longer than its header has only empty cells past it:
// Excel's trailing ";;;;" lose nothing.
func trailingBlank(fields []string, want int) bool {
	for i := min(len(fields), want); i < len(fields); i++ {
		if strings.TrimSpace(fields[i]) != "" {
			return false
		}
	}
	return true
}

// BadText returns the error for a value that holds a character no value may hold (BadRune), at
// cell i of the row at loc, or nil. U+FFFD is the file's encoding broken on that line; anything
// else is a control character, named by its code point.
func BadText(h *table.Header, loc table.Location, i int, v string) *table.RowError {
	c, bad := table.BadRune(v)
	if !bad {
		return nil
	}
	if c == utf8.RuneError {
		return h.CellError(loc, i, v, table.RuleBadEncoding, "UTF-8")
	}
	return h.CellError(loc, i, v, table.RuleControlChar, fmt.Sprintf("U+%04X", c))
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

// ProfileFromName guesses the profile of a one-profile file from its name, the way schools name
// them: "CSV_Eleves.csv", "Enseignants 2026.xlsx", "students.csv". It returns false when no word
// of the name is a profile, or when two words disagree.
func ProfileFromName(name string) (model.Profile, bool) {
	base := path.Base(filepath.ToSlash(name))
	if ext := path.Ext(base); ext != "" {
		base = strings.TrimSuffix(base, ext)
	}
	words := strings.FieldsFunc(model.Fold(base), func(r rune) bool { return !unicode.IsLetter(r) })
	found := model.ProfileUnknown
	for _, w := range words {
		p, ok := model.ParseProfile(w)
		if !ok {
			continue
		}
		if found != model.ProfileUnknown && found != p {
			return model.ProfileUnknown, false
		}
		found = p
	}
	return found, found != model.ProfileUnknown
}
