package roster

import (
	"rollcall/importers/table"
	"rollcall/model"
)

// Format names a file family ("oneroster", "sds-v1"). Each format package declares its own
// name with its FormatSpec.
type Format string

// FileInfo describes one file that was read.
type FileInfo struct {
	Name   string // as given; an archive entry is "set.zip/users.csv", a folder's file "dir/users.csv"
	SHA256 string // hex digest of the raw bytes, to recognise a file imported before
	Rows   int    // data rows read (header and blank rows excluded)
}

// PersonRef points at another person of the import or of the directory: by ExternalID when the
// format has ids, otherwise by name and class (the ENT's parents files).
type PersonRef struct {
	ExternalID string
	LastName   string
	FirstName  string
	Class      string
}

// ClassDef is a class a file defines or mentions. Code is the key Record.Classes uses: the
// class's name as written in formats that only name classes (ENT, BE1D, spreadsheets), and the
// source's stable id in OneRoster and SDS, whose class codes are neither required nor unique.
type ClassDef struct {
	Code          string
	Name          string
	Level         string // "CP", "CE1", OneRoster grades, SDS course grade
	ExternalID    string
	OrgExternalID string
	// Local is the class's code within its organization when Code is a key across schools: an
	// académie feed keys classes "structure$class" ("43$6A"), and 6A is what the school calls it.
	Local string
}

// OrgDef is a school or another organisation a set defines.
type OrgDef struct {
	ExternalID       string
	Name             string
	Code             string // UAI / school number / identifier
	ParentExternalID string
}

// Record is one person as a file describes them.
type Record struct {
	Where      table.Location
	Profile    model.Profile
	ExternalID string // the source's stable id, when the format has one
	Login      string
	Email      string // normalised with model.NormalizeEmail and checked with model.ValidEmail
	LastName   string
	FirstName  string
	BirthDate  model.Date
	Classes    []string // ClassDef codes, in file order, de-duplicated
	Groups     []string
	Children   []PersonRef // for parents and guardians
	Password   string      // only from spreadsheet templates; app checks it with the school's policy
	// PasswordCell locates the password's cell, for the errors of a password the school's
	// policy refuses (its Rule is left empty); nil without a password. A pointer: a record is
	// kept per user imported, and most have no password.
	PasswordCell  *table.RowError
	OrgExternalID string
	// Functions are a staff member's functions as the académie writes them, less the structure:
	// "DIR$DIRECTION$D0011$CHEF D'ETABLISSEMENT ADJOINT" (AAF), "ENS" (STS-Web). nil: the file
	// does not say; empty: the person has none.
	Functions []string
	// Subjects are the subjects a teacher teaches, as labels ("ANGLAIS LV1"); nil and empty as
	// for Functions.
	Subjects []string
	// Address is the person's postal address as the file writes it, on one line: not kept, it
	// only tells apart homonyms the file says nothing else of (two guardians of one name).
	Address string
	// Partial marks a delta's modification (an AAF modifyRequest): it names only what changed,
	// and an unknown Profile keeps the user's. A person the store does not have is created from
	// it only when it says who they are (names and a school), with ProfileIfNew when Profile is
	// unknown; otherwise it is a warning.
	Partial      bool
	ProfileIfNew model.Profile
}

// Batch is everything one import read.
type Batch struct {
	Format  Format
	Files   []FileInfo
	Records []Record
	Classes []ClassDef
	Orgs    []OrgDef
	// Delta is set for a delta (a OneRoster delta set, an AAF feed of modifications): users
	// absent from it are unchanged, not deleted.
	Delta bool
	// DeltaOrgColumn, in a delta whose records name schools its full feed defined, is the
	// column that names them: the import warns of those the store does not have either.
	DeltaOrgColumn string
	// Deleted lists the users' external ids a delta marks tobedeleted (OneRoster) or an AAF
	// deleteRequest names.
	Deleted []string
	// FromRollcall is set when the files are Rollcall's own export (rollcall users export): their
	// logins are the ones Rollcall gave, so users are found by login whatever their source.
	FromRollcall bool
	// Warnings lists references to what the files do not define (a parent org, a class, an
	// agent): each row was imported without that link. Never nil from Parse.
	Warnings *table.Errors
	// Skipped lists the files the inputs held that were not read: not roster files (a README,
	// a sub-folder), or files of a set its format does not use. Never nil from Parse.
	Skipped *table.Errors

	columns map[columnsKey]Columns // per file or worksheet (SetColumns)
}
