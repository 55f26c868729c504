package app

import (
	"context"
	"slices"

	"rollcall/model"
	"rollcall/storage"
)

// UserMerge says what merging one account into another did (or, dry, would do).
type UserMerge struct {
	Kept    model.User // the account kept, as merged
	Removed model.User // the account merged into it, now deleted
	// Fields are the fields the kept account took from the other (model.FieldNames), because
	// its own were empty.
	Fields []string
	// SeatsMoved are the other's seats the kept account now holds; SeatsFreed those freed
	// because it already held a seat of the same subscription.
	SeatsMoved, SeatsFreed int
	// Parents is how many parents now list the kept account instead of the other as a child.
	Parents int
	DryRun  bool
}

// MergeUsers merges the account drop into keep, two accounts of one school that are one person:
// keep takes drop's fields where its own are empty (with where they came from), its source id
// when keep has none (so the next import finds keep), its classes, groups, children and
// parents, and its seats (never two seats of one subscription); keep's login stays. An
// account not activated takes the other's password when that one was. drop is deleted, all in
// one transaction recorded in the audit log.
func (s *Session) MergeUsers(ctx context.Context, keep, drop model.ID, dryRun bool) (_ UserMerge, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.mergeUsers(ctx, admin, keep, drop, dryRun)
}

func (a *App) mergeUsers(ctx context.Context, admin model.Admin, keepID, dropID model.ID, dryRun bool) (UserMerge, error) {
	keep, err := a.visibleUser(ctx, admin, keepID)
	if err != nil {
		return UserMerge{}, orNotFound(err, model.ThingUser, keepID)
	}
	drop, err := a.visibleUser(ctx, admin, dropID)
	if err != nil {
		return UserMerge{}, orNotFound(err, model.ThingUser, dropID)
	}
	switch {
	case keep.ID == drop.ID:
		return UserMerge{}, &model.MergeError{Problem: model.MergeSelf, Login: keep.Login}
	case keep.OrgID != drop.OrgID:
		return UserMerge{}, &model.MergeError{Problem: model.MergeOtherSchool, Login: drop.Login}
	}
	prov, err := a.store.Provenance(ctx, drop.ID)
	if err != nil {
		return UserMerge{}, err
	}
	res := UserMerge{Removed: drop, DryRun: dryRun}
	merged, took := mergeFields(keep, drop)
	taken := model.Provenance{}
	for _, f := range took {
		res.Fields = append(res.Fields, model.FieldNames[f])
		if o, ok := prov[f]; ok {
			taken[f] = o
		}
	}
	slices.Sort(res.Fields)
	now := a.now()
	merged.UpdatedAt = now
	parents, err := a.parentsOf(ctx, []model.ID{drop.ID, keep.ID})
	if err != nil {
		return UserMerge{}, err
	}
	var relinked []model.User
	for _, p := range parents {
		if !slices.Contains(p.ChildIDs, drop.ID) {
			continue
		}
		p.ChildIDs = slices.DeleteFunc(slices.Clone(p.ChildIDs), func(c model.ID) bool { return c == drop.ID })
		if !slices.Contains(p.ChildIDs, keep.ID) {
			p.ChildIDs = append(p.ChildIDs, keep.ID)
		}
		p.UpdatedAt = now
		relinked = append(relinked, p)
	}
	res.Parents = len(relinked)
	if res.SeatsMoved, res.SeatsFreed, err = a.seatsToMove(ctx, keep.ID, drop.ID); err != nil {
		return UserMerge{}, err
	}
	res.Kept = merged
	if dryRun {
		return res, nil
	}
	// drop lets go of its unique keys first (updates run in batch order), so keep may take
	// its source id; then it is deleted.
	released := drop
	released.Source, released.ExternalID = "", ""
	b := storage.Batch{
		Users:       append([]model.User{released, merged}, relinked...),
		DeleteUsers: []model.ID{drop.ID},
		MoveSeats:   []storage.SeatMove{{From: drop.ID, To: keep.ID}},
		Audit: func(map[model.ID]model.ID) []model.AuditEvent {
			return []model.AuditEvent{{At: now, AdminID: admin.ID, Action: model.AuditUserMerge, OrgID: keep.OrgID,
				Detail: drop.Login + " → " + keep.Login}}
		},
	}
	if len(taken) > 0 {
		b.Provenance = map[model.ID]model.Provenance{keep.ID: taken}
	}
	if _, err := a.applyBatch(ctx, b); err != nil {
		return UserMerge{}, err
	}
	_, err = a.store.DeleteUserPersonSessions(ctx, drop.ID, "")
	return res, err
}

// mergeFields is keep with what it lacks taken from drop, and the fields it took.
func mergeFields(keep, drop model.User) (model.User, []model.Field) {
	m := keep
	var took []model.Field
	take := func(f model.Field, empty bool, set func()) {
		if empty {
			set()
			took = append(took, f)
			if drop.ByHand.Has(f) {
				m.ByHand = m.ByHand.With(f)
			}
		}
	}
	take(model.FieldLastName, m.LastName == "" && drop.LastName != "", func() { m.LastName = drop.LastName })
	take(model.FieldFirstName, m.FirstName == "" && drop.FirstName != "", func() { m.FirstName = drop.FirstName })
	take(model.FieldEmail, m.Email == "" && drop.Email != "", func() { m.Email = drop.Email })
	take(model.FieldBirthDate, m.BirthDate.IsZero() && !drop.BirthDate.IsZero(), func() { m.BirthDate = drop.BirthDate })
	take(model.FieldLanguage, m.Language == "" && drop.Language != "", func() { m.Language = drop.Language })
	take(model.FieldFunctions, len(m.Functions) == 0 && len(drop.Functions) > 0, func() { m.Functions = drop.Functions })
	take(model.FieldSubjects, len(m.Subjects) == 0 && len(drop.Subjects) > 0, func() { m.Subjects = drop.Subjects })
	union := func(f model.Field, have *[]model.ID, more []model.ID, self bool) {
		added := false
		for _, id := range more {
			if self && (id == keep.ID || id == drop.ID) {
				continue // nobody is their own child
			}
			if !slices.Contains(*have, id) {
				*have = append(slices.Clone(*have), id)
				added = true
			}
		}
		if added {
			took = append(took, f)
		}
	}
	union(model.FieldClasses, &m.ClassIDs, drop.ClassIDs, false)
	union(model.FieldGroups, &m.GroupIDs, drop.GroupIDs, false)
	m.ChildIDs = slices.DeleteFunc(slices.Clone(m.ChildIDs), func(id model.ID) bool { return id == drop.ID || id == keep.ID })
	union(model.FieldChildren, &m.ChildIDs, drop.ChildIDs, true)
	if m.Source == "" && m.ExternalID == "" {
		m.Source, m.ExternalID = drop.Source, drop.ExternalID
	}
	m.LocalAdmin = m.LocalAdmin || drop.LocalAdmin
	if !m.Activated() && drop.Activated() {
		m.PasswordHash, m.ActivatedAt, m.ActivationCode = drop.PasswordHash, drop.ActivatedAt, ""
	}
	if drop.CreatedAt.Before(m.CreatedAt) && !drop.CreatedAt.IsZero() {
		m.CreatedAt = drop.CreatedAt
	}
	return m, took
}

// seatsToMove counts the seats drop holds that keep would take, and those freed because keep
// holds a seat of the same subscription.
func (a *App) seatsToMove(ctx context.Context, keep, drop model.ID) (moved, freed int, err error) {
	have, err := a.store.UserSeats(ctx, keep)
	if err != nil {
		return 0, 0, err
	}
	subs := map[model.ID]bool{}
	for _, s := range have {
		subs[s.SubscriptionID] = true
	}
	theirs, err := a.store.UserSeats(ctx, drop)
	if err != nil {
		return 0, 0, err
	}
	for _, s := range theirs {
		if subs[s.SubscriptionID] {
			freed++
		} else {
			subs[s.SubscriptionID] = true
			moved++
		}
	}
	return moved, freed, nil
}
