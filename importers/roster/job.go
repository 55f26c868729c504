package roster

import (
	"context"
	"errors"

	"rollcall/importers/table"
	"rollcall/model"
)

// ProgressEvery is how many rows pass between two progress reports.
const ProgressEvery = 4096

// MaxRows is the most rows one import reads, all its files together: every row kept costs
// memory (about 1.5 KB a user once planned and written), so past it the import stops with
// RuleTooLarge at the row that crossed it rather than growing without bound (README, "Limits").
const MaxRows = 3_000_000

// ErrTooManyRows is what Tick returns once an import passed its MaxRows: the format stops
// reading, and Parse reports the RuleTooLarge error the job recorded.
var ErrTooManyRows = errors.New("importers: too many rows")

// cancelEvery is how many rows pass between two looks at the context: often enough to stop
// within milliseconds, rarely enough to cost nothing.
const cancelEvery = 512

// Job is one import being read. Format packages append to Batch and report problems through
// Add; the Job keeps what must be consistent across files (classes, ids).
type Job struct {
	Batch *Batch
	Errs  *table.Errors
	// Strict makes a reference to something the files do not define (a parent org, a class, an
	// agent) an error; otherwise it is a warning in Batch.Warnings and the row keeps no link.
	Strict bool
	// MaxRows is the most rows read, every file together (MaxRows unless a test lowers it).
	MaxRows int

	rows     int // rows read so far, every file together
	ctx      context.Context
	progress func(file string, rows int)
	byName   map[string]int    // folded class name → index in Batch.Classes
	byRaw    map[string]string // class name as written → its code, to skip folding on repeats
	byCode   map[string]int    // class code → index in Batch.Classes, for formats with ids
	orgs     map[string]int
	ids      map[idKey]table.Location
}

type idKey struct {
	scope string
	id    string
}

// NewJob starts an import. progress may be nil.
func NewJob(ctx context.Context, maxErrors int, progress func(file string, rows int)) *Job {
	if progress == nil {
		progress = func(string, int) {}
	}
	return &Job{
		Batch:    &Batch{Warnings: table.NewErrors(maxErrors), Skipped: table.NewErrors(maxErrors)},
		Errs:     table.NewErrors(maxErrors),
		MaxRows:  MaxRows,
		ctx:      ctx,
		progress: progress,
		byName:   map[string]int{},
		byRaw:    map[string]string{},
		byCode:   map[string]int{},
		orgs:     map[string]int{},
		ids:      map[idKey]table.Location{},
	}
}

// Add records a problem.
func (j *Job) Add(e *table.RowError) { j.Errs.Add(e) }

// Flooded reports whether so many problems were found that reading further is pointless: ten
// times the errors listed, and at least 1,000. A file whose every row is wrong (a binary blob
// renamed .csv, a zip bomb of garbage) is then not read to its last line just to count errors
// nobody will read, nor its rows kept in memory meanwhile.
func (j *Job) Flooded() bool {
	return j.Errs.Len() >= max(10*len(j.Errs.List), 1000) && j.Errs.Omitted > 0
}

// Dangling reports a reference to something the files do not define. It returns true when the
// row is still imported, without that link (a warning); with Strict it is an error and returns
// false.
func (j *Job) Dangling(e *table.RowError) bool {
	if j.Strict {
		j.Add(e)
		return false
	}
	j.Batch.Warnings.Add(e)
	return true
}

// Tick is called once per row read: it reports progress every ProgressEvery rows, returns the
// context's error once it is cancelled, and ErrTooManyRows past MaxRows.
func (j *Job) Tick(file string, rows int) error {
	if j.rows++; j.rows > j.MaxRows {
		j.Add(&table.RowError{File: file, Rule: table.RuleTooLarge, Expected: itoa(j.MaxRows) + " rows"})
		return ErrTooManyRows
	}
	if rows%cancelEvery == 0 {
		if err := j.ctx.Err(); err != nil {
			return err
		}
	}
	if rows%ProgressEvery == 0 && rows > 0 {
		j.progress(file, rows)
	}
	return nil
}

// FileDone records a file that was read and reports its final row count.
func (j *Job) FileDone(info FileInfo) {
	j.Batch.Files = append(j.Batch.Files, info)
	j.progress(info.Name, info.Rows)
}

// Err returns the context's error, for loops that do not read rows.
func (j *Job) Err() error { return j.ctx.Err() }

// ClassByName returns the code of the class called name, registering it the first time. Names
// are matched case- and accent-insensitively, and the first spelling met is kept, so "6ème A"
// and "6EME A" in two files are one class. level is kept when the first mention lacked one.
func (j *Job) ClassByName(name, level string) string {
	if code, ok := j.byRaw[name]; ok && level == "" {
		return code
	}
	raw := name
	name = table.Clean(name)
	if name == "" {
		return ""
	}
	key := model.Fold(name)
	if i, ok := j.byName[key]; ok {
		c := &j.Batch.Classes[i]
		if c.Level == "" {
			c.Level = level
		}
		j.byRaw[raw] = c.Code
		return c.Code
	}
	j.byName[key] = len(j.Batch.Classes)
	j.byRaw[raw] = name
	j.Batch.Classes = append(j.Batch.Classes, ClassDef{Code: name, Name: name, Level: level})
	return name
}

// DefineClass registers a class a set defines by id. It returns false, leaving the first
// definition in place, when the code was defined already.
func (j *Job) DefineClass(def ClassDef) bool {
	if _, ok := j.byCode[def.Code]; ok {
		return false
	}
	j.byCode[def.Code] = len(j.Batch.Classes)
	j.Batch.Classes = append(j.Batch.Classes, def)
	return true
}

// HasClass reports whether a class code was defined with DefineClass.
func (j *Job) HasClass(code string) bool {
	_, ok := j.byCode[code]
	return ok
}

// DefineOrg registers an organisation. It returns false when the id was defined already.
func (j *Job) DefineOrg(def OrgDef) bool {
	if _, ok := j.orgs[def.ExternalID]; ok {
		return false
	}
	j.orgs[def.ExternalID] = len(j.Batch.Orgs)
	j.Batch.Orgs = append(j.Batch.Orgs, def)
	return true
}

// Org returns the organisation defined with id, or nil.
func (j *Job) Org(id string) *OrgDef {
	if i, ok := j.orgs[id]; ok {
		return &j.Batch.Orgs[i]
	}
	return nil
}

// HasOrg reports whether an organisation id was defined.
func (j *Job) HasOrg(id string) bool {
	_, ok := j.orgs[id]
	return ok
}

// SeenID records id within scope (a profile, a file) and, when it was seen before, returns
// where, so the caller can report both lines.
func (j *Job) SeenID(scope, id string, where table.Location) (table.Location, bool) {
	k := idKey{scope, id}
	if first, ok := j.ids[k]; ok {
		return first, true
	}
	j.ids[k] = where
	return table.Location{}, false
}

// AppendUnique appends s to list unless it is empty or already there. Lists are short (a
// person's classes), so a scan beats a map.
func AppendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
