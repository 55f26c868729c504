package model

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date without a time zone, such as a birth date. The zero value means unknown.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d == Date{} }

// String formats the date as ISO 8601 (YYYY-MM-DD), or "" when unknown.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	// Without fmt: an import formats a birth date a row.
	b := [10]byte{byte('0' + d.Year/1000), byte('0' + d.Year/100%10), byte('0' + d.Year/10%10), byte('0' + d.Year%10), '-',
		byte('0' + d.Month/10), byte('0' + d.Month%10), '-', byte('0' + d.Day/10), byte('0' + d.Day%10)}
	return string(b[:])
}

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// NewDate checks that y-m-d is a real calendar date (no 31 February).
func NewDate(y, m, d int) (Date, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Date{}, false
	}
	return Date{y, time.Month(m), d}, true
}

// DateLayout names an order of day, month and year in a textual date.
type DateLayout uint8

// The layouts found in school exports.
const (
	ISODate DateLayout = iota // 2012-03-31
	DMY                       // 31/03/2012, 31-03-2012, 31.03.2012
	MDY                       // 3/31/2012
)

// ParseDate reads a date in the given layout. Separators may be '-', '/' or '.'; day and month may
// have one or two digits. An ISO date with a time part ("2012-03-31T00:00:00Z") keeps the date.
func ParseDate(s string, layout DateLayout) (Date, bool) {
	parts, ok := splitDate(s)
	if !ok {
		return Date{}, false
	}
	var y, m, d string
	switch layout {
	case ISODate:
		y, m, d = parts[0], parts[1], parts[2]
		if len(y) != 4 {
			return Date{}, false
		}
	case DMY:
		d, m, y = parts[0], parts[1], parts[2]
	case MDY:
		m, d, y = parts[0], parts[1], parts[2]
	}
	if len(y) != 4 || len(m) > 2 || len(d) > 2 {
		return Date{}, false
	}
	yi, err1 := strconv.Atoi(y)
	mi, err2 := strconv.Atoi(m)
	di, err3 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || err3 != nil {
		return Date{}, false
	}
	return NewDate(yi, mi, di)
}

// ParseAnyDate tries ISO first, then the given fallback for slashed dates.
func ParseAnyDate(s string, fallback DateLayout) (Date, bool) {
	if d, ok := ParseDate(s, ISODate); ok {
		return d, true
	}
	return ParseDate(s, fallback)
}

func splitDate(s string) ([3]string, bool) {
	var out [3]string
	if i := indexByte(s, 'T'); i >= 0 {
		s = s[:i]
	} else if i := indexByte(s, ' '); i >= 0 {
		s = s[:i]
	}
	n, start := 0, 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '-' || s[i] == '/' || s[i] == '.' {
			if n == 3 || i == start {
				return out, false
			}
			out[n] = s[start:i]
			n++
			start = i + 1
		}
	}
	return out, n == 3
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// MarshalText writes the ISO form.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads the ISO form; an empty text is the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, ok := ParseDate(string(b), ISODate)
	if !ok {
		return &ValidationError{Field: "date", Rule: RuleDate, Value: string(b)}
	}
	*d = v
	return nil
}
