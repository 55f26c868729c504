package oneroster

import (
	"slices"
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// user is a users.csv row while the rest of the set is read.
type user struct {
	rec     roster.Record
	primary bool // the profile came from a primary role
	bad     bool
	agents  []string
	at      table.Location
	h       *table.Header
}

// usersColumns are the columns of users.csv the import planner's errors name. A user's classes
// come from enrollments.csv: an error about them is at the user's row, not at one column.
var usersColumns = roster.ColumnKeys{ID: []string{"sourcedId"}, Login: []string{"username"}, Email: []string{"email"},
	Name: []string{"familyName", "givenName"}, Children: []string{"agentSourcedIds"}}

// readUsers reads users.csv. In 1.1 the role is a column; in 1.2 it comes from roles.csv.
func (s *set) readUsers() error {
	f := s.file("users")
	if f == nil {
		return nil
	}
	isDelta := s.man.mode("users") == delta
	named := false
	return s.read(f, usersSchema, []string{"sourcedId", "givenName", "familyName"}, func(r *roster.Row) {
		if !named { // the columns the import planner's errors name, as this file writes them
			named = true
			s.job.SetColumns(table.Location{File: r.At.File, Sheet: r.At.Sheet}, usersColumns.Of(r.H))
		}
		keep, deleted := status(r)
		id, idi := r.Get("sourcedId")
		if deleted && isDelta && id != "" {
			s.job.Batch.Deleted = append(s.job.Batch.Deleted, id)
		}
		if !keep {
			return
		}
		id = r.Required("sourcedId")
		r.UniqueID(f.Name, id, idi)
		if _, ok := model.ExportedIDOf(model.ExportedUser, id); ok {
			s.job.Batch.FromRollcall = true // Rollcall's own export: its users are found by login
		}
		u := &user{at: r.At, h: r.H}
		u.rec = roster.Record{Where: r.At, ExternalID: id}
		u.rec.FirstName = r.Required("givenName")
		u.rec.LastName = r.Required("familyName")
		u.rec.Login, _ = r.Get("username")
		u.rec.Email = r.Email("email")
		if role, i := r.Get("role"); role != "" {
			if p, ok := roster.RoleProfile(role); ok {
				u.rec.Profile, u.primary = p, true
			} else {
				r.Fail(i, role, model.RuleUnknownValue, roster.RoleValues)
			}
		} else if r.H.Has("role") {
			r.Fail(r.H.Index("role"), "", model.RuleRequired, roster.RoleValues)
		}
		orgs, oi := r.Get("orgSourcedIds")
		for _, o := range list(orgs) {
			if o = s.org(r, o, oi); o != "" && u.rec.OrgExternalID == "" {
				u.rec.OrgExternalID = o
			}
		}
		if o, i := r.Get("primaryOrgSourcedId"); o != "" {
			if o = s.org(r, o, i); o != "" {
				u.rec.OrgExternalID = o
			}
		}
		agents, _ := r.Get("agentSourcedIds")
		u.agents = list(agents)
		u.bad = r.Bad
		if _, dup := s.users[id]; id != "" && !dup {
			s.users[id] = u
			s.order = append(s.order, u)
		}
	})
}

// lookup returns the user a row refers to. One that a bulk users.csv does not define is a
// warning (the row links nobody), or with Strict an error.
func (s *set) lookup(r *roster.Row, key string) *user {
	id, i := r.Get(key)
	if id == "" {
		r.Required(key)
		return nil
	}
	u := s.users[id]
	if u == nil && s.complete("users") {
		r.Dangling(i, id, table.RuleUnknownUser)
	}
	return u
}

// readRoles reads 1.2's roles.csv: a user's primary role gives the profile and the org.
func (s *set) readRoles() error {
	f := s.file("roles")
	if f == nil {
		return nil
	}
	return s.read(f, rolesSchema, []string{"userSourcedId", "role"}, func(r *roster.Row) {
		if keep, _ := status(r); !keep {
			return
		}
		u := s.lookup(r, "userSourcedId")
		role, ri := r.Get("role")
		p, ok := roster.RoleProfile(role)
		if !ok {
			r.Fail(ri, role, model.RuleUnknownValue, roster.RoleValues)
			return
		}
		org, oi := r.Get("orgSourcedId")
		org = s.org(r, org, oi)
		if u == nil {
			return
		}
		typ, _ := r.Get("roleType")
		primary := !strings.EqualFold(typ, "secondary")
		if u.rec.Profile == model.ProfileUnknown || (primary && !u.primary) {
			u.rec.Profile, u.primary = p, primary
			if org != "" {
				u.rec.OrgExternalID = org
			}
		}
	})
}

// readDemographics reads birth dates.
func (s *set) readDemographics() error {
	f := s.file("demographics")
	if f == nil {
		return nil
	}
	return s.read(f, demoSchema, []string{"sourcedId"}, func(r *roster.Row) {
		if keep, _ := status(r); !keep {
			return
		}
		u := s.lookup(r, "sourcedId")
		d := r.Date("birthDate", model.ISODate, "YYYY-MM-DD")
		if u != nil {
			u.rec.BirthDate = d
		}
	})
}

// readProfiles checks 1.2's userProfiles.csv points at known users; the credentials it lists are
// for other applications and are not imported.
func (s *set) readProfiles() error {
	f := s.file("userProfiles")
	if f == nil {
		return nil
	}
	return s.read(f, profilesSchema, []string{"userSourcedId"}, func(r *roster.Row) {
		if keep, _ := status(r); keep {
			s.lookup(r, "userSourcedId")
		}
	})
}

// readEnrollments gives users their classes, in file order.
func (s *set) readEnrollments() error {
	f := s.file("enrollments")
	if f == nil {
		return nil
	}
	return s.read(f, enrollSchema, []string{"classSourcedId", "userSourcedId"}, func(r *roster.Row) {
		if keep, _ := status(r); !keep {
			return
		}
		class := r.Required("classSourcedId")
		dangling := class != "" && !s.job.HasClass(class) && s.complete("classes")
		if dangling {
			r.Dangling(r.H.Index("classSourcedId"), class, table.RuleUnknownClass)
		}
		// In a delta, a class the set does not carry is one the directory already has: the
		// enrollment still counts, and Record.Classes names it by its sourcedId.
		if u := s.lookup(r, "userSourcedId"); u != nil && class != "" && !dangling && !r.Bad {
			u.rec.Classes = roster.AppendUnique(u.rec.Classes, class)
		}
	})
}

// link resolves what needs the whole set: profiles from roles, and parents' children, which
// OneRoster lists in agentSourcedIds on either side (a parent names its children, a student
// names its parents).
func (s *set) link() {
	for _, u := range s.order {
		for _, a := range u.agents {
			other := s.users[a]
			if other == nil {
				if s.complete("users") && !s.job.Dangling(u.h.CellError(u.at, u.h.Index("agentSourcedIds"), a, table.RuleUnknownUser, "")) {
					u.bad = true
				}
				continue
			}
			switch {
			case u.rec.Profile == model.Parent:
				u.rec.Children = addChild(u.rec.Children, a)
			case other.rec.Profile == model.Parent:
				other.rec.Children = addChild(other.rec.Children, u.rec.ExternalID)
			}
		}
	}
	// Each user's record moves to the batch and the user is let go as it does: a set of 300,000
	// users would otherwise hold every record twice at the end of its reading.
	s.users = nil
	s.job.Batch.Records = slices.Grow(s.job.Batch.Records, len(s.order))
	for i, u := range s.order {
		s.order[i] = nil
		if u.rec.Profile == model.ProfileUnknown && !u.bad {
			s.job.Add(u.h.CellError(u.at, u.h.Index("role"), "", table.RuleUnknownProfile, roster.RoleValues))
			u.bad = true
		}
		if !u.bad {
			s.job.Batch.Records = append(s.job.Batch.Records, u.rec)
		}
	}
	s.order = nil
}

func addChild(list []roster.PersonRef, id string) []roster.PersonRef {
	for _, c := range list {
		if c.ExternalID == id {
			return list
		}
	}
	return append(list, roster.PersonRef{ExternalID: id})
}
