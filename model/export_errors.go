package model

import (
	"fmt"
	"strings"
)

// The sentences of the platforms' exports (see messages.go).
const (
	MsgExportOption  MsgID = "export.option"   // (option, value, known []string)
	MsgExportCharset MsgID = "export.charset"  // (login, column, character, charset)
	MsgExportTooLong MsgID = "export.too_long" // (login, column, longest)
	MsgExportNoEmail MsgID = "export.no_email" // (login) Google requires an address, no template made one
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

// ErrorKind is usage: an option the command or form was given.
func (e *ExportOptionError) ErrorKind() Kind { return KindUsage }

// ErrorMessage names the option, the value and the known ones.
func (e *ExportOptionError) ErrorMessage() Message {
	return Message{ID: MsgExportOption, Args: []any{e.Option, e.Value, e.Known}}
}

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

// ErrorKind is invalid: the directory holds what the platform's file cannot.
func (e *ExportCellError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage names the user, the column and the character or the length.
func (e *ExportCellError) ErrorMessage() Message {
	if e.Missing {
		return Message{ID: MsgExportNoEmail, Args: []any{e.Login}}
	}
	if e.Charset != "" {
		return Message{ID: MsgExportCharset, Args: []any{e.Login, e.Column, e.Char, e.Charset}}
	}
	return Message{ID: MsgExportTooLong, Args: []any{e.Login, e.Column, e.MaxLen}}
}
