package app

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"rollcall/model"
	"rollcall/storage"
)

// UserFields are the fields an admin types for a user. In an edit, nil means "unchanged".
type UserFields struct {
	Profile   *model.Profile
	LastName  *string
	FirstName *string
	Email     *string
	BirthDate *model.Date
	Language  *model.Language
	ClassIDs  *[]model.ID
	GroupIDs  *[]model.ID
	// AllowDuplicate creates a person even when they look like an account the school already
	// has (model.LikelySame): the admin said it is someone else.
	AllowDuplicate bool
}

// apply copies the set fields onto u and marks them as set by hand, so imports leave them alone.
func (f UserFields) apply(u *model.User) {
	set := func(field model.Field) { u.ByHand = u.ByHand.With(field) }
	if f.Profile != nil {
		u.Profile = *f.Profile
		set(model.FieldProfile)
	}
	if f.LastName != nil {
		u.LastName = model.CleanName(*f.LastName)
		set(model.FieldLastName)
	}
	if f.FirstName != nil {
		u.FirstName = model.CleanName(*f.FirstName)
		set(model.FieldFirstName)
	}
	if f.Email != nil {
		u.Email = model.NormalizeEmail(*f.Email)
		set(model.FieldEmail)
	}
	if f.BirthDate != nil {
		u.BirthDate = *f.BirthDate
		set(model.FieldBirthDate)
	}
	if f.Language != nil {
		u.Language = *f.Language
		set(model.FieldLanguage)
	}
	if f.ClassIDs != nil {
		u.ClassIDs = *f.ClassIDs
		set(model.FieldClasses)
	}
	if f.GroupIDs != nil {
		u.GroupIDs = *f.GroupIDs
		set(model.FieldGroups)
	}
}

// validateUser checks a user's fields after an edit by hand (fields: what was typed); today
// bounds a birth date.
func validateUser(u *model.User, fields UserFields, today model.Date) model.ValidationErrors {
	var errs model.ValidationErrors
	if (u.LastName == "" && u.FirstName == "") || (fields.LastName != nil && u.LastName == "") {
		// A name typed by hand is never emptied (an import may have a person with one name only).
		errs = append(errs, &model.ValidationError{Field: "last_name", Rule: model.RuleRequired})
	}
	if fields.BirthDate != nil && today.Before(u.BirthDate) {
		errs = append(errs, &model.ValidationError{Field: "birth_date", Rule: model.RuleFutureDate, Value: u.BirthDate.String()})
	}
	for field, v := range map[string]string{"last_name": u.LastName, "first_name": u.FirstName} {
		if utf8.RuneCountInString(v) > model.MaxNameLength {
			errs = append(errs, &model.ValidationError{Field: field, Rule: model.RuleTooLong})
		}
	}
	if u.Profile == model.ProfileUnknown || u.Profile > model.Guest {
		errs = append(errs, &model.ValidationError{Field: "profile", Rule: model.RuleUnknownValue})
	}
	if u.Email != "" && !model.ValidEmail(u.Email) {
		errs = append(errs, &model.ValidationError{Field: "email", Rule: model.RuleEmail, Value: u.Email})
	}
	if u.Language != "" && !u.Language.Valid() {
		errs = append(errs, &model.ValidationError{Field: "language", Rule: model.RuleLanguage, Value: string(u.Language)})
	}
	return errs
}

// CreateUser adds a user by hand: it gets a login and an activation code, and every field it was
// given is protected from later imports. A person who looks like an account of the school
// (model.LikelySame) is refused with *model.DuplicateError naming them, unless
// fields.AllowDuplicate. With dryRun nothing is written.
func (s *Session) CreateUser(ctx context.Context, org model.ID, fields UserFields, dryRun bool) (_ model.User, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.createUser(ctx, admin, org, fields, dryRun)
}

func (a *App) createUser(ctx context.Context, admin model.Admin, org model.ID, fields UserFields, dryRun bool) (model.User, error) {
	if org == 0 && len(admin.OrgIDs) == 1 {
		org = admin.OrgIDs[0]
	}
	if org == 0 {
		return model.User{}, model.ErrNoOrganization
	}
	if !adminOf(admin, org) {
		return model.User{}, notFound(model.ThingOrganization, org)
	}
	now := a.now()
	u := model.User{ID: model.TempID(1), OrgID: org, CreatedAt: now, UpdatedAt: now, CreatedByHand: true}
	fields.apply(&u)
	if err := validateUser(&u, fields, model.DateOf(now)).Err(); err != nil {
		return model.User{}, err
	}
	if err := a.checkMemberships(ctx, &u); err != nil {
		return model.User{}, err
	}
	if !fields.AllowDuplicate {
		matches, err := a.likelySame(ctx, u)
		if err != nil {
			return model.User{}, err
		}
		if len(matches) > 0 {
			return model.User{}, &model.DuplicateError{Matches: matches}
		}
	}
	var err error
	if u.ActivationCode, err = model.NewCode(a.random, 8); err != nil {
		return model.User{}, err
	}
	var applied storage.Applied
	// The free login is looked up, then written: another session or process may take it in
	// between (the store refuses the second, ErrConflict), so look again a few times.
	for attempt := 1; ; attempt++ {
		if u.Login, err = a.freeLogin(ctx, model.LoginBase(u.FirstName, u.LastName)); err != nil {
			return model.User{}, err
		}
		if dryRun {
			u.ID = 0
			return u, nil
		}
		applied, err = a.applyBatch(ctx, storage.Batch{Users: []model.User{u}})
		if err == nil {
			break
		}
		if !errors.Is(err, storage.ErrConflict) || attempt == loginAttempts {
			return model.User{}, err
		}
	}
	u = resolveUser(u, applied.IDs)
	return u, a.audit(ctx, admin, model.AuditUserCreate, u.Login, u.OrgID)
}

// loginAttempts bounds how often CreateUser looks for a free login that others keep taking.
const loginAttempts = 8

// freeLogin finds the first free login from base: base, base2, base3...
func (a *App) freeLogin(ctx context.Context, base string) (string, error) {
	var lookupErr error
	login := model.UniqueLogin(base, func(l string) bool {
		_, err := a.store.UserByLogin(ctx, l)
		if err != nil && !errors.Is(err, storage.ErrNotFound) && lookupErr == nil {
			lookupErr = err
		}
		return err == nil || lookupErr != nil
	})
	return login, lookupErr
}

// checkMemberships refuses classes and groups of another organization.
func (a *App) checkMemberships(ctx context.Context, u *model.User) error {
	for _, id := range u.ClassIDs {
		c, err := a.store.Class(ctx, id)
		if err != nil || c.OrgID != u.OrgID || c.Archived() {
			return &model.ValidationError{Field: "class", Rule: model.RuleUnknownValue}
		}
	}
	for _, id := range u.GroupIDs {
		g, err := a.store.Group(ctx, id)
		if err != nil || g.OrgID != u.OrgID {
			return &model.ValidationError{Field: "group", Rule: model.RuleUnknownValue}
		}
	}
	return nil
}

// EditUser changes the given fields of a user; each becomes protected from imports.
func (s *Session) EditUser(ctx context.Context, id model.ID, fields UserFields, dryRun bool) (_ model.User, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.editUser(ctx, admin, id, fields, dryRun)
}

func (a *App) editUser(ctx context.Context, admin model.Admin, id model.ID, fields UserFields, dryRun bool) (model.User, error) {
	u, err := a.changeUser(ctx, admin, id, dryRun, func(u *model.User) error {
		fields.apply(u)
		if err := validateUser(u, fields, model.DateOf(a.now())).Err(); err != nil {
			return err
		}
		return a.checkMemberships(ctx, u)
	})
	return u, a.audited(ctx, err, dryRun, admin, model.AuditUserEdit, u.Login, u.OrgID)
}

// SetLocalAdmin marks or unmarks a user as a local administrator of their school.
func (s *Session) SetLocalAdmin(ctx context.Context, id model.ID, on, dryRun bool) (_ model.User, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.setLocalAdmin(ctx, admin, id, on, dryRun)
}

func (a *App) setLocalAdmin(ctx context.Context, admin model.Admin, id model.ID, on, dryRun bool) (model.User, error) {
	u, err := a.changeUser(ctx, admin, id, dryRun, func(u *model.User) error {
		u.LocalAdmin = on
		return nil
	})
	return u, a.audited(ctx, err, dryRun, admin, model.AuditUserSetAdmin, u.Login, u.OrgID)
}

// RegenerateActivationCode gives a not-yet-activated user a new code; the old one stops working.
func (s *Session) RegenerateActivationCode(ctx context.Context, id model.ID, dryRun bool) (_ model.User, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.regenerateActivationCode(ctx, admin, id, dryRun)
}

func (a *App) regenerateActivationCode(ctx context.Context, admin model.Admin, id model.ID, dryRun bool) (model.User, error) {
	u, err := a.changeUser(ctx, admin, id, dryRun, func(u *model.User) error {
		if u.Activated() {
			return model.ErrAlreadyActivated
		}
		code, err := model.NewCode(a.random, 8)
		u.ActivationCode = code
		return err
	})
	return u, a.audited(ctx, err, dryRun, admin, model.AuditUserNewCode, u.Login, u.OrgID)
}

// changeUser loads a visible user, lets change modify it, and writes it back.
func (a *App) changeUser(ctx context.Context, admin model.Admin, id model.ID, dryRun bool, change func(*model.User) error) (model.User, error) {
	u, err := a.visibleUser(ctx, admin, id)
	if err != nil {
		return model.User{}, err
	}
	if err := change(&u); err != nil {
		return model.User{}, err
	}
	u.UpdatedAt = a.now()
	if dryRun {
		return u, nil
	}
	if _, err := a.applyBatch(ctx, storage.Batch{Users: []model.User{u}}); err != nil {
		return model.User{}, err
	}
	return u, nil
}

// GetUser returns one user the admin may see.
func (s *Session) GetUser(ctx context.Context, id model.ID) (_ model.User, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.getUser(ctx, admin, id)
}

func (a *App) getUser(ctx context.Context, admin model.Admin, id model.ID) (model.User, error) {
	return a.visibleUser(ctx, admin, id)
}

// FindUserByLogin returns the visible user with this login (case ignored).
func (s *Session) FindUserByLogin(ctx context.Context, login string) (_ model.User, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.findUserByLogin(ctx, admin, login)
}

func (a *App) findUserByLogin(ctx context.Context, admin model.Admin, login string) (model.User, error) {
	u, err := a.store.UserByLogin(ctx, strings.TrimSpace(login))
	if err == nil {
		u, err = a.visibleUser(ctx, admin, u.ID)
	}
	return u, orNotFound(err, model.ThingUser, strings.TrimSpace(login))
}
