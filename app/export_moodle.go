package app

import (
	"strconv"

	"rollcall/model"
)

// moodleShape is Moodle's user upload (Site administration > Users > Upload users,
// admin/tool/uploaduser): its own column names, which Moodle requires as written. username,
// firstname, lastname and email are required by Moodle; department carries the profile
// (a standard user field Moodle keeps as text), and cohort1, cohort2… each name a class by its
// code, the cohort's ID number, which Moodle adds the user to. A user with fewer classes
// leaves the rest empty, which Moodle skips.
var moodleShape = exportShape{
	perClass: true,
	header: func(x *exportRun) []string {
		h := []string{"username", "firstname", "lastname", "email", "department"}
		for i := 1; i <= x.perClass; i++ {
			h = append(h, "cohort"+strconv.Itoa(i))
		}
		return h
	},
	row: func(dst []string, u *model.User, x *exportRun) []string {
		dst = append(dst, u.Login, u.FirstName, u.LastName, u.Email, u.Profile.String())
		for i := range x.perClass {
			c := ""
			if i < len(u.ClassIDs) {
				c = x.classes[u.ClassIDs[i]].Code
			}
			dst = append(dst, c)
		}
		return dst
	},
}
