package importers

import (
	"rollcall/importers/aaf"
	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// Format names a file family: "ent", "ent-export", "be1d", "sheet", "oneroster", "sds-v1", "google",
// "sds-v2", and whatever else formats.go registers (Formats lists them).
type Format = roster.Format

// Input is one thing the admin picked: a file, a folder, or a .zip. OneRoster and SDS sets come
// as folders or zips; their files may also be given one by one, and are then read as a set when
// they sit in the same folder.
type Input struct {
	Path string
}

// Options tune an import.
type Options struct {
	// Format forces the format of every input; "" detects it.
	Format Format
	// MaxErrors caps the errors listed (the rest are counted); 0 means 100.
	MaxErrors int
	// Profile forces the profile of one-profile files (ENT import files, spreadsheets) whose name
	// does not say it; zero lets the name and headers decide. Detection.Profile shows the guess.
	Profile model.Profile
	// Strict makes a reference to something the files do not define (a parent org, a class in
	// enrollments, an agent, a course) an error; by default it is a warning (Batch.Warnings)
	// and the row is imported without that link.
	Strict bool
}

// Progress reports rows parsed so far in one file, every few thousand rows and at its end.
type Progress struct {
	File string
	Rows int
}

// Result types, defined in importers/roster and importers/table so format packages can fill them.
type (
	Batch     = roster.Batch
	Record    = roster.Record
	ClassDef  = roster.ClassDef
	OrgDef    = roster.OrgDef
	PersonRef = roster.PersonRef
	FileInfo  = roster.FileInfo
	Location  = table.Location
	Errors    = table.Errors
	RowError  = table.RowError
	Attempt   = table.Attempt
	Encoding  = table.Encoding
)

// The encodings Detect reports.
const (
	EncodingUTF8        = table.UTF8
	EncodingUTF8BOM     = table.UTF8BOM
	EncodingUTF16       = table.UTF16
	EncodingWindows1252 = table.Windows1252
)

// The rules importers add to model's (model.RuleRequired, RuleDate, RuleEmail, RuleUnknownValue,
// RuleTooLong and the password rules are used as they are).
const (
	RuleUnknownFormat = table.RuleUnknownFormat
	RuleMixedFormats  = table.RuleMixedFormats
	RuleMissingColumn = table.RuleMissingColumn
	RuleMissingFile   = table.RuleMissingFile
	RuleEmptyFile     = table.RuleEmptyFile
	RuleDuplicateID   = table.RuleDuplicateID
	RuleUnknownClass  = table.RuleUnknownClass
	RuleUnknownUser   = table.RuleUnknownUser
	RuleUnknownOrg    = table.RuleUnknownOrg
	// RuleModifiedUnknown warns that a delta modifies a person neither the store nor the files
	// have, without saying who they are: the modification is skipped.
	RuleModifiedUnknown = model.RuleModifiedUnknown
	// RuleUndefinedStructure warns that people are attached to a school that neither the feed
	// nor, for a delta, the store defines.
	RuleUndefinedStructure = aaf.RuleUndefinedStructure
	RuleUnknownCourse      = table.RuleUnknownCourse
	RuleUnknownProfile     = table.RuleUnknownProfile
	RuleBadZip             = table.RuleBadZip
	RuleUnsafePath         = table.RuleUnsafePath
	RuleTooLarge           = table.RuleTooLarge
	RuleTooManyColumns     = table.RuleTooManyColumns
	RuleUnterminatedQuote  = table.RuleUnterminatedQuote
	RuleFieldCount         = table.RuleFieldCount
	RuleBadXLSX            = table.RuleBadXLSX
	RuleBadEncoding        = table.RuleBadEncoding
	RuleControlChar        = table.RuleControlChar
	RuleNotRegular         = table.RuleNotRegular
	RuleNotRoster          = table.RuleNotRoster
	RuleNotInSet           = table.RuleNotInSet
	RuleNothingToImport    = table.RuleNothingToImport
)
