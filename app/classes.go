package app

import (
	"context"
	"slices"
	"strings"

	"rollcall/model"
	"rollcall/storage"
)

// Set says whether a class-like operation is about classes or groups: the two share membership
// rules and differ only in which list of a user they edit.
type Set uint8

// The two kinds of sets.
const (
	Classes Set = iota
	Groups
)

// thing names the set in messages.
func (s Set) thing() model.Thing {
	if s == Groups {
		return model.ThingGroup
	}
	return model.ThingClass
}

func (s Set) members(u *model.User) *[]model.ID {
	if s == Groups {
		return &u.GroupIDs
	}
	return &u.ClassIDs
}

// ClassInfo is a class or a group as lists show it, with its member count.
type ClassInfo struct {
	ID      model.ID
	OrgID   model.ID
	Code    string
	Name    string
	Level   string // classes only
	Members int
	OrgName string // its school's name: codes are unique per school only
	// Archived is the school year a year's turn archived the class at ("" while in use).
	Archived string
}

// ListSets lists the classes or groups of the admin's organizations, sorted the French way, with
// their member counts (from the directory index).
func (s *Session) ListSets(ctx context.Context, set Set) (_ []ClassInfo, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.listSets(ctx, admin, set)
}

func (a *App) listSets(ctx context.Context, admin model.Admin, set Set) ([]ClassInfo, error) {
	var out []ClassInfo
	if set == Classes {
		cs, err := a.store.ListClasses(ctx)
		if err != nil {
			return nil, err
		}
		SortClasses(cs)
		for _, c := range cs {
			out = append(out, ClassInfo{ID: c.ID, OrgID: c.OrgID, Code: c.Code, Name: c.Name, Level: c.Level, Archived: c.ArchivedYear})
		}
	} else {
		gs, err := a.store.ListGroups(ctx)
		if err != nil {
			return nil, err
		}
		for _, g := range gs {
			out = append(out, ClassInfo{ID: g.ID, OrgID: g.OrgID, Code: g.Code, Name: g.Name})
		}
		sortInfos(out)
	}
	out = slices.DeleteFunc(out, func(c ClassInfo) bool { return !adminOf(admin, c.OrgID) })
	counts, err := a.memberCounts(ctx, set)
	if err != nil {
		return nil, err
	}
	names, err := a.orgNames(ctx)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Members, out[i].OrgName = counts[out[i].ID], names[out[i].OrgID]
	}
	return out, nil
}

func sortInfos(infos []ClassInfo) {
	cs := make([]model.Class, len(infos))
	for i, c := range infos {
		cs[i] = model.Class{ID: c.ID, Name: c.Name, Code: c.Code}
	}
	SortClasses(cs)
	byID := map[model.ID]ClassInfo{}
	for _, c := range infos {
		byID[c.ID] = c
	}
	for i, c := range cs {
		infos[i] = byID[c.ID]
	}
}

// memberCounts counts the live users of every class or group from the index.
func (a *App) memberCounts(ctx context.Context, set Set) (map[model.ID]int, error) {
	if err := a.dir.ensure(ctx, a.store); err != nil {
		return nil, err
	}
	d := a.dir
	d.mu.RLock()
	defer d.mu.RUnlock()
	counts := map[model.ID]int{}
	for row, fl := range d.flags {
		if fl&flagLive == 0 {
			continue
		}
		if set == Classes {
			if c := d.class0[row]; c != 0 {
				counts[c]++
			}
			for _, c := range d.moreClass[int32(row)] {
				counts[c]++
			}
		} else {
			for _, g := range d.groups[int32(row)] {
				counts[g]++
			}
		}
	}
	return counts, nil
}

// SetInput names a class or group: its code is unique within the organization.
type SetInput struct {
	OrgID model.ID
	Code  string
	Name  string
	Level string
}

// CreateSet creates a class or a group.
func (s *Session) CreateSet(ctx context.Context, set Set, in SetInput, dryRun bool) (_ ClassInfo, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.createSet(ctx, admin, set, in, dryRun)
}

func (a *App) createSet(ctx context.Context, admin model.Admin, set Set, in SetInput, dryRun bool) (ClassInfo, error) {
	if in.OrgID == 0 && len(admin.OrgIDs) == 1 {
		in.OrgID = admin.OrgIDs[0]
	}
	if in.OrgID == 0 {
		return ClassInfo{}, model.ErrNoOrganization
	}
	if !adminOf(admin, in.OrgID) {
		return ClassInfo{}, notFound(model.ThingOrganization, in.OrgID)
	}
	in.Code, in.Name = model.CleanName(in.Code), model.CleanName(in.Name)
	if in.Name == "" {
		in.Name = in.Code
	}
	if in.Code == "" {
		return ClassInfo{}, &model.ValidationError{Field: "class_code", Rule: model.RuleRequired}
	}
	info := ClassInfo{OrgID: in.OrgID, Code: in.Code, Name: in.Name, Level: in.Level}
	if err := a.checkCodeFree(ctx, set, in.OrgID, in.Code, 0); err != nil || dryRun {
		return info, err
	}
	var err error
	if set == Classes {
		c := model.Class{OrgID: in.OrgID, Code: in.Code, Name: in.Name, Level: in.Level, CreatedAt: a.now()}
		err = a.store.CreateClass(ctx, &c)
		info.ID = c.ID
	} else {
		g := model.Group{OrgID: in.OrgID, Code: in.Code, Name: in.Name, CreatedAt: a.now()}
		err = a.store.CreateGroup(ctx, &g)
		info.ID = g.ID
	}
	return info, a.audited(ctx, err, false, admin, setAction(set, "create"), info.Code, info.OrgID)
}

// checkCodeFree refuses a code another class (or group) of the organization has, ignoring case.
func (a *App) checkCodeFree(ctx context.Context, set Set, org model.ID, code string, except model.ID) error {
	infos, err := a.listSets(ctx, model.Admin{OrgIDs: []model.ID{org}}, set)
	if err != nil {
		return err
	}
	for _, c := range infos {
		if c.ID != except && strings.EqualFold(c.Code, code) {
			return storage.ErrConflict
		}
	}
	return nil
}

// FindSet finds a visible class or group by id (as text) or by code, in any of the admin's
// schools: a code that several schools use is a *model.AmbiguousError naming them.
func (s *Session) FindSet(ctx context.Context, set Set, ref string) (_ ClassInfo, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.findSet(ctx, admin, set, ref)
}

func (a *App) findSet(ctx context.Context, admin model.Admin, set Set, ref string) (ClassInfo, error) {
	return a.findSetIn(ctx, admin, set, ref, nil)
}

// FindSetIn is FindSet among the schools orgs (all the admin's when empty).
func (s *Session) FindSetIn(ctx context.Context, set Set, ref string, orgs []model.ID) (_ ClassInfo, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.findSetIn(ctx, admin, set, ref, orgs)
}

func (a *App) findSetIn(ctx context.Context, admin model.Admin, set Set, ref string, orgs []model.ID) (ClassInfo, error) {
	infos, err := a.listSets(ctx, admin, set)
	if err != nil {
		return ClassInfo{}, err
	}
	var found []ClassInfo
	for _, c := range infos {
		if c.ID.String() == ref {
			return c, nil
		}
		if strings.EqualFold(c.Code, ref) && (len(orgs) == 0 || slices.Contains(orgs, c.OrgID)) {
			found = append(found, c)
		}
	}
	switch len(found) {
	case 0:
		return ClassInfo{}, notFound(set.thing(), ref)
	case 1:
		return found[0], nil
	}
	amb := &model.AmbiguousError{Thing: set.thing(), Ref: ref}
	for _, c := range found {
		amb.Among = append(amb.Among, c.OrgName)
	}
	return ClassInfo{}, amb
}

// RenameSet changes a class's or group's name (and a class's level); "" keeps a value.
func (s *Session) RenameSet(ctx context.Context, set Set, id model.ID, name, level string, dryRun bool) (_ ClassInfo, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.renameSet(ctx, admin, set, id, name, level, dryRun)
}

func (a *App) renameSet(ctx context.Context, admin model.Admin, set Set, id model.ID, name, level string, dryRun bool) (ClassInfo, error) {
	info, err := a.setByID(ctx, admin, set, id)
	if err != nil {
		return info, err
	}
	if name = model.CleanName(name); name != "" {
		info.Name = name
	}
	if level != "" {
		info.Level = level
	}
	if dryRun {
		return info, nil
	}
	if set == Classes {
		c, err := a.store.Class(ctx, id)
		if err != nil {
			return info, err
		}
		c.Name, c.Level = info.Name, info.Level
		err = a.store.UpdateClass(ctx, c)
		return info, a.audited(ctx, err, false, admin, setAction(set, "rename"), info.Code, info.OrgID)
	}
	g, err := a.store.Group(ctx, id)
	if err != nil {
		return info, err
	}
	g.Name = info.Name
	err = a.store.UpdateGroup(ctx, g)
	return info, a.audited(ctx, err, false, admin, setAction(set, "rename"), info.Code, info.OrgID)
}

func (a *App) setByID(ctx context.Context, admin model.Admin, set Set, id model.ID) (ClassInfo, error) {
	infos, err := a.listSets(ctx, admin, set)
	if err != nil {
		return ClassInfo{}, err
	}
	for _, c := range infos {
		if c.ID == id {
			return c, nil
		}
	}
	return ClassInfo{}, notFound(set.thing(), id)
}

// DeleteSet deletes a class or group. One with members is refused with *model.NotEmptyError
// unless force is set; then its members simply leave it, in the same transaction.
func (s *Session) DeleteSet(ctx context.Context, set Set, id model.ID, force, dryRun bool) (_ ClassInfo, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.deleteSet(ctx, admin, set, id, force, dryRun)
}

func (a *App) deleteSet(ctx context.Context, admin model.Admin, set Set, id model.ID, force, dryRun bool) (ClassInfo, error) {
	info, err := a.setByID(ctx, admin, set, id)
	if err != nil {
		return info, err
	}
	if info.Members > 0 && !force {
		return info, &model.NotEmptyError{Members: info.Members}
	}
	members, err := a.membersOf(ctx, admin, set, id)
	if err != nil || dryRun {
		return info, err
	}
	for i := range members {
		list := set.members(&members[i])
		*list = slices.DeleteFunc(*list, func(x model.ID) bool { return x == id })
		members[i].UpdatedAt = a.now()
	}
	b := storage.Batch{Users: members}
	if set == Classes {
		b.DeleteClasses = []model.ID{id}
	} else {
		b.DeleteGroups = []model.ID{id}
	}
	_, err = a.applyBatch(ctx, b)
	return info, a.audited(ctx, err, false, admin, setAction(set, "delete"), info.Code, info.OrgID)
}

// membersOf loads the users in a class or group.
func (a *App) membersOf(ctx context.Context, admin model.Admin, set Set, id model.ID) ([]model.User, error) {
	sel := model.Selection{Pending: model.PendingInclude, OwnClass: true}
	if set == Classes {
		sel.ClassIDs = []model.ID{id}
	} else {
		sel.GroupIDs = []model.ID{id}
	}
	ids, err := a.selectUserIDs(ctx, admin, sel)
	if err != nil {
		return nil, err
	}
	users := make([]model.User, 0, len(ids))
	for _, uid := range ids {
		u, err := a.store.User(ctx, uid)
		if err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, nil
}

// ChangeMembers adds (add=true) or removes users from a class or group, in one transaction.
// Only students and teachers join classes; anyone can join a group. The change is a hand edit:
// imports will not undo it.
func (s *Session) ChangeMembers(ctx context.Context, set Set, id model.ID, userIDs []model.ID, add, dryRun bool) (_ []model.User, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.changeMembers(ctx, admin, set, id, userIDs, add, dryRun)
}

func (a *App) changeMembers(ctx context.Context, admin model.Admin, set Set, id model.ID, userIDs []model.ID, add, dryRun bool) ([]model.User, error) {
	info, err := a.setByID(ctx, admin, set, id)
	if err != nil {
		return nil, err
	}
	field := model.FieldClasses
	if set == Groups {
		field = model.FieldGroups
	}
	verb := "remove_members"
	if add {
		verb = "add_members"
	}
	users, err := a.changeUsers(ctx, admin, userIDs, dryRun, func(u *model.User) error {
		if u.OrgID != info.OrgID {
			return &model.ValidationError{Field: "user", Rule: model.RuleUnknownValue, Value: u.Login}
		}
		if set == Classes && add && info.Archived != "" {
			return &model.ValidationError{Field: "class", Rule: model.RuleUnknownValue, Value: info.Code}
		}
		if set == Classes && add && u.Profile != model.Student && u.Profile != model.Teacher {
			return &model.ValidationError{Field: "profile", Rule: model.RuleUnknownValue, Value: u.Login}
		}
		list := set.members(u)
		has := slices.Contains(*list, id)
		switch {
		case add && !has:
			*list = append(*list, id)
		case !add && has:
			*list = slices.DeleteFunc(*list, func(x model.ID) bool { return x == id })
		}
		u.ByHand = u.ByHand.With(field)
		return nil
	})
	return users, a.audited(ctx, err, dryRun, admin, setAction(set, verb), info.Code+": "+loginList(users), info.OrgID)
}
