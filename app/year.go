package app

import (
	"context"
	"slices"
	"strconv"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// YearCloseOptions are an admin's choices for a school's year's turn.
type YearCloseOptions struct {
	OrgID   model.ID
	Year    string            // the school year closed; "" is the one running now ("2025-2026")
	Classes model.ClassesMode // what becomes of the classes; "" is model.ClassesArchive
	Pattern string            // how classes are renamed; "" is model.DefaultArchivePattern
	// GraceDays, when set, is the grace period this turn plans with instead of the school's
	// setting (the console's form shows the setting and lets the admin change it: the change is
	// saved only once the admin confirms).
	GraceDays *int
}

// YearLeaver is one person who leaves classes or groups, with what they leave.
type YearLeaver struct {
	UserID          model.ID
	Login, Name     string
	Profile         model.Profile
	Classes, Groups []string
	CodeVoided      bool // pending deletion: their activation code stops working
	PendingSince    time.Time
}

// YearClassChange is one class archived or renamed.
type YearClassChange struct {
	ClassID          model.ID
	OldCode, NewCode string
	OldName, NewName string
	Archived         bool
}

// YearDeletion is one person pending deletion for longer than the grace period, deleted.
type YearDeletion struct {
	UserID       model.ID
	Login, Name  string
	Profile      model.Profile
	PendingSince time.Time
	Seats        int // the seats they hold, freed
}

// YearClosePlan is the whole of a school's year's turn, computed before anything is written:
// what a dry run shows and what a confirmation agrees to.
type YearClosePlan struct {
	OrgID   model.ID
	OrgName string
	Summary model.YearCloseSummary
	Leavers []YearLeaver
	Classes []YearClassChange
	Deleted []YearDeletion
	RunID   model.ID // the run in the history, once applied
	Applied bool
	batch   storage.Batch
	run     model.ImportRun
	// resetsRevoked are the activated people still pending deletion, whose reset codes stop
	// working as the others' activation codes do.
	resetsRevoked []model.ID
	undoData      model.ImportUndo
}

// CloseYear runs the school year's turn of one of the admin's schools, or with dryRun only
// computes it: pupils leave their classes and groups (every member leaves the classes), each
// keeping in their history what they left; classes are archived, renamed or kept as asked;
// people pending deletion for longer than the school's grace period are deleted, freeing their
// seats; the activation and reset codes of the others pending deletion stop working. It is one
// transaction, in the history (YearCloseHistory) and the audit log, and UndoYearClose reverts it.
func (s *Session) CloseYear(ctx context.Context, opts YearCloseOptions, dryRun bool) (_ YearClosePlan, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.closeYear(ctx, admin, opts, dryRun)
}

func (a *App) closeYear(ctx context.Context, admin model.Admin, opts YearCloseOptions, dryRun bool) (YearClosePlan, error) {
	p, err := a.planYearClose(ctx, admin, opts)
	if err != nil || dryRun {
		return p, err
	}
	applied, err := a.applyBatch(ctx, p.batch)
	if err != nil {
		return p, err
	}
	p.RunID, p.Applied = applied.IDs[p.run.ID], true
	// After the batch, not in it: a crash between leaves codes that were valid before valid, and
	// an undo does not bring them back (the admin issues new ones).
	for _, id := range p.resetsRevoked {
		if err := a.store.RevokeCodes(ctx, model.PurposeResetPassword, id); err != nil {
			return p, err
		}
	}
	return p, nil
}

// yearScope is what the plan reads of one school: its classes and groups by id.
type yearScope struct {
	org              model.Organization
	classes          map[model.ID]model.Class // the school's classes in use
	groups           map[model.ID]model.Group
	allClassCodes    map[string]model.ID // every class code of the school, archived ones too
	graceDays        int
	now, deleteUntil time.Time
}

func (a *App) yearScope(ctx context.Context, admin model.Admin, opts *YearCloseOptions) (yearScope, error) {
	var sc yearScope
	org, err := a.inviteOrg(ctx, admin, opts.OrgID)
	if err != nil {
		return sc, orNotFound(err, model.ThingOrganization, opts.OrgID)
	}
	if opts.Classes, err = model.ParseClassesMode(string(opts.Classes)); err != nil {
		return sc, err
	}
	switch {
	case opts.Pattern == "" && opts.Classes == model.ClassesRename:
		return sc, &model.ValidationError{Field: "rename_pattern", Rule: model.RuleRequired}
	case opts.Pattern == "":
		opts.Pattern = model.DefaultArchivePattern
	}
	if opts.Classes != model.ClassesKeep {
		if err := model.CheckRenamePattern(opts.Pattern); err != nil {
			return sc, err
		}
	}
	sc.now = a.now()
	if opts.Year == "" {
		opts.Year = model.SchoolYearAt(sc.now)
	}
	if err := model.CheckSchoolYear(opts.Year); err != nil {
		return sc, err
	}
	settings, err := a.schoolSettings(ctx, org.ID)
	if err != nil {
		return sc, err
	}
	sc.org, sc.graceDays = org, settings.DeletionGrace()
	if g := opts.GraceDays; g != nil {
		if *g < 0 || *g > model.MaxDeletionGraceDays {
			return sc, &model.ValidationError{Field: "grace_days", Rule: model.RuleUnknownValue, Value: strconv.Itoa(*g)}
		}
		sc.graceDays = *g
	}
	sc.deleteUntil = sc.now.AddDate(0, 0, -sc.graceDays)
	classes, err := a.store.ListClasses(ctx)
	if err != nil {
		return sc, err
	}
	sc.classes, sc.allClassCodes = map[model.ID]model.Class{}, map[string]model.ID{}
	for _, c := range classes {
		if c.OrgID != org.ID {
			continue
		}
		sc.allClassCodes[c.Code] = c.ID
		if !c.Archived() {
			sc.classes[c.ID] = c
		}
	}
	groups, err := a.store.ListGroups(ctx)
	if err != nil {
		return sc, err
	}
	sc.groups = map[model.ID]model.Group{}
	for _, g := range groups {
		if g.OrgID == org.ID {
			sc.groups[g.ID] = g
		}
	}
	return sc, nil
}

// planYearClose computes the year's turn and the batch that writes it, reading the store only.
func (a *App) planYearClose(ctx context.Context, admin model.Admin, opts YearCloseOptions) (YearClosePlan, error) {
	sc, err := a.yearScope(ctx, admin, &opts)
	if err != nil {
		return YearClosePlan{}, err
	}
	p := YearClosePlan{OrgID: sc.org.ID, OrgName: sc.org.Name, Summary: model.YearCloseSummary{
		Year: opts.Year, Classes: opts.Classes, Pattern: opts.Pattern, GraceDays: sc.graceDays}}
	if opts.Classes == model.ClassesKeep {
		p.Summary.Pattern = ""
	}
	if err := p.planClasses(sc); err != nil {
		return p, err
	}
	changed, err := a.planYearUsers(ctx, sc, &p)
	if err != nil {
		return p, err
	}
	if err := a.planYearDeletions(ctx, &p); err != nil {
		return p, err
	}
	p.finish(admin, sc, changed)
	return p, nil
}

// planClasses renames (and archives) the school's classes in use, refusing a new code that
// another class holds or that two classes would share.
func (p *YearClosePlan) planClasses(sc yearScope) error {
	if p.Summary.Classes == model.ClassesKeep {
		return nil
	}
	list := make([]model.Class, 0, len(sc.classes))
	for _, c := range sc.classes {
		list = append(list, c)
	}
	SortClasses(list)
	taken := map[string]bool{}
	for _, c := range list {
		code := model.RenameClass(p.Summary.Pattern, c.Code, p.Summary.Year)
		if code == c.Code {
			continue
		}
		if _, held := sc.allClassCodes[code]; held || taken[code] {
			return &model.CodeTakenError{Thing: model.ThingClass, Code: code}
		}
		taken[code] = true
		name := c.Name
		if name != "" {
			name = model.RenameClass(p.Summary.Pattern, c.Name, p.Summary.Year)
		}
		p.Classes = append(p.Classes, YearClassChange{ClassID: c.ID, OldCode: c.Code, NewCode: code,
			OldName: c.Name, NewName: name, Archived: p.Summary.Classes == model.ClassesArchive})
	}
	return nil
}

// yearChanges is what the walk of the directory decided, user by user.
type yearChanges struct {
	before, after []model.User // the users written, as they were and as they will be
	parents       []model.User // users of any school with children, to drop deleted ones
}

// planYearUsers walks the directory once: the school's people leave their classes (and pupils
// their groups), those pending deletion past the grace period are deleted, the other pending
// ones lose their activation code.
func (a *App) planYearUsers(ctx context.Context, sc yearScope, p *YearClosePlan) (yearChanges, error) {
	var ch yearChanges
	err := a.store.ForEachUser(ctx, func(u *model.User) error {
		if len(u.ChildIDs) > 0 {
			ch.parents = append(ch.parents, cloneUser(*u))
		}
		if u.OrgID != sc.org.ID {
			return nil
		}
		if u.PendingDeletion() && !u.PendingSince.After(sc.deleteUntil) {
			p.undoData.Deleted = append(p.undoData.Deleted, cloneUser(*u))
			return nil
		}
		if u.PendingDeletion() && u.Activated() {
			p.resetsRevoked = append(p.resetsRevoked, u.ID)
		}
		before := cloneUser(*u)
		after, leaver, ok := yearUser(sc, p.Summary.Year, before)
		if ok {
			ch.before, ch.after = append(ch.before, before), append(ch.after, after)
			p.Leavers = append(p.Leavers, leaver)
		}
		return nil
	})
	if err != nil {
		return ch, err
	}
	gone := map[model.ID]bool{}
	for _, u := range p.undoData.Deleted {
		gone[u.ID] = true
	}
	at := map[model.ID]int{}
	for i, u := range ch.after {
		at[u.ID] = i
	}
	for _, parent := range ch.parents {
		if gone[parent.ID] || !slices.ContainsFunc(parent.ChildIDs, func(c model.ID) bool { return gone[c] }) {
			continue
		}
		p.Summary.ParentsUnlinked++
		i, ok := at[parent.ID]
		if !ok {
			i = len(ch.after)
			ch.before, ch.after = append(ch.before, parent), append(ch.after, cloneUser(parent))
		}
		ch.after[i].ChildIDs = slices.DeleteFunc(ch.after[i].ChildIDs, func(c model.ID) bool { return gone[c] })
	}
	return ch, nil
}

// yearUser is what the year's turn does to one person of the school; ok is false when nothing.
func yearUser(sc yearScope, year string, u model.User) (model.User, YearLeaver, bool) {
	after := cloneUser(u)
	rec := model.YearRecord{Year: year}
	after.ClassIDs = slices.DeleteFunc(after.ClassIDs, func(id model.ID) bool {
		c, ok := sc.classes[id]
		if ok {
			rec.Classes = append(rec.Classes, c.Code)
		}
		return ok
	})
	if u.Profile == model.Student {
		after.GroupIDs = slices.DeleteFunc(after.GroupIDs, func(id model.ID) bool {
			g, ok := sc.groups[id]
			if ok {
				rec.Groups = append(rec.Groups, g.Code)
			}
			return ok
		})
	}
	leaver := YearLeaver{UserID: u.ID, Login: u.Login, Name: u.FullName(), Profile: u.Profile,
		Classes: rec.Classes, Groups: rec.Groups, PendingSince: u.PendingSince}
	left := len(rec.Classes)+len(rec.Groups) > 0
	if left {
		after.History = append(after.History, rec)
		// The new year's files set these again: a hand edit of last year's must not stop them.
		after.ByHand &^= model.FieldSet(model.FieldClasses) | model.FieldSet(model.FieldGroups)
	}
	if u.PendingDeletion() && !u.Activated() && u.ActivationCode != "" {
		after.ActivationCode, leaver.CodeVoided = "", true
	}
	return after, leaver, left || leaver.CodeVoided
}

// cloneUser copies a user deeply enough that changing the copy's lists leaves u alone.
func cloneUser(u model.User) model.User {
	u.ClassIDs, u.GroupIDs, u.ChildIDs = slices.Clone(u.ClassIDs), slices.Clone(u.GroupIDs), slices.Clone(u.ChildIDs)
	u.Functions, u.Subjects, u.History = slices.Clone(u.Functions), slices.Clone(u.Subjects), slices.Clone(u.History)
	return u
}
