package app

import (
	"io"
	"strings"
	"time"

	"rollcall/importers"
	"rollcall/importers/table"
	"rollcall/model"
	"rollcall/storage"
)

// Rules the import planner reports, beside the parsers' own.
const (
	RuleAmbiguousMatch  = model.RuleAmbiguousMatch  // a row matches two users; Expected names how
	RuleDuplicatePerson = model.RuleDuplicatePerson // two rows are the same person; Other is the first
	RuleUnknownChild    = model.RuleUnknownChild    // a parent's child matches no student
	RuleAmbiguousChild  = model.RuleAmbiguousChild  // a parent's child matches two students
)

// planner turns a parsed import and the directory as it is into one storage batch and a report.
// It does no I/O: everything it needs is loaded before, and the batch is written after.
type planner struct {
	opts   ImportOptions
	source string
	batch  *importers.Batch
	now    time.Time
	random io.Reader
	errs   *table.Errors
	temp   int
	runID  model.ID

	dir     directorySnapshot
	orgOf   map[string]model.ID // OrgDef external id → org id (real or temporary)
	classOf map[setKey]model.ID // (org, folded code) → class id
	groupOf map[setKey]model.ID
	// classCode and groupCode name classes and groups for the diff; apart, because a class and a
	// group may have the same id (each kind draws its own).
	classCode map[model.ID]string
	groupCode map[model.ID]string

	classDefs map[string]importers.ClassDef // the files' class definitions by code
	// classOfRaw is the class of a record's code as written, within the record's organization.
	classOfRaw map[setKey]model.ID

	recKey   []string           // per record: its id in the source, given or derived (keyRecords)
	recUser  []model.ID         // per record: the user it is (real, or temporary when new)
	recOrg   []model.ID         // per record: its organization
	recMatch []int              // per record: index of the matched user in dir.users, or -1
	recByExt map[string]int     // the source's id → the first record that has it
	children map[int][]model.ID // per parent record: the children its row names
	// studentByName and dirStudentByName find the students a parent's row names (linkChildren).
	studentByName, dirStudentByName map[string][]int
	matchedBy                       map[model.ID]int // existing user id → record index that matched it
	emailRows                       map[string]int   // how many records carry each email
	passwords                       []pendingPassword
	loginBuf                        []byte              // newLogin's candidates
	loginOf                         map[model.ID]string // user id → login, for the diff of children; built on first use
	// schools holds the settings of the admin's schools, whose password policies the imported
	// passwords follow (a school the import creates follows the default policy).
	schools map[model.ID]SchoolSettings

	out     storage.Batch
	report  ImportReport
	undo    model.ImportUndo
	tooMany *model.TooManyDeletionsError
}

// setKey names a class or group within an organization.
type setKey struct {
	org  model.ID
	code string // folded
}

type pendingPassword struct {
	user     int // index in out.Users
	password string
}

// directorySnapshot is the part of the store an import reads: the admin's organizations and
// their classes, groups and users, plus every login in use anywhere (logins are global).
type directorySnapshot struct {
	target  model.ID // organization of one-school formats; 0 if none
	orgs    []model.Organization
	classes []model.Class
	groups  []model.Group
	users   []model.User
	logins  loginSet
	// otherCodes are the official codes (UAIs) of the store's schools the admin does not
	// administer: a file's school with one of them is not created a second time.
	otherCodes map[string]bool

	byExt   map[string]int   // external id of this source → index in users
	byLogin map[string]int   // lower-case login → index
	byEmail map[string][]int // email → indexes
	byName  map[string][]int // folded last, first and birth date → indexes
}

func (p *planner) newTemp() model.ID {
	p.temp++
	return model.TempID(p.temp)
}

// plan computes the batch; the errors it finds are in p.errs.
func (p *planner) plan(progress func(ImportProgress)) {
	p.runID = p.newTemp()
	p.orgOf, p.classOf, p.groupOf = map[string]model.ID{}, map[setKey]model.ID{}, map[setKey]model.ID{}
	p.classCode, p.groupCode = map[model.ID]string{}, map[model.ID]string{}
	n := len(p.batch.Records)
	// Sized once: a map grown row by row rehashes its 100,000 keys again and again.
	p.matchedBy = make(map[model.ID]int, min(n, len(p.dir.users)))
	p.indexDirectory()
	p.resolveOrgs()
	p.resolveClasses()
	p.recUser, p.recOrg, p.recMatch = make([]model.ID, n), make([]model.ID, n), make([]int, n)
	p.out.Users = make([]model.User, 0, n) // users are big: growing by doubling copies them again and again
	p.out.Origins = make([]storage.FieldsOrigin, 0, n)
	if p.opts.Changes {
		p.report.Changes = make([]UserChange, 0, n/8)
	}
	p.checkBatchDuplicates()
	p.assignOrgs()
	p.keyRecords()
	for i := range p.batch.Records {
		p.matchExact(i)
	}
	// People first, then those who are known by their children: a guardian's children tell
	// homonyms apart, so they are found before the guardian is matched.
	for i := range p.batch.Records {
		if len(p.batch.Records[i].Children) == 0 {
			p.matchRecord(i)
		}
	}
	p.linkChildren()
	for i := range p.batch.Records {
		if len(p.batch.Records[i].Children) > 0 {
			p.matchRecord(i)
		}
	}
	for i := range p.batch.Records {
		p.planRecord(i)
		if progress != nil && (i%5000 == 4999 || i == n-1) {
			progress(ImportProgress{Stage: StageMatching, Matched: i + 1, Total: n})
		}
	}
	if p.opts.Mode == ModeSync {
		p.markAbsent()
	}
	p.finish()
}

// fold is the comparison form of codes and names in an import.
func fold(s string) string { return strings.TrimSpace(model.Fold(model.CleanName(s))) }

func (p *planner) rowError(where importers.Location, column, value string, rule model.Rule, expected string) {
	p.errs.Add(&table.RowError{File: where.File, Sheet: where.Sheet, Line: where.Line, Column: column,
		Value: table.Shorten(value, table.MaxValueInError), Rule: rule, Expected: expected})
}
