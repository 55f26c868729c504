package sheet

import (
	"strconv"

	"rollcall/importers/table"
)

const (
	colLast     = "last_name"
	colFirst    = "first_name"
	colClass    = "class_code"
	colLogin    = "login"
	colEmail    = "email"
	colPassword = "password"
	colGroup    = "group"
	colProfile  = "profile"
	colCreated  = "created"
	colModified = "modified"
	colCode     = "activation_code"
	// Moodle's user upload (rollcall users export --format moodle) carries the profile in its
	// department field and each class in a cohort1, cohort2… column.
	colDepartment = "department"
)

// schema lists the template's columns. The creation and modification dates are the publisher's
// bookkeeping, recognised only so that Detect knows the template and they are not mistaken for
// anything else.
var schema = table.Schema{
	{Key: colLast, French: []string{"Nom"}, English: []string{"Last name", "Lastname"}},
	{Key: colFirst, French: []string{"Prénom"}, English: []string{"First name", "Firstname"}},
	{Key: colClass, French: []string{"Code classe", "Code de la classe", "Classe"}, English: append([]string{"Class code", "Class"}, moodleCohorts...), Repeat: true},
	{Key: colLogin, French: []string{"Identifiant", "Login"}, English: []string{"Username", "Login"}},
	{Key: colEmail, French: []string{"Email", "E-mail", "Courriel", "Adresse e-mail"}, English: []string{"Email", "E-mail"}},
	{Key: colPassword, French: []string{"Mot de passe"}, English: []string{"Password"}},
	{Key: colGroup, French: []string{"Groupe", "Groupes"}, English: []string{"Group", "Groups"}, Repeat: true},
	{Key: colProfile, French: []string{"Profil"}, English: []string{"Profile"}},
	{Key: colCreated, French: []string{"Date de création", "Créé le"}, English: []string{"Creation date", "Created"}},
	{Key: colModified, French: []string{"Date de modification"}, English: []string{"Modification date", "Modified"}},
	// Rollcall's own export (rollcall users export) has these, beside login and profile.
	{Key: colCode, French: []string{"Code d'activation"}, English: []string{"Activation code"}},
	{Key: colDepartment, English: []string{"Department"}},
}

// moodleCohorts are the cohort columns of a Moodle user upload, cohort1 to cohort20.
var moodleCohorts = func() []string {
	c := make([]string, 20)
	for i := range c {
		c[i] = "cohort" + strconv.Itoa(i+1)
	}
	return c
}()

// fromRollcall says whether a header is Rollcall's own export: its users are known by their
// login, which Rollcall gave them.
func fromRollcall(h *table.Header) bool {
	return h.Has(colLogin) && h.Has(colProfile) && h.Has(colCode) && h.Has(colCreated)
}

// fromMoodle says whether a header is a Moodle user upload (rollcall users export --format
// moodle): Moodle keys accounts on their username, so users are known by their login too.
func fromMoodle(h *table.Header) bool {
	return h.Has(colLogin) && table.HeaderKey(h.Cells[h.Index(colLogin)]) == "username" && h.Has(colDepartment)
}

// markers are the columns only the templates have: with names, one of them makes a CSV a
// spreadsheet template rather than an ENT file.
var markers = []string{colPassword, colCreated, colModified, colCode}
