package model

import (
	"fmt"
	"time"
)

// ImportRun is one import in the history: when, by whom, from which files, and what it did.
type ImportRun struct {
	ID       ID
	Kind     RunKind `json:",omitempty"`
	At       time.Time
	AdminID  ID
	Source   string // "ent", "oneroster", "sds", "sheet", ... as the admin named it
	OrgIDs   []ID   // the organizations the run touched: who may see and undo it
	Format   string
	Files    []ImportFile
	Counts   ImportCounts
	UndoneAt time.Time // zero unless the run was undone
	// Failed is set for a run that stopped before writing anything: its Problems (the files'
	// located errors, as many as were listed) or its Failure say why.
	Failed   bool
	Problems []ImportProblem
	Failure  ImportFailure
	// Warnings are a completed run's references to what its files did not define (each row
	// imported without that link), as many as were listed; WarningsOmitted counts the others.
	Warnings        []ImportProblem
	WarningsOmitted int
	// YearClose is what a year's turn did (Kind RunYearClose).
	YearClose *YearCloseSummary `json:",omitempty"`
}

// RunKind says what wrote a run of the history: an import, or a year's turn.
type RunKind string

// The kinds of runs.
const (
	RunImport    RunKind = ""
	RunYearClose RunKind = "year_close"
)

// ImportProblem is one located error of a failed run, kept so it can be read again later.
type ImportProblem struct {
	File, Sheet    string
	Line           int
	Column, Letter string
	Value          string
	Rule           Rule
	Expected       string
}

// ImportFailure is why a failed run stopped when it was not its files' rows: too many
// deletions (Would of Of), or no school to put one-school files in.
type ImportFailure struct {
	TooManyDeletions bool
	Would, Of        int
	NoOrganization   bool
	Omitted          int // located errors beyond those kept in Problems
}

// ImportFile is a file an import read, with the SHA-256 of its bytes.
type ImportFile struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Rows   int    `json:"rows"`
}

// ImportCounts is the report of an import: every user of the import ends in exactly one bucket.
type ImportCounts struct {
	Created, Updated, Unchanged, Protected, PendingDeletion int
	Restored                                                int // among Updated: users back from pending deletion
	ClassesCreated, GroupsCreated, OrgsCreated              int
	Skipped                                                 int // new people an update-only import did not create
}

// Undone reports whether the run was reverted.
func (r *ImportRun) Undone() bool { return !r.UndoneAt.IsZero() }

// Origin says where a field's value came from: the import run, file and line that last set it.
type Origin struct {
	Run  ID
	File string
	Line int
}

// Provenance maps each field of one user to the import that last set it. Fields set by hand have
// no entry (User.ByHand says so).
type Provenance map[Field]Origin

// ImportUndo is what undoing a run needs: the users it changed as they were before, and the
// records it created.
type ImportUndo struct {
	RunID      ID
	Before     []User // users the run updated or marked pending, as they were
	NewUsers   []ID
	NewClasses []ID
	NewGroups  []ID
	NewOrgs    []ID
	WrittenAt  time.Time // the UpdatedAt the run gave every user it wrote

	// A year's turn also deletes people and changes classes: undoing it needs them as they were.
	Deleted           []User            `json:",omitempty"` // the users deleted, with their ids
	DeletedSeats      []Seat            `json:",omitempty"` // the seats they held
	DeletedProvenance map[ID]Provenance `json:",omitempty"`
	ClassesBefore     []Class           `json:",omitempty"` // the classes archived or renamed, as they were
}

// FieldNames lists the fields by their stable names, for JSON and the provenance display.
var FieldNames = map[Field]string{
	FieldLastName: "last_name", FieldFirstName: "first_name", FieldEmail: "email", FieldBirthDate: "birth_date",
	FieldClasses: "classes", FieldGroups: "groups", FieldProfile: "profile", FieldLogin: "login",
	FieldChildren: "children", FieldLanguage: "language", FieldFunctions: "functions", FieldSubjects: "subjects",
}

// TooManyDeletionsError stops an import that would mark more of a source's users pending
// deletion than allowed: a wrong or partial file must not empty a school.
type TooManyDeletionsError struct {
	Would, Of int
}

// ErrorKind: a conflict with the safety limit (exit code 5).
func (e *TooManyDeletionsError) ErrorKind() Kind { return KindConflict }

// ErrorMessage says how many of how many.
func (e *TooManyDeletionsError) ErrorMessage() Message {
	return Message{ID: MsgTooManyDeletions, Args: []any{e.Would, e.Of}}
}

func (e *TooManyDeletionsError) Error() string {
	return fmt.Sprintf("the import would mark %d of %d users pending deletion", e.Would, e.Of)
}
