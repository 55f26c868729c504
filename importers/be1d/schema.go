package be1d

import (
	"rollcall/importers/table"
	"rollcall/model"
)

// kind is one of the three BE1D files.
type kind struct {
	profile model.Profile
	schema  table.Schema
	needs   []string // the columns that identify the file and must be there
}

const (
	colLast       = "last_name"
	colUsage      = "usage_name"
	colFirst      = "first_name"
	colBirth      = "birth_date"
	colLevel      = "level"
	colClass      = "class"
	colINE        = "ine"
	colEmail      = "email"
	colDirector   = "director"
	colChildUsage = "child_usage_name"
	colChildLast  = "child_last_name"
	colChildFirst = "child_first_name"
	colChildClass = "child_class"
	colAddress    = "address"
	colPostcode   = "postcode"
	colTown       = "town"
)

var students = kind{
	profile: model.Student,
	schema: table.Schema{
		{Key: colLast, French: []string{"Nom Elève", "Nom de famille Elève", "Nom de naissance Elève"}},
		{Key: colUsage, French: []string{"Nom d'usage Elève"}},
		{Key: colFirst, French: []string{"Prénom Elève", "Prénom 1 Elève"}},
		{Key: colBirth, French: []string{"Date naissance", "Date de naissance"}},
		{Key: colLevel, French: []string{"Niveau", "Libellé niveau"}},
		{Key: colClass, French: []string{"Classe", "Libellé classe"}},
		{Key: colINE, French: []string{"INE", "Identifiant national élève", "Identifiant Elève"}},
		{Key: "sex", French: []string{"Sexe"}},
		{Key: "cycle", French: []string{"Cycle"}},
	},
	needs: []string{colLast, colFirst, colBirth, colClass},
}

var teachers = kind{
	profile: model.Teacher,
	schema: table.Schema{
		{Key: colLast, French: []string{"Nom"}},
		{Key: colUsage, French: []string{"Nom usage", "Nom d'usage"}},
		{Key: colFirst, French: []string{"Prénom"}},
		{Key: colEmail, French: []string{"Courriel", "Email"}},
		{Key: colDirector, French: []string{"Directeur"}},
		{Key: colClass, French: []string{"Classe", "Classes"}, Repeat: true},
		{Key: "title", French: []string{"Civilité"}},
	},
	needs: []string{colLast, colFirst, colDirector},
}

var guardians = kind{
	profile: model.Parent,
	schema: table.Schema{
		{Key: colLast, French: []string{"Nom responsable", "Nom de famille responsable"}},
		{Key: colUsage, French: []string{"Nom usage responsable", "Nom d'usage responsable"}},
		{Key: colFirst, French: []string{"Prénom responsable"}},
		{Key: colEmail, French: []string{"Courriel", "Courriel responsable"}},
		{Key: colChildUsage, French: []string{"Nom d'usage enfant"}, Repeat: true},
		{Key: colChildLast, French: []string{"Nom de famille enfant", "Nom enfant"}, Repeat: true},
		{Key: colChildFirst, French: []string{"Prénom enfant"}, Repeat: true},
		{Key: colChildClass, French: []string{"Classes enfants", "Classe enfant"}, Repeat: true},
		{Key: "title", French: []string{"Civilité Responsable"}},
		{Key: colAddress, French: []string{"Adresse responsable", "Adresse", "Adresse1"}},
		{Key: colPostcode, French: []string{"CP responsable", "Code postal responsable", "Code postal", "CP", "Cp1"}},
		{Key: colTown, French: []string{"Commune responsable", "Commune", "Commune1"}},
	},
	needs: []string{colLast, colFirst, colChildLast, colChildFirst},
}

var kinds = []kind{students, guardians, teachers}
