package ent

import "rollcall/importers/table"

// Column keys of the import files.
const (
	colExternalID = "external_id"
	colFirstName  = "first_name"
	colLastName   = "last_name"
	colBirthDate  = "birth_date"
	colClasses    = "classes"
	colGroups     = "groups"
	colEmail      = "email"
	colLogin      = "login"
	colProfile    = "profile"
	colChildLast  = "child_last_name"
	colChildFirst = "child_first_name"
	colChildClass = "child_class"
	colChildID    = "child_external_id"
	colFunction   = "function"
	colENTID      = "ent_id"
)

// importSchema lists the columns of the ENT templates (edificeio/entcore's assets/fr and
// assets/en) and the spellings schools actually send. Contact columns are listed although they
// are ignored, so that Detect can count them as recognised and a typo in one is not matched to a
// column that matters.
var importSchema = table.Schema{
	{Key: colExternalID, French: []string{"Identifiant externe", "ID externe"}, English: []string{"externalID", "External ID", "External identifier"}},
	{Key: colFirstName, French: []string{"Prénom"}, English: []string{"First name", "Firstname", "Given name"}},
	{Key: colLastName, French: []string{"Nom", "Nom de famille"}, English: []string{"Last name", "Lastname", "Surname", "Family name"}},
	{Key: colBirthDate, French: []string{"Date de naissance", "Date naissance"}, English: []string{"Birthdate", "Birth date", "Date of birth"}},
	{Key: colClasses, French: []string{"Classes", "Classe"}, English: []string{"Class", "Classes"}, Repeat: true},
	{Key: colGroups, French: []string{"Groupe", "Groupes"}, English: []string{"Group", "Groups"}, Repeat: true},
	{Key: colEmail, French: []string{"Courriel", "Email", "E-mail", "Mail", "Adresse électronique", "Adresse mail"}, English: []string{"Email", "E-mail", "Mail"}},
	{Key: colLogin, French: []string{"Identifiant", "Identifiant de connexion"}, English: []string{"Login", "Username"}},
	{Key: colProfile, French: []string{"Profil"}, English: []string{"Profile"}},
	{Key: colChildLast, French: []string{"Nom de l'élève", "Nom de l'enfant"}, English: []string{"Child last name", "Student last name"}, Repeat: true},
	{Key: colChildFirst, French: []string{"Prénom de l'élève", "Prénom de l'enfant"}, English: []string{"Child first name", "Student first name"}, Repeat: true},
	{Key: colChildClass, French: []string{"Classes de l'élève", "Classe de l'élève", "Classe de l'enfant"}, English: []string{"Child class", "Student class"}, Repeat: true},
	{Key: colChildID, French: []string{"Identifiant externe de l'élève", "Identifiant externe de l'enfant"}, English: []string{"Childexternalid", "Child external ID", "Student external ID"}, Repeat: true},
	{Key: colFunction, French: []string{"Fonction", "Discipline", "Matière"}, English: []string{"Function", "Discipline", "Subject"}},
	{Key: "phone", French: []string{"Téléphone", "Telephone"}, English: []string{"Phone"}},
	{Key: "work_phone", French: []string{"Téléphone travail", "telephonetravail"}, English: []string{"Work phone"}},
	{Key: "mobile", French: []string{"Portable", "Téléphone portable"}, English: []string{"Mobile"}},
	{Key: "address", French: []string{"Adresse"}, English: []string{"Address"}},
	{Key: "postcode", French: []string{"Code postal", "CP"}, English: []string{"Postcode", "Zip code"}},
	{Key: "city", French: []string{"Ville", "Commune"}, English: []string{"City"}},
	{Key: "country", French: []string{"Pays"}, English: []string{"Country"}},
}

// exportSchema lists the columns of the ENT's specific CSV export. The ENT id is what other
// platforms key on, so it is the record's ExternalID.
var exportSchema = table.Schema{
	{Key: colENTID, French: []string{"Identifiant ENT", "ID ENT"}, English: []string{"ENT ID", "ENT identifier"}},
	{Key: colLastName, French: []string{"Nom"}, English: []string{"Last name", "Lastname"}},
	{Key: colFirstName, French: []string{"Prénom"}, English: []string{"First name", "Firstname"}},
	{Key: colProfile, French: []string{"Profil"}, English: []string{"Profile"}},
	{Key: colClasses, French: []string{"Classe", "Classes"}, English: []string{"Class", "Classes"}, Repeat: true},
	{Key: colGroups, French: []string{"Groupe", "Groupes"}, English: []string{"Group", "Groups"}, Repeat: true},
	{Key: colLogin, French: []string{"Login", "Identifiant"}, English: []string{"Username"}},
	{Key: colEmail, French: []string{"Courriel", "Email", "E-mail"}, English: []string{"Email", "E-mail"}},
	{Key: colBirthDate, French: []string{"Date de naissance"}, English: []string{"Birthdate", "Birth date"}},
	// Read by no one, known so that a login-keyed export with them is still one (SniffExport).
	{Key: "uai", French: []string{"UAI", "RNE"}, English: []string{"UAI"}},
	{Key: "school", French: []string{"Structure", "Structures", "Établissement"}, English: []string{"School", "Structure"}},
	{Key: "activation_code", French: []string{"Code d'activation"}, English: []string{"Activation code"}},
}
