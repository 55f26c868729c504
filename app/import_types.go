package app

import (
	"fmt"

	"rollcall/importers"
	"rollcall/model"
)

// ImportOptions tune one import.
type ImportOptions struct {
	// Source names where the files come from ("ent", "oneroster", ...); default: the format's
	// family. Users are matched, and marked pending deletion, within their source.
	Source string
	Format importers.Format // "" detects
	// OrgID receives the users of one-school formats (ENT, BE1D, spreadsheets); default: the
	// admin's only organization.
	OrgID model.ID
	// Force overwrites fields set by hand and local admins' fields.
	Force bool
	// MaxDeletions caps how many of the source's users one import may mark pending deletion:
	// a count, or with Percent a percentage of those users (default 10%).
	MaxDeletions DeletionLimit
	DryRun       bool
	// Strict makes a reference to something the files do not define (a parent org, a class in
	// enrollments, an agent, a course) an error; by default it is one of the report's Warnings
	// and the row is imported without that link.
	Strict bool
	// Mode says which users the import may create, update and mark pending deletion.
	Mode ImportMode
	// Classes says whether unknown class and group codes are created or refused.
	Classes ClassPolicy
	// Changes asks for the per-user list (ImportReport.Changes): what a dry run's diff, --json
	// with changes and the console show. Without it only the counts are kept, which spares an
	// import of 300,000 users some 57 MB nobody reads.
	Changes bool
}

// DeletionLimit is a cap on deletions: Count users, or Percent of the source's users.
type DeletionLimit struct {
	Count     int
	Percent   float64
	IsPercent bool
	Set       bool
}

// ParseDeletionLimit reads "25" or "5%".
func ParseDeletionLimit(s string) (DeletionLimit, bool) {
	var l DeletionLimit
	if n := len(s); n > 1 && s[n-1] == '%' {
		if _, err := fmt.Sscanf(s[:n-1], "%g", &l.Percent); err != nil || l.Percent < 0 || l.Percent > 100 {
			return l, false
		}
		l.Set, l.IsPercent = true, true
		return l, true
	}
	if _, err := fmt.Sscanf(s, "%d", &l.Count); err != nil || l.Count < 0 {
		return l, false
	}
	l.Set = true
	return l, true
}

func (l DeletionLimit) allows(n, of int) bool {
	switch {
	case !l.Set:
		return float64(n) <= 0.10*float64(of)
	case l.IsPercent:
		return float64(n) <= l.Percent/100*float64(of)
	}
	return n <= l.Count
}

// ImportStage is the step an import is at, for progress.
type ImportStage uint8

// The stages of an import.
const (
	StageParsing ImportStage = iota
	StageMatching
	StageHashing
	StageWriting
	StageDone
)

// ImportProgress is what a progress callback sees: the stage and counts so far.
type ImportProgress struct {
	Stage   ImportStage
	File    string
	Rows    int // rows parsed
	Matched int // records matched or planned
	Total   int // records in the import, once parsed
	Hashed  int // imported passwords hashed
}

// ChangeKind is the bucket a user ends in.
type ChangeKind uint8

// The buckets of an import report.
const (
	Created ChangeKind = iota
	Updated
	Unchanged
	Protected
	PendingDeletion
	Skipped // a new person an update-only import does not create
)

// FieldChange is one field an import sets: from Old to New, as text.
type FieldChange struct {
	Field    model.Field
	Old, New string
}

// UserChange is one user's line in the diff.
type UserChange struct {
	Kind      ChangeKind
	UserID    model.ID // 0 for a user still to be created
	Login     string
	LastName  string
	FirstName string
	Profile   model.Profile
	Where     importers.Location
	Fields    []FieldChange
	Blocked   []model.Field // changes refused because the field is protected
	Restored  bool          // back from pending deletion
}

// ImportReport is what an import did (or, dry, would do).
type ImportReport struct {
	RunID   model.ID
	Source  string
	Format  importers.Format
	Files   []model.ImportFile
	Counts  model.ImportCounts
	Changes []UserChange // with ImportOptions.Changes: every user created, updated, protected or skipped, in file order, then those marked pending
	DryRun  bool
	// Warnings are the files' references to what they do not define: each row was imported
	// without that link. Never nil after a parse.
	Warnings *importers.Errors
	Mode     ImportMode
	// NewClasses, NewGroups and NewOrgs name what the import created besides users.
	NewClasses, NewGroups, NewOrgs []string
	// Skipped lists the files the inputs held that were not read (a README, a sub-folder, a
	// set's file its format does not use). Never nil after a parse.
	Skipped *importers.Errors
}

// ImportMemoryBudget is the peak memory (resident set) an import of users people may take:
// 200 MB plus 1.5 KB a user, whatever the files expand to (README, "Limits"). The CLI holds its
// import to it; the benchmarks and the memory test measure it.
func ImportMemoryBudget(users int) int64 {
	return 200_000_000 + 1_500*int64(users)
}
