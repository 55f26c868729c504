package app

import (
	"slices"
	"strconv"
	"strings"

	"rollcall/importers"
	"rollcall/importers/table"
	"rollcall/model"
	"rollcall/storage"
)

// wantedFields are the values a record asks for. Empty values mean "the file does not say", so
// an import never erases what it does not know.
type wantedFields struct {
	profile          model.Profile
	last, first      string
	email            string
	birth            model.Date
	classes, groups  []model.ID
	hasClass, hasGrp bool
	children         []model.ID
	hasKids          bool
	functions        []string // nil: the file does not say
	subjects         []string
}

func (p *planner) wanted(rec *importers.Record, org model.ID) wantedFields {
	w := wantedFields{profile: rec.Profile, last: model.CleanName(rec.LastName), first: model.CleanName(rec.FirstName),
		email: rec.Email, birth: rec.BirthDate, functions: rec.Functions, subjects: rec.Subjects}
	if len(rec.Classes) > 0 {
		w.classes, w.hasClass = p.recordClasses(rec, org), true
	}
	if len(rec.Groups) > 0 {
		w.groups, w.hasGrp = p.recordGroups(rec, org), true
	}
	return w
}

// createUser plans a new account: a login, an activation code (or the imported password), and
// provenance for every field the file gave.
func (p *planner) createUser(i int, rec *importers.Record, org model.ID, w wantedFields) {
	u := model.User{ID: p.recUser[i], OrgID: org, Profile: w.profile, LastName: w.last, FirstName: w.first,
		Email: w.email, BirthDate: w.birth, ClassIDs: w.classes, GroupIDs: w.groups, ChildIDs: w.children, Source: p.source,
		Functions: nilIfNone(w.functions), Subjects: nilIfNone(w.subjects),
		ExternalID: p.recKey[i], CreatedAt: p.now, UpdatedAt: p.now}
	u.Login = p.newLogin(rec)
	if rec.Password != "" {
		// The password itself never goes in an error: only which rule of the school it breaks.
		for _, v := range p.schools[org].PasswordPolicy(w.profile).Check("password", rec.Password) {
			e := table.RowError{File: rec.Where.File, Sheet: rec.Where.Sheet, Line: rec.Where.Line}
			if rec.PasswordCell != nil {
				e = *rec.PasswordCell
			}
			e.Rule = v.Rule
			if v.Limit > 0 {
				e.Expected = strconv.Itoa(v.Limit)
			}
			p.errs.Add(&e)
		}
		p.passwords = append(p.passwords, pendingPassword{user: len(p.out.Users), password: rec.Password})
		u.ActivatedAt = p.now
	} else {
		code, err := model.NewCode(p.random, 8)
		if err != nil {
			p.rowError(rec.Where, "", "", "random_source", err.Error())
			return
		}
		u.ActivationCode = code
	}
	p.out.Users = append(p.out.Users, u)
	p.undo.NewUsers = append(p.undo.NewUsers, u.ID)
	// Every field the row gave comes from that row: one entry, not a map per new user.
	fields := model.FieldSet(0).With(model.FieldProfile).With(model.FieldLastName).With(model.FieldFirstName).With(model.FieldLogin)
	for _, c := range [...]struct {
		f   model.Field
		set bool
	}{{model.FieldEmail, w.email != ""}, {model.FieldBirthDate, !w.birth.IsZero()}, {model.FieldClasses, w.hasClass},
		{model.FieldGroups, w.hasGrp}, {model.FieldChildren, w.hasKids}, {model.FieldFunctions, len(w.functions) > 0},
		{model.FieldSubjects, len(w.subjects) > 0}} {
		if c.set {
			fields = fields.With(c.f)
		}
	}
	p.out.Origins = append(p.out.Origins, storage.FieldsOrigin{User: u.ID, Fields: fields, Origin: p.origin(rec)})
	p.report.Counts.Created++
	p.change(UserChange{Kind: Created, Login: u.Login, LastName: u.LastName, FirstName: u.FirstName, Profile: u.Profile, Where: rec.Where})
}

func (p *planner) origin(rec *importers.Record) model.Origin {
	return model.Origin{Run: p.runID, File: rec.Where.File, Line: rec.Where.Line}
}

func (p *planner) setProvenance(id model.ID, prov model.Provenance) {
	if len(prov) == 0 {
		return
	}
	if p.out.Provenance == nil {
		p.out.Provenance = map[model.ID]model.Provenance{}
	}
	cur := p.out.Provenance[id]
	if cur == nil {
		p.out.Provenance[id] = prov
		return
	}
	for f, o := range prov {
		cur[f] = o
	}
}

// newLogin keeps the file's login when it is usable and free, else makes firstname.lastname.
func (p *planner) newLogin(rec *importers.Record) string {
	l := strings.TrimSpace(rec.Login)
	if l != "" && !strings.ContainsAny(l, " \t") && p.dir.logins.get(loginKey(l)) == loginFree {
		p.dir.logins.set(loginKey(l), loginTaken)
		return l
	}
	base := model.LoginBase(rec.FirstName, rec.LastName)
	login, next := base, p.dir.logins.get(base)
	if next != loginFree {
		// Resume numbering where this base left off: a school has dozens of "lea.martin". The
		// candidates are looked up from a buffer: only the login chosen becomes a string.
		buf := append(p.loginBuf[:0], base...)
		for next = max(next, 2); ; next++ {
			buf = strconv.AppendInt(buf[:len(base)], int64(next), 10)
			if p.dir.logins.get(string(buf)) == loginFree {
				break
			}
		}
		p.loginBuf = buf
		login = string(buf)
		p.dir.logins.set(login, loginTaken)
	}
	p.dir.logins.set(base, max(next, 1)+1)
	return login
}

// updateUser applies the record's values to a matched user, except protected fields.
func (p *planner) updateUser(i int, rec *importers.Record, idx int, w wantedFields) {
	before := p.dir.users[idx]
	u := before // the apply funcs below replace whole slices, never write into before's
	ch := UserChange{UserID: u.ID, Login: u.Login, LastName: u.LastName, FirstName: u.FirstName, Profile: u.Profile, Where: rec.Where}
	prov := model.Provenance{}
	set := func(f model.Field, differs bool, old, new string, apply func()) {
		if !differs {
			return
		}
		if p.protected(&before, f) {
			ch.Blocked = append(ch.Blocked, f)
			return
		}
		apply()
		ch.Fields = append(ch.Fields, FieldChange{Field: f, Old: old, New: new})
		prov[f] = p.origin(rec)
	}
	set(model.FieldProfile, w.profile != 0 && w.profile != u.Profile, u.Profile.String(), w.profile.String(), func() { u.Profile = w.profile })
	set(model.FieldLastName, w.last != "" && w.last != u.LastName, u.LastName, w.last, func() { u.LastName = w.last })
	set(model.FieldFirstName, w.first != "" && w.first != u.FirstName, u.FirstName, w.first, func() { u.FirstName = w.first })
	set(model.FieldEmail, w.email != "" && w.email != u.Email, u.Email, w.email, func() { u.Email = w.email })
	// The diff's words for a list are made only when it differs: a re-sync of 100,000 people
	// compares them all, and changes few.
	if !w.birth.IsZero() && w.birth != u.BirthDate {
		set(model.FieldBirthDate, true, u.BirthDate.String(), w.birth.String(), func() { u.BirthDate = w.birth })
	}
	if w.hasClass && !sameIDs(w.classes, u.ClassIDs) {
		set(model.FieldClasses, true, codes(p.classCode, u.ClassIDs), codes(p.classCode, w.classes), func() { u.ClassIDs = w.classes })
	}
	if w.hasGrp && !sameIDs(w.groups, u.GroupIDs) {
		set(model.FieldGroups, true, codes(p.groupCode, u.GroupIDs), codes(p.groupCode, w.groups), func() { u.GroupIDs = w.groups })
	}
	if w.hasKids && !sameIDs(w.children, u.ChildIDs) {
		set(model.FieldChildren, true, p.logins(u.ChildIDs), p.logins(w.children), func() { u.ChildIDs = w.children })
	}
	if w.functions != nil && !slices.Equal(w.functions, u.Functions) {
		set(model.FieldFunctions, true, strings.Join(u.Functions, ", "), strings.Join(w.functions, ", "), func() { u.Functions = nilIfNone(w.functions) })
	}
	if w.subjects != nil && !slices.Equal(w.subjects, u.Subjects) {
		set(model.FieldSubjects, true, strings.Join(u.Subjects, ", "), strings.Join(w.subjects, ", "), func() { u.Subjects = nilIfNone(w.subjects) })
	}
	if p.batch.FromRollcall {
		p.bucket(&ch, before, u, prov) // Rollcall's export: the user stays in their school and their source
		return
	}
	if u.OrgID != p.recOrg[i] && !p.protected(&before, model.FieldClasses) {
		u.OrgID = p.recOrg[i] // the person moved to another school of the admin's
	}
	if key := p.recKey[i]; u.Source != p.source || u.ExternalID != key && (rec.ExternalID != "" || u.ExternalID == "" || isDerived(u.ExternalID)) {
		u.Source, u.ExternalID = p.source, key // adopted, or known by a new key: the next run matches by it
	}
	if u.PendingDeletion() {
		u.PendingSince, ch.Restored = model.User{}.PendingSince, true
		p.report.Counts.Restored++
	}
	p.bucket(&ch, before, u, prov)
}

// bucket files a matched user's change and queues the write when anything changed.
func (p *planner) bucket(ch *UserChange, before, u model.User, prov model.Provenance) {
	changed := len(ch.Fields) > 0 || ch.Restored || u.Source != before.Source || u.ExternalID != before.ExternalID || u.OrgID != before.OrgID
	switch {
	case len(ch.Fields) > 0 || ch.Restored:
		ch.Kind = Updated
		p.report.Counts.Updated++
	case len(ch.Blocked) > 0:
		ch.Kind = Protected
		p.report.Counts.Protected++
	default:
		ch.Kind = Unchanged
		p.report.Counts.Unchanged++
	}
	if ch.Kind != Unchanged { // the diff lists what changes; unchanged users are only counted
		p.change(*ch)
	}
	if !changed {
		return
	}
	u.UpdatedAt = p.now
	p.out.Users = append(p.out.Users, u)
	p.undo.Before = append(p.undo.Before, before)
	p.setProvenance(u.ID, prov)
}

// protected says whether an import must leave a field of this user alone.
func (p *planner) protected(u *model.User, f model.Field) bool {
	if p.opts.Force {
		return false
	}
	return u.CreatedByHand || u.LocalAdmin || u.ByHand.Has(f)
}

// nilIfNone stores "no functions" as nil: a record's empty list says the person has none.
func nilIfNone(list []string) []string {
	if len(list) == 0 {
		return nil
	}
	return list
}

func sameIDs(a, b []model.ID) bool {
	if len(a) != len(b) {
		return false
	}
	for _, id := range a {
		if !slices.Contains(b, id) {
			return false
		}
	}
	return true
}

func codes(of map[model.ID]string, ids []model.ID) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = of[id]
	}
	return strings.Join(parts, ", ")
}
