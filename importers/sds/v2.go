package sds

import (
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

func cols(names ...string) table.Schema {
	s := make(table.Schema, len(names))
	for i, n := range names {
		s[i] = col(n)
	}
	return s
}

var (
	v2Orgs  = cols("sourcedId", "name", "type", "parentSourcedId", "identifier")
	v2Users = table.Schema{col("sourcedId"), col("username"), col("givenName"), col("familyName"), col("email"), col("status"),
		col("role"), col("orgSourcedIds", "orgSourcedId"), col("grade", "grades")} // role and orgs: SDS v2, before roles.csv
	v2Roles   = cols("userSourcedId", "orgSourcedId", "role", "isPrimary")
	v2Classes = cols("sourcedId", "orgSourcedId", "title", "courseSourcedId")
	v2Courses = cols("sourcedId", "title", "grade")
	v2Enroll  = cols("classSourcedId", "userSourcedId", "role")
	v2Rel     = cols("userSourcedId", "relationshipUserSourcedId", "relationshipRole")
	v2Demo    = cols("userSourcedId", "birthDate")
)

// SniffV2 says whether files are an SDS v2 or v2.1 set: users.csv without OneRoster's status
// columns, with orgs.csv or roles.csv beside it and no OneRoster manifest. v2 has no roles.csv:
// the role and the orgs are users.csv's columns.
func SniffV2(files []*roster.File) roster.Fit {
	fit := roster.Fit{Format: V2Format}
	for _, n := range []string{"orgs.csv", "users.csv", "roles.csv"} {
		if roster.FindFile(files, n) == nil {
			fit.Missing = append(fit.Missing, n)
		} else {
			fit.Matched++
		}
	}
	u := roster.FindFile(files, "users.csv")
	if u == nil || roster.FindFile(files, "manifest.csv") != nil || fit.Matched < 2 {
		return fit
	}
	h := v2Users.Match(roster.HeaderOf(u), 1)
	fit.OK = h.Has("sourcedId") && h.Has("givenName") && !h.Has("status")
	if !fit.OK {
		fit.Missing = append(fit.Missing, "users.csv: sourcedId, givenName")
	}
	return fit
}

type v2user struct {
	rec     roster.Record
	primary bool
	guards  bool // appears as someone's guardian in relationships.csv
}

// v2set is one SDS v2.1 set being read.
type v2set struct {
	job        *roster.Job
	files      []*roster.File
	courses    map[string][2]string // sourcedId → title, grade
	hasCourses bool
	users      map[string]*v2user
	order      []*v2user
}

// ParseV2 reads an SDS v2 or v2.1 set.
func ParseV2(j *roster.Job, files []*roster.File) error {
	s := &v2set{job: j, files: files, courses: map[string][2]string{}, users: map[string]*v2user{}}
	need := []string{"orgs.csv", "users.csv", "roles.csv"}
	if u := roster.FindFile(files, "users.csv"); u != nil && v2Users.Match(roster.HeaderOf(u), 1).Has("role") {
		need = need[:2] // v2: the role is in users.csv
	}
	s.hasCourses = roster.FindFile(files, "courses.csv") != nil
	for _, n := range need {
		if roster.FindFile(files, n) == nil {
			j.Add(&table.RowError{File: roster.SetName(files), Rule: table.RuleMissingFile, Expected: n})
		}
	}
	steps := []struct {
		file string
		read func(*roster.File) error
	}{
		{"orgs.csv", s.orgs}, {"courses.csv", s.readCourses}, {"classes.csv", s.classes},
		{"users.csv", s.readUsers}, {"roles.csv", s.roles}, {"demographics.csv", s.demographics},
		{"relationships.csv", s.relationships}, {"enrollments.csv", s.enrollments},
	}
	for _, st := range steps {
		if f := roster.FindFile(files, st.file); f != nil {
			if err := st.read(f); err != nil {
				return err
			}
		}
	}
	for _, u := range s.order {
		if u.rec.Profile == model.ProfileUnknown && u.guards {
			u.rec.Profile = model.Parent
		}
		if u.rec.Profile == model.ProfileUnknown {
			j.Add(&table.RowError{File: u.rec.Where.File, Line: u.rec.Where.Line, Rule: table.RuleUnknownProfile, Expected: roster.RoleValues})
			continue
		}
		j.Batch.Records = append(j.Batch.Records, u.rec)
	}
	return nil
}

// orgs reads orgs.csv; a parent is checked once all orgs are known, since SDS allows it to come
// after its child.
func (s *v2set) orgs(f *roster.File) error {
	type ref struct {
		child  string
		parent string
		at     table.Location
		h      *table.Header
	}
	var refs []ref
	err := s.job.ReadCSV(f, v2Orgs, []string{"sourcedId", "name"}, func(r *roster.Row) {
		def := roster.OrgDef{ExternalID: r.Required("sourcedId"), Name: r.Required("name")}
		def.ParentExternalID, _ = r.Get("parentSourcedId")
		def.Code, _ = r.Get("identifier")
		r.UniqueID(f.Name, def.ExternalID, r.H.Index("sourcedId"))
		if !r.Bad && s.job.DefineOrg(def) && def.ParentExternalID != "" {
			refs = append(refs, ref{def.ExternalID, def.ParentExternalID, r.At, r.H})
		}
	})
	for _, x := range refs {
		if !s.job.HasOrg(x.parent) && s.job.Dangling(x.h.CellError(x.at, x.h.Index("parentSourcedId"), x.parent, table.RuleUnknownOrg, "")) {
			s.job.Org(x.child).ParentExternalID = ""
		}
	}
	return err
}

// org returns the org a row names in column key, or "" when the set does not define it: a
// warning (the row keeps no link), or with Strict an error.
func (s *v2set) org(r *roster.Row, key string) string {
	id, i := r.Get(key)
	return s.orgAt(r, id, i)
}

func (s *v2set) orgAt(r *roster.Row, id string, i int) string {
	if id != "" && !s.job.HasOrg(id) {
		r.Dangling(i, id, table.RuleUnknownOrg)
		return ""
	}
	return id
}

func (s *v2set) readCourses(f *roster.File) error {
	return s.job.ReadCSV(f, v2Courses, []string{"sourcedId"}, func(r *roster.Row) {
		id, _ := r.Get("sourcedId")
		title, _ := r.Get("title")
		grade, _ := r.Get("grade")
		s.courses[id] = [2]string{title, grade}
	})
}

func (s *v2set) classes(f *roster.File) error {
	return s.job.ReadCSV(f, v2Classes, []string{"sourcedId", "orgSourcedId", "title"}, func(r *roster.Row) {
		id := r.Required("sourcedId")
		course, ci := r.Get("courseSourcedId")
		if _, ok := s.courses[course]; course != "" && !ok && s.hasCourses {
			r.Dangling(ci, course, table.RuleUnknownCourse)
		}
		def := roster.ClassDef{Code: id, ExternalID: id, OrgExternalID: s.org(r, "orgSourcedId"), Level: s.courses[course][1]}
		if def.Name, _ = r.Get("title"); def.Name == "" {
			def.Name = s.courses[course][0]
		}
		r.UniqueID(f.Name, id, r.H.Index("sourcedId"))
		if !r.Bad {
			s.job.DefineClass(def)
		}
	})
}

// v2UserColumns are the columns of users.csv the import planner's errors name.
var v2UserColumns = roster.ColumnKeys{ID: []string{"sourcedId"}, Login: []string{"username"}, Email: []string{"email"},
	Name: []string{"familyName", "givenName"}}

func (s *v2set) readUsers(f *roster.File) error {
	named := false
	return s.job.ReadCSV(f, v2Users, []string{"sourcedId", "givenName", "familyName"}, func(r *roster.Row) {
		if !named { // the columns the import planner's errors name, as this file writes them
			named = true
			s.job.SetColumns(table.Location{File: r.At.File, Sheet: r.At.Sheet}, v2UserColumns.Of(r.H))
		}
		u := &v2user{rec: roster.Record{Where: r.At, ExternalID: r.Required("sourcedId")}}
		if _, ok := model.ExportedIDOf(model.ExportedUser, u.rec.ExternalID); ok {
			s.job.Batch.FromRollcall = true // Rollcall's own export: its users are found by login
		}
		u.rec.FirstName = r.Required("givenName")
		u.rec.LastName = r.Required("familyName")
		u.rec.Login, _ = r.Get("username")
		u.rec.Email = r.Email("email")
		if role, i := r.Get("role"); role != "" { // SDS v2
			if p, ok := roster.RoleProfile(role); ok {
				u.rec.Profile, u.primary = p, true
			} else {
				r.Fail(i, role, model.RuleUnknownValue, roster.RoleValues)
			}
		}
		orgs, oi := r.Get("orgSourcedIds")
		for _, o := range splitList(orgs) {
			if o = s.orgAt(r, o, oi); o != "" && u.rec.OrgExternalID == "" {
				u.rec.OrgExternalID = o
			}
		}
		r.UniqueID(f.Name, u.rec.ExternalID, r.H.Index("sourcedId"))
		if _, dup := s.users[u.rec.ExternalID]; dup || u.rec.ExternalID == "" {
			return
		}
		s.users[u.rec.ExternalID] = u
		if !r.Bad {
			s.order = append(s.order, u)
		}
	})
}

// user returns the user a row names in column key; one users.csv does not define is a warning
// (the row links nobody), or with Strict an error.
func (s *v2set) user(r *roster.Row, key string) *v2user {
	id := r.Required(key)
	u := s.users[id]
	if id != "" && u == nil {
		r.Dangling(r.H.Index(key), id, table.RuleUnknownUser)
	}
	return u
}

// splitList splits a list cell ("a,b", quoted inside the CSV).
func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// roles gives users their profile and school: the primary role wins.
func (s *v2set) roles(f *roster.File) error {
	return s.job.ReadCSV(f, v2Roles, []string{"userSourcedId", "orgSourcedId", "role"}, func(r *roster.Row) {
		u := s.user(r, "userSourcedId")
		org := s.org(r, "orgSourcedId")
		role, ri := r.Get("role")
		p, ok := roster.RoleProfile(role)
		if !ok {
			r.Fail(ri, role, model.RuleUnknownValue, roster.RoleValues)
		}
		if u == nil || !ok {
			return
		}
		isPrimary, _ := r.Get("isPrimary")
		primary := strings.EqualFold(isPrimary, "true")
		if u.rec.Profile == model.ProfileUnknown || (primary && !u.primary) {
			u.rec.Profile, u.primary, u.rec.OrgExternalID = p, primary, org
		}
	})
}

func (s *v2set) demographics(f *roster.File) error {
	return s.job.ReadCSV(f, v2Demo, []string{"userSourcedId"}, func(r *roster.Row) {
		u := s.user(r, "userSourcedId")
		d := r.Date("birthDate", model.ISODate, "YYYY-MM-DD")
		if u != nil {
			u.rec.BirthDate = d
		}
	})
}

// relationships links a student (userSourcedId) to an adult (relationshipUserSourcedId).
func (s *v2set) relationships(f *roster.File) error {
	return s.job.ReadCSV(f, v2Rel, []string{"userSourcedId", "relationshipUserSourcedId"}, func(r *roster.Row) {
		child := s.user(r, "userSourcedId")
		adult := s.user(r, "relationshipUserSourcedId")
		if child == nil || adult == nil {
			return
		}
		adult.guards = true
		ref := roster.PersonRef{ExternalID: child.rec.ExternalID}
		for _, c := range adult.rec.Children {
			if c == ref {
				return
			}
		}
		adult.rec.Children = append(adult.rec.Children, ref)
	})
}

func (s *v2set) enrollments(f *roster.File) error {
	return s.job.ReadCSV(f, v2Enroll, []string{"classSourcedId", "userSourcedId"}, func(r *roster.Row) {
		class := r.Required("classSourcedId")
		known := s.job.HasClass(class)
		if class != "" && !known {
			r.Dangling(r.H.Index("classSourcedId"), class, table.RuleUnknownClass)
		}
		u := s.user(r, "userSourcedId")
		if u != nil && known && !r.Bad {
			u.rec.Classes = roster.AppendUnique(u.rec.Classes, class)
		}
	})
}
