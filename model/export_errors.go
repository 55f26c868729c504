package model

import (
	"fmt"
	"strings"
)

// ExportOptionError is an export option naming something the format does not know: a field of
// --fields, a placeholder of a template, a charset. Known lists what the option accepts, so both
// faces can show it.
type ExportOptionError struct {
	Option string // the flag: "fields", "email-template", "org-unit-template", "charset"
	Value  string // the unknown name, as typed
	Known  []string
}

func (e *ExportOptionError) Error() string {
	return fmt.Sprintf("--%s: unknown %q (known: %s)", e.Option, e.Value, strings.Join(e.Known, ", "))
}

// Is makes the error match ErrInvalid.
func (e *ExportOptionError) Is(target error) bool { return target == ErrInvalid }

// ExportCellError is a value an export cannot write as the platform reads it: a character the
// charset lacks (Charset and Char set), a value longer than the platform takes (MaxLen set), or
// a value the platform requires and the user lacks (Missing: an email for Google, with no
// template to make one). It names the user by login and the column by its header. Nothing is
// written.
type ExportCellError struct {
	Login, Column string
	Charset       string
	Char          rune
	MaxLen        int
	Missing       bool
}

func (e *ExportCellError) Error() string {
	if e.Missing {
		return fmt.Sprintf("%s, column %s: empty, and the platform requires it", e.Login, e.Column)
	}
	if e.Charset != "" {
		return fmt.Sprintf("%s, column %s: %q cannot be written in %s", e.Login, e.Column, e.Char, e.Charset)
	}
	return fmt.Sprintf("%s, column %s: longer than %d characters", e.Login, e.Column, e.MaxLen)
}

// Is makes the error match ErrInvalid.
func (e *ExportCellError) Is(target error) bool { return target == ErrInvalid }
