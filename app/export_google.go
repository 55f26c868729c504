package app

import (
	"strings"
	"unicode/utf8"

	"rollcall/model"
)

// googleHeader is the Google Workspace bulk upload template (Admin console > Directory > Users >
// Bulk update users > Download blank CSV template), column for column: Google matches the
// headers as written.
var googleHeader = []string{
	"First Name [Required]", "Last Name [Required]", "Email Address [Required]", "Password [Required]",
	"Password Hash Function [UPLOAD ONLY]", "Org Unit Path [Required]", "New Primary Email [UPLOAD ONLY]",
	"Recovery Email", "Home Secondary Email", "Work Secondary Email", "Recovery Phone [MUST BE IN THE E.164 FORMAT]",
	"Work Phone", "Home Phone", "Mobile Phone", "Work Address", "Home Address", "Employee ID", "Employee Type",
	"Employee Title", "Manager Email", "Department", "Cost Center", "Building ID", "Floor Name", "Floor Section",
	"Change Password at Next Sign-In", "New Status [UPLOAD ONLY]", "New Licenses [UPLOAD ONLY]",
	"Advanced Protection Program enrollment",
}

// Google's columns Rollcall fills, by their index in googleHeader.
const (
	gFirst, gLast, gEmail, gPassword = 0, 1, 2, 3
	gOrgUnit                         = 5
	gEmployeeID, gEmployeeType       = 16, 17
	gDepartment                      = 20
	gChangePassword                  = 25
)

// googleNameMax is the longest first or last name Google takes.
const googleNameMax = 60

// The placeholders of the two templates. The org unit's default is the top level (Google's
// "/"); the email template has none: an address on a made-up domain would create accounts
// nobody receives mail at, so a user without an email and no template is an error.
var (
	googleEmailKeys   = []string{"login", "first", "last", "uai"}
	googleOrgUnitKeys = []string{"school", "uai", "profile", "class", "level"}
)

const (
	DefaultGoogleOrgUnitTemplate = "/"
	// exampleGoogleEmailTemplate is what an error about the email template shows as a model.
	exampleGoogleEmailTemplate = "{login}@college.example"
)

// googleRun is what a Google export prepared: its templates and the schools.
type googleRun struct {
	email, orgUnit exportTemplate
	hasEmail       bool // an email template was given
	schools        *exportSchools
}

func googleTemplates(opts ExportOptions) (googleRun, error) {
	var g googleRun
	email, ou := strings.TrimSpace(opts.EmailTemplate), opts.OrgUnitTemplate
	if ou == "" {
		ou = DefaultGoogleOrgUnitTemplate
	}
	var err error
	if email != "" {
		if g.email, err = parseExportTemplate("email-template", email, googleEmailKeys); err != nil {
			return g, err
		}
		if at := strings.LastIndexByte(email, '@'); at < 0 || strings.ContainsAny(email[at:], "{}") || !model.ValidEmail("x"+email[at:]) {
			return g, &model.ExportOptionError{Option: "email-template", Value: email, Known: []string{exampleGoogleEmailTemplate}}
		}
		g.hasEmail = true
	}
	g.orgUnit, err = parseExportTemplate("org-unit-template", ou, googleOrgUnitKeys)
	return g, err
}

// googleShape is the Google Workspace bulk upload of users: each account with its email (its
// own, or the email template's), a fresh initial password drawn for this file only and meeting
// the school's policy for the profile, its organizational unit from the template, and "Change
// Password at Next Sign-In" set. Employee ID carries the login, Employee Type the profile and
// Department the classes, so the accounts can be found again in Google's directory.
var googleShape = exportShape{
	check: func(opts ExportOptions) error { _, err := googleTemplates(opts); return err },
	prepare: func(x *exportRun) error {
		g, err := googleTemplates(x.opts)
		if err != nil {
			return err
		}
		g.schools, err = newExportSchools(x)
		x.platform = &g
		return err
	},
	header: func(*exportRun) []string { return googleHeader },
	row: func(dst []string, u *model.User, x *exportRun) []string {
		g := x.platform.(*googleRun)
		row := make([]string, len(googleHeader))
		row[gFirst], row[gLast] = u.FirstName, u.LastName
		for _, i := range []int{gFirst, gLast} {
			if utf8.RuneCountInString(row[i]) > googleNameMax {
				x.err = &model.ExportCellError{Login: u.Login, Column: googleHeader[i], MaxLen: googleNameMax}
			}
		}
		row[gEmail] = u.Email
		switch {
		case row[gEmail] != "":
		case g.hasEmail:
			row[gEmail] = g.emailOf(u)
		default:
			x.err = &model.ExportCellError{Login: u.Login, Column: googleHeader[gEmail], Missing: true}
		}
		policy, err := g.schools.policy(u)
		if err == nil {
			row[gPassword], err = newInitialPassword(x.app.random, policy)
		}
		if err != nil {
			x.err = err
		}
		row[gOrgUnit] = g.orgUnitOf(u, x)
		row[gEmployeeID], row[gEmployeeType] = u.Login, x.labels.Profile(u.Profile)
		row[gDepartment] = strings.Join(x.classNames(u), ", ")
		row[gChangePassword] = "TRUE"
		return append(dst, row...)
	},
}

// emailOf fills the email template: names and the UAI as an address's local part takes them
// (lower case, no accents), the login as it is.
func (g *googleRun) emailOf(u *model.User) string {
	return g.email.expand(func(key string) string {
		switch key {
		case "login":
			return u.Login
		case "first":
			return model.LoginBase(u.FirstName, "")
		case "last":
			return model.LoginBase("", u.LastName)
		case "uai":
			return strings.ToLower(g.schools.orgs[u.OrgID].Code)
		}
		return ""
	})
}

// orgUnitOf fills the org-unit template. A "/" inside a value would open a unit of its own, so
// it becomes "-"; an empty value (a teacher has no class) drops its level of the path.
func (g *googleRun) orgUnitOf(u *model.User, x *exportRun) string {
	var class model.Class
	if len(u.ClassIDs) > 0 {
		class = x.classes[u.ClassIDs[0]]
	}
	school := g.schools.orgs[u.OrgID]
	path := g.orgUnit.expand(func(key string) string {
		var v string
		switch key {
		case "school":
			v = school.Name
		case "uai":
			v = school.Code
		case "profile":
			v = x.labels.Profile(u.Profile)
		case "class":
			v = class.Name
		case "level":
			v = class.Level
		}
		return strings.ReplaceAll(v, "/", "-")
	})
	parts := strings.Split(path, "/")
	kept := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return "/" + strings.Join(kept, "/")
}
