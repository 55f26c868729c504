package oneroster

import (
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// status reads a row's status. Bulk files leave it blank (1.1) or write "active" (1.2); a
// "tobedeleted" row is skipped, and in a delta it lists something to remove. 1.0's "inactive"
// is skipped too: the row is in the files but no longer in the school.
func status(r *roster.Row) (keep, deleted bool) {
	v, i := r.Get("status")
	switch strings.ToLower(v) {
	case "", "active":
		return true, false
	case "tobedeleted":
		return false, true
	case "inactive":
		return false, false
	}
	r.Fail(i, v, model.RuleUnknownValue, "active|tobedeleted|inactive")
	return false, false
}

// list splits a OneRoster list cell ("a,b" quoted inside the CSV).
func list(v string) []string {
	if v == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

type orgRef struct {
	child  string
	parent string
	at     table.Location
	h      *table.Header
}

// readOrgs reads orgs.csv. Parents are checked once the whole file is read: a parent may be
// defined after its child.
func (s *set) readOrgs() error {
	f := s.file("orgs")
	if f == nil {
		return nil
	}
	var refs []orgRef
	err := s.read(f, orgsSchema, []string{"sourcedId", "name"}, func(r *roster.Row) {
		if keep, _ := status(r); !keep {
			return
		}
		id := r.Required("sourcedId")
		def := roster.OrgDef{ExternalID: id, Name: r.Required("name")}
		def.Code, _ = r.Get("identifier")
		def.ParentExternalID, _ = r.Get("parentSourcedId")
		if id == "" || r.Bad {
			return
		}
		r.UniqueID(f.Name, id, r.H.Index("sourcedId"))
		if s.job.DefineOrg(def) && def.ParentExternalID != "" {
			refs = append(refs, orgRef{id, def.ParentExternalID, r.At, r.H})
		}
	})
	if s.complete("orgs") {
		for _, ref := range refs {
			if !s.job.HasOrg(ref.parent) {
				e := ref.h.CellError(ref.at, ref.h.Index("parentSourcedId"), ref.parent, table.RuleUnknownOrg, "")
				if s.job.Dangling(e) {
					s.job.Org(ref.child).ParentExternalID = ""
				}
			}
		}
	}
	return err
}

// org returns an org id a row refers to in cell i, or "" when the set does not define it: a
// warning (the row keeps no link to it), or with Strict an error.
func (s *set) org(r *roster.Row, id string, i int) string {
	if id != "" && s.complete("orgs") && !s.job.HasOrg(id) {
		r.Dangling(i, id, table.RuleUnknownOrg)
		return ""
	}
	return id
}

func (s *set) readSessions() error {
	f := s.file("academicSessions")
	if f == nil {
		return nil
	}
	return s.read(f, sessionsSchema, []string{"sourcedId"}, func(r *roster.Row) {
		id, _ := r.Get("sourcedId")
		s.sessions[id], _ = r.Get("title")
	})
}

func (s *set) readCourses() error {
	f := s.file("courses")
	if f == nil {
		return nil
	}
	s.coursesRead = s.complete("courses")
	return s.read(f, coursesSchema, []string{"sourcedId"}, func(r *roster.Row) {
		id, _ := r.Get("sourcedId")
		s.courses[id], _ = r.Get("title")
	})
}

// readClasses reads classes.csv. A class is keyed by its sourcedId (classCode is optional and
// not unique); its name is its title, or its course's title when it has none.
func (s *set) readClasses() error {
	f := s.file("classes")
	if f == nil {
		return nil
	}
	return s.read(f, classesSchema, []string{"sourcedId", "title"}, func(r *roster.Row) {
		if keep, _ := status(r); !keep {
			return
		}
		id := r.Required("sourcedId")
		def := roster.ClassDef{Code: id, ExternalID: id}
		def.Name, _ = r.Get("title")
		course, ci := r.Get("courseSourcedId")
		if _, ok := s.courses[course]; course != "" && !ok && s.coursesRead {
			r.Dangling(ci, course, table.RuleUnknownCourse)
		}
		if def.Name == "" {
			def.Name = s.courses[course]
		}
		if def.Name == "" {
			def.Name, _ = r.Get("classCode")
		}
		grades, _ := r.Get("grades")
		if g := list(grades); len(g) > 0 {
			def.Level = g[0]
		}
		school, i := r.Get("schoolSourcedId")
		def.OrgExternalID = s.org(r, school, i)
		if id == "" {
			return
		}
		r.UniqueID(f.Name, id, r.H.Index("sourcedId"))
		if !r.Bad {
			s.job.DefineClass(def)
		}
	})
}
