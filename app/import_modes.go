package app

import (
	"slices"
	"strings"

	"rollcall/importers"
	"rollcall/importers/table"
	"rollcall/model"
)

// ImportMode says which users an import may touch.
type ImportMode uint8

// The import modes, as Moodle's upload offers them.
const (
	// ModeSync creates, updates, and marks pending deletion the source's users the files no
	// longer list (with the deletion guard).
	ModeSync ImportMode = iota
	// ModeAdd creates the people the directory does not have and touches nobody else.
	ModeAdd
	// ModeUpdate updates the people the directory has and creates nobody.
	ModeUpdate
)

var importModes = []string{"sync", "add", "update"}

// ParseImportMode reads "sync", "add" or "update".
func ParseImportMode(s string) (ImportMode, bool) {
	i := slices.Index(importModes, strings.ToLower(strings.TrimSpace(s)))
	return ImportMode(max(i, 0)), i >= 0
}

func (m ImportMode) String() string { return importModes[m] }

// ClassPolicy says whether an import may create the classes and groups its files name.
type ClassPolicy uint8

// The class policies.
const (
	// ClassesDefault creates them, except from spreadsheet templates (a typo in a hand-kept
	// sheet must not make a class).
	ClassesDefault ClassPolicy = iota
	ClassesCreate
	// ClassesExisting refuses a code the school does not have, listing the codes it has.
	ClassesExisting
)

// ParseClassPolicy reads "create" or "existing".
func ParseClassPolicy(s string) (ClassPolicy, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "create":
		return ClassesCreate, true
	case "existing":
		return ClassesExisting, true
	}
	return ClassesDefault, false
}

// Rules of the class policy.
const (
	RuleNoSuchClass = model.RuleNoSuchClass // a class code the school does not have; Expected lists those it has
	RuleNoSuchGroup = model.RuleNoSuchGroup
)

// createsSets says whether this import may create classes and groups.
func (p *planner) createsSets() bool {
	switch p.opts.Classes {
	case ClassesCreate:
		return true
	case ClassesExisting:
		return false
	}
	return !importers.KnownClassesOnly(p.batch.Format)
}

// knownCodes lists an organization's class or group codes, for an error that refuses another.
func (p *planner) knownCodes(org model.ID, groups bool) string {
	var codes []string
	if groups {
		for _, g := range p.dir.groups {
			if g.OrgID == org {
				codes = append(codes, g.Code)
			}
		}
	} else {
		for _, c := range p.dir.classes {
			if c.OrgID == org {
				codes = append(codes, c.Code)
			}
		}
	}
	slices.SortFunc(codes, func(a, b string) int { return strings.Compare(fold(a), fold(b)) })
	const most = 40
	if len(codes) > most {
		codes = append(codes[:most], "…")
	}
	if len(codes) == 0 {
		return "-"
	}
	return strings.Join(codes, ", ")
}

// skip reports a new person an update-only import leaves out.
func (p *planner) skip(rec *importers.Record) {
	p.report.Counts.Skipped++
	p.change(UserChange{Kind: Skipped, LastName: model.CleanName(rec.LastName),
		FirstName: model.CleanName(rec.FirstName), Profile: rec.Profile, Where: rec.Where})
}

// modifiedUnknown skips a delta's modification of a person the store does not have and that it
// does not describe (no names, or no school): a warning naming the person, an error with --strict.
func (p *planner) modifiedUnknown(rec *importers.Record) {
	if p.warn(p.cellError(rec.Where, colID, "identifier", rec.ExternalID, importers.RuleModifiedUnknown, "")) {
		p.skip(rec)
	}
}

// warn reports what the files leave undefined: a warning, or an error with --strict (or where
// the format keeps no warnings). It says whether it was a warning, the row then imported.
func (p *planner) warn(e *table.RowError) bool {
	if p.opts.Strict || p.batch.Warnings == nil {
		p.errs.Add(e)
		return false
	}
	p.batch.Warnings.Add(e)
	return true
}
