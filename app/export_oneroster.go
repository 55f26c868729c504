package app

import (
	"strconv"
	"strings"

	"rollcall/importers/oneroster"
	"rollcall/model"
)

// The OneRoster CSV sets (1EdTech OneRoster 1.1 and 1.2, CSV binding), bulk: every file the set
// writes is marked bulk in manifest.csv, every other file of the version absent. Headers and
// column order are the specification's; the columns Rollcall has nothing for stay empty. Each
// class comes with a course of its own (1.1 requires one) and the current school year as its
// term. Status and dateLastModified are blank in 1.1's bulk files; 1.2 writes status "active".
var (
	oneRoster11 = oneRosterSet("1.1")
	oneRoster12 = oneRosterSet("1.2")
)

// oneRosterFiles are the files each version's manifest lists, in the specification's order.
var oneRosterFiles = map[string][]string{
	"1.1": {"academicSessions", "categories", "classes", "classResources", "courses", "courseResources",
		"demographics", "enrollments", "lineItems", "orgs", "resources", "results", "users"},
	"1.2": {"academicSessions", "categories", "classes", "classResources", "courses", "courseResources",
		"demographics", "enrollments", "lineItemLearningObjectiveIds", "lineItems", "lineItemScoreScales", "orgs",
		"resources", "resultLearningObjectiveIds", "results", "resultScoreScales", "roles", "scoreScales",
		"userProfiles", "userResources", "users"},
}

// oneRosterRole is OneRoster's role of a profile. Staff are administrators (1.2 calls the
// school's own siteAdministrator); OneRoster has no guests.
func oneRosterRole(version string) func(model.Profile) string {
	return func(p model.Profile) string {
		switch p {
		case model.Student:
			return "student"
		case model.Teacher:
			return "teacher"
		case model.Parent:
			return "parent"
		case model.Staff:
			if version == "1.2" {
				return "siteAdministrator"
			}
			return "administrator"
		}
		return ""
	}
}

// oneRosterEnrol is the role of an enrollment: students, teachers and administrators are in
// classes.
func oneRosterEnrol(p model.Profile) string {
	switch p {
	case model.Student:
		return "student"
	case model.Teacher:
		return "teacher"
	case model.Staff:
		return "administrator"
	}
	return ""
}

func oneRosterSet(version string) *exportSet {
	v12 := version == "1.2"
	status := "" // 1.1: blank in bulk files
	if v12 {
		status = "active"
	}
	hasClasses := func(s *setScan) bool { return len(s.classes) > 0 }
	set := &exportSet{source: string(oneroster.Format), role: oneRosterRole(version), enrol: oneRosterEnrol}
	usersHeader := []string{"sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role", "username",
		"userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password"}
	if v12 {
		usersHeader = []string{"sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName",
			"familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password",
			"userMasterIdentifier", "resourceSourcedIds", "preferredGivenName", "preferredMiddleName", "preferredFamilyName",
			"primaryOrgSourcedId", "pronouns"}
	}
	files := []setFile{
		{name: "orgs.csv", header: []string{"sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"},
			rows: func(s *setScan, w *rowWriter) error {
				for _, o := range s.orgs {
					if err := w.Write([]string{s.org[o.ID], status, "", o.Name, "school", o.Code, ""}); err != nil {
						return err
					}
				}
				return nil
			}},
		{name: "academicSessions.csv", wanted: hasClasses,
			header: []string{"sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"},
			rows: func(s *setScan, w *rowWriter) error {
				start, end, year := s.schoolYear()
				return w.Write([]string{yearID(year), status, "", strconv.Itoa(year-1) + "-" + strconv.Itoa(year), "schoolYear",
					start.String(), end.String(), "", strconv.Itoa(year)})
			}},
		{name: "courses.csv", wanted: hasClasses,
			header: []string{"sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades",
				"orgSourcedId", "subjects", "subjectCodes"},
			rows: func(s *setScan, w *rowWriter) error {
				_, _, year := s.schoolYear()
				for _, c := range s.classes {
					row := []string{model.ExportedID(model.ExportedCourse, c.ID), status, "", yearID(year), c.Name, c.Code, "", s.org[c.OrgID], "", ""}
					if err := w.Write(row); err != nil {
						return err
					}
				}
				return nil
			}},
		{name: "classes.csv", wanted: hasClasses,
			header: []string{"sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode", "classType",
				"location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods"},
			rows: func(s *setScan, w *rowWriter) error {
				_, _, year := s.schoolYear()
				for _, c := range s.classes {
					row := []string{s.class[c.ID], status, "", c.Name, "", model.ExportedID(model.ExportedCourse, c.ID), c.Code, "homeroom",
						"", s.org[c.OrgID], yearID(year), "", "", ""}
					if err := w.Write(row); err != nil {
						return err
					}
				}
				return nil
			}},
		{name: "users.csv", header: usersHeader, rows: func(s *setScan, w *rowWriter) error {
			var row []string
			return s.eachUser(func(u *model.User) error {
				enabled := strconv.FormatBool(!u.PendingDeletion())
				agents := strings.Join(s.agents(u), ",")
				if v12 {
					row = append(row[:0], s.user[u.ID], status, "", enabled, u.Login, "", u.FirstName, u.LastName, "", "", u.Email,
						"", "", agents, "", "", "", "", "", "", "", s.org[u.OrgID], "")
				} else {
					row = append(row[:0], s.user[u.ID], status, "", enabled, s.org[u.OrgID], s.set.role(u.Profile), u.Login, "",
						u.FirstName, u.LastName, "", "", u.Email, "", "", agents, "", "")
				}
				return w.Write(row)
			})
		}},
	}
	if v12 {
		files = append(files, setFile{name: "roles.csv",
			header: []string{"sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate", "endDate",
				"orgSourcedId", "userProfileSourcedId"},
			rows: func(s *setScan, w *rowWriter) error {
				return s.eachUser(func(u *model.User) error {
					return w.Write([]string{model.ExportedID(model.ExportedRole, u.ID), status, "", s.user[u.ID], "primary",
						s.set.role(u.Profile), "", "", s.org[u.OrgID], ""})
				})
			}})
	}
	files = append(files,
		setFile{name: "enrollments.csv", wanted: func(s *setScan) bool { return s.enrolled > 0 },
			header: []string{"sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role",
				"primary", "beginDate", "endDate"},
			rows: func(s *setScan, w *rowWriter) error {
				return s.eachUser(func(u *model.User) error {
					role := s.set.enrol(u.Profile)
					if role == "" {
						return nil
					}
					primary := ""
					if u.Profile == model.Teacher {
						primary = "false" // Rollcall does not know who leads a class
					}
					for _, cid := range u.ClassIDs {
						class, ok := s.class[cid]
						if !ok {
							continue
						}
						row := []string{model.ExportedID(model.ExportedEnrollment, u.ID, cid), status, "", class, s.org[s.classOrg[cid]],
							s.user[u.ID], role, primary, "", ""}
						if err := w.Write(row); err != nil {
							return err
						}
					}
					return nil
				})
			}},
		setFile{name: "demographics.csv", wanted: func(s *setScan) bool { return s.births > 0 },
			header: []string{"sourcedId", "status", "dateLastModified", "birthDate", "sex", "americanIndianOrAlaskaNative", "asian",
				"blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white", "demographicRaceTwoOrMoreRaces",
				"hispanicOrLatinoEthnicity", "countryOfBirthCode", "stateOfBirthAbbreviation", "cityOfBirth", "publicSchoolResidenceStatus"},
			rows: func(s *setScan, w *rowWriter) error {
				row := make([]string, 16)
				return s.eachUser(func(u *model.User) error {
					if u.BirthDate.IsZero() {
						return nil
					}
					row[0], row[1], row[3] = s.user[u.ID], status, u.BirthDate.String()
					return w.Write(row)
				})
			}})
	set.files = append([]setFile{{name: "manifest.csv", header: []string{"propertyName", "value"},
		rows: func(s *setScan, w *rowWriter) error { return writeManifest(s, w, version) }}}, files...)
	return set
}

// writeManifest says the set's version, which files are there (bulk) and which are not
// (absent), and that Rollcall wrote it.
func writeManifest(s *setScan, w *rowWriter, version string) error {
	rows := [][]string{{"manifest.version", "1.0"}, {"oneroster.version", version}}
	for _, name := range oneRosterFiles[version] {
		mode := "absent"
		for _, f := range s.set.files {
			if f.name == name+".csv" && (f.wanted == nil || f.wanted(s)) {
				mode = "bulk"
			}
		}
		rows = append(rows, []string{"file." + name, mode})
	}
	rows = append(rows, []string{"source.systemName", "Rollcall"}, []string{"source.systemCode", "rollcall"})
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	return nil
}

// yearID is the id of a school year's academic session, by the calendar year it ends in.
func yearID(year int) string { return model.ExportedID(model.ExportedYear, model.ID(year)) }
