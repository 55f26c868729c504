package sheet

import "rollcall/importers/table"

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
)

// schema lists the template's columns. The creation and modification dates are the publisher's
// bookkeeping, recognised only so that Detect knows the template and they are not mistaken for
// anything else.
var schema = table.Schema{
	{Key: colLast, French: []string{"Nom"}, English: []string{"Last name", "Lastname"}},
	{Key: colFirst, French: []string{"Prénom"}, English: []string{"First name", "Firstname"}},
	{Key: colClass, French: []string{"Code classe", "Code de la classe", "Classe"}, English: []string{"Class code", "Class"}, Repeat: true},
	{Key: colLogin, French: []string{"Identifiant", "Login"}, English: []string{"Username", "Login"}},
	{Key: colEmail, French: []string{"Email", "E-mail", "Courriel", "Adresse e-mail"}, English: []string{"Email", "E-mail"}},
	{Key: colPassword, French: []string{"Mot de passe"}, English: []string{"Password"}},
	{Key: colGroup, French: []string{"Groupe", "Groupes"}, English: []string{"Group", "Groups"}, Repeat: true},
	{Key: colProfile, French: []string{"Profil"}, English: []string{"Profile"}},
	{Key: colCreated, French: []string{"Date de création", "Créé le"}, English: []string{"Creation date", "Created"}},
	{Key: colModified, French: []string{"Date de modification"}, English: []string{"Modification date", "Modified"}},
	// Rollcall's own export (rollcall users export) has these, beside login and profile.
	{Key: colCode, French: []string{"Code d'activation"}, English: []string{"Activation code"}},
}

// fromRollcall says whether a header is Rollcall's own export: its users are known by their
// login, which Rollcall gave them.
func fromRollcall(h *table.Header) bool {
	return h.Has(colLogin) && h.Has(colProfile) && h.Has(colCode) && h.Has(colCreated)
}

// markers are the columns only the templates have: with names, one of them makes a CSV a
// spreadsheet template rather than an ENT file.
var markers = []string{colPassword, colCreated, colModified, colCode}
