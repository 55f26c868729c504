package app

import (
	"rollcall/importers/sds"
	"rollcall/model"
)

// sdsV21 is Microsoft School Data Sync's v2.1 CSV set: orgs, users and roles (required), classes
// and enrollments when there are classes, relationships when parents are linked to children.
// Headers are case-sensitive names from Microsoft's documentation and samples; optional columns
// Rollcall has nothing for are left out, as SDS allows. Parents have no role in SDS: they come
// through relationships.csv, so a parent none of whose children is exported is left out.
var sdsV21 = &exportSet{
	source: sds.V2.Source, role: sdsRole, enrol: sdsEnrol, parentsNeedChild: true,
	files: []setFile{
		{name: "orgs.csv", header: []string{"sourcedId", "name", "type", "parentSourcedId"},
			rows: func(s *setScan, w *rowWriter) error {
				for _, o := range s.orgs {
					if err := w.Write([]string{s.org[o.ID], o.Name, "school", ""}); err != nil {
						return err
					}
				}
				return nil
			}},
		{name: "users.csv", header: []string{"sourcedId", "username", "givenName", "familyName", "password",
			"activeDirectoryMatchId", "email", "phone", "sms"},
			rows: func(s *setScan, w *rowWriter) error {
				return s.eachUser(func(u *model.User) error {
					return w.Write([]string{s.user[u.ID], u.Login, u.FirstName, u.LastName, "", "", u.Email, "", ""})
				})
			}},
		{name: "roles.csv", header: []string{"userSourcedId", "orgSourcedId", "role", "isPrimary"},
			rows: func(s *setScan, w *rowWriter) error {
				return s.eachUser(func(u *model.User) error {
					if u.Profile == model.Parent {
						return nil // relationships.csv says who they are
					}
					return w.Write([]string{s.user[u.ID], s.org[u.OrgID], sdsRole(u.Profile), "true"})
				})
			}},
		{name: "classes.csv", wanted: func(s *setScan) bool { return len(s.classes) > 0 },
			header: []string{"sourcedId", "orgSourcedId", "title", "code"},
			rows: func(s *setScan, w *rowWriter) error {
				for _, c := range s.classes {
					if err := w.Write([]string{s.class[c.ID], s.org[c.OrgID], c.Name, c.Code}); err != nil {
						return err
					}
				}
				return nil
			}},
		{name: "enrollments.csv", wanted: func(s *setScan) bool { return len(s.classes) > 0 },
			header: []string{"classSourcedId", "userSourcedId", "role"},
			rows: func(s *setScan, w *rowWriter) error {
				return s.eachUser(func(u *model.User) error {
					role := sdsEnrol(u.Profile)
					for _, cid := range u.ClassIDs {
						if class, ok := s.class[cid]; ok && role != "" {
							if err := w.Write([]string{class, s.user[u.ID], role}); err != nil {
								return err
							}
						}
					}
					return nil
				})
			}},
		{name: "relationships.csv", wanted: func(s *setScan) bool { return len(s.parents) > 0 },
			header: []string{"userSourcedId", "relationshipUserSourcedId", "relationshipRole"},
			rows: func(s *setScan, w *rowWriter) error {
				return s.eachUser(func(u *model.User) error {
					for _, p := range s.parents[u.ID] {
						if err := w.Write([]string{s.user[u.ID], s.user[p], "guardian"}); err != nil {
							return err
						}
					}
					return nil
				})
			}},
	},
}

// sdsRole is SDS's role of a profile (its default list of values); parents are written, without
// a role, through relationships.csv. SDS has no guests.
func sdsRole(p model.Profile) string {
	switch p {
	case model.Student:
		return "student"
	case model.Teacher:
		return "teacher"
	case model.Staff:
		return "staff"
	case model.Parent:
		return "guardian"
	}
	return ""
}

// sdsEnrol is the role of an enrollment in SDS: students and teachers.
func sdsEnrol(p model.Profile) string {
	switch p {
	case model.Student:
		return "student"
	case model.Teacher:
		return "teacher"
	}
	return ""
}
