package table

import "rollcall/model"

// The rules importers report in addition to model's validation rules. They are model's
// (model.RuleUnknownFormat…), where the catalogues find every rule; these names keep the
// importers' code short.
const (
	RuleUnknownFormat     = model.RuleUnknownFormat
	RuleMixedFormats      = model.RuleMixedFormats
	RuleMissingColumn     = model.RuleMissingColumn
	RuleMissingFile       = model.RuleMissingFile
	RuleEmptyFile         = model.RuleEmptyFile
	RuleDuplicateID       = model.RuleDuplicateID
	RuleUnknownClass      = model.RuleUnknownClass
	RuleUnknownUser       = model.RuleUnknownUser
	RuleUnknownOrg        = model.RuleUnknownOrg
	RuleUnknownCourse     = model.RuleUnknownCourse
	RuleUnknownProfile    = model.RuleUnknownProfile
	RuleBadZip            = model.RuleBadZip
	RuleUnsafePath        = model.RuleUnsafePath
	RuleTooLarge          = model.RuleTooLarge
	RuleTooManyColumns    = model.RuleTooManyColumns
	RuleUnterminatedQuote = model.RuleUnterminatedQuote
	RuleFieldCount        = model.RuleFieldCount
	RuleBadXLSX           = model.RuleBadXLSX
	RuleBadEncoding       = model.RuleBadEncoding
	RuleNotRegular        = model.RuleNotRegular
	RuleNotRoster         = model.RuleNotRoster
	RuleNotInSet          = model.RuleNotInSet
	RuleNothingToImport   = model.RuleNothingToImport
	RuleControlChar       = model.RuleControlChar
)

// Location is a place in an imported file (model.Location).
type Location = model.Location

// Attempt says why one format did not fit a file (model.Attempt).
type Attempt = model.Attempt

// RowError is one located problem in an import (model.RowError): it says its kind and its
// sentence, so the faces tell it without knowing this package.
type RowError = model.RowError

// Errors lists the problems of one import, up to a cap (model.RowErrors).
type Errors = model.RowErrors

// MaxValueInError bounds the value an error repeats.
const MaxValueInError = model.MaxValueInError

// DefaultMaxErrors is the cap used when none is given.
const DefaultMaxErrors = model.DefaultMaxRowErrors

// NewErrors returns an empty list that keeps at most max errors (DefaultMaxErrors when max <= 0).
func NewErrors(max int) *Errors { return model.NewRowErrors(max) }

// Shorten cuts s to at most n runes, marking the cut with "…".
func Shorten(s string, n int) string { return model.Shorten(s, n) }
