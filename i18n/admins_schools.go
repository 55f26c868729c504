package i18n

// SchoolsTabTexts are the words of the Admins screen's schools tab: the admin's schools, a new
// one, and the edit of one (its official code, the UAI in France, among them).
type SchoolsTabTexts struct {
	Tab, ColName, ColCity, ColCountry, ColCode string
	KeyNew, KeyEdit                            string
	// The form: its titles and fields; Created and Saved name the school.
	NewTitle, EditTitle, Name, City, Country, CountryHint, Code, CodeHint string
	Created, Saved                                                        string
}

func schoolsTabEN() SchoolsTabTexts {
	return SchoolsTabTexts{
		Tab: "Schools", ColName: "Name", ColCity: "City", ColCountry: "Country", ColCode: "Code (UAI)",
		KeyNew: "new school", KeyEdit: "edit school",
		NewTitle: "New school", EditTitle: "Edit the school", Name: "Name", City: "City",
		Country: "Country", CountryHint: "two letters: FR, BE, GB…", Code: "Official code",
		CodeHint: "in France the UAI: 7 digits and their check letter (0750654D); may stay empty",
		Created:  "School “%s” created: you administer it.", Saved: "School “%s” saved.",
	}
}

func schoolsTabFR() SchoolsTabTexts {
	return SchoolsTabTexts{
		Tab: "Établissements", ColName: "Nom", ColCity: "Ville", ColCountry: "Pays", ColCode: "Code (UAI)",
		KeyNew: "nouvel établissement", KeyEdit: "modifier l'établissement",
		NewTitle: "Nouvel établissement", EditTitle: "Modifier l'établissement", Name: "Nom", City: "Ville",
		Country: "Pays", CountryHint: "deux lettres : FR, BE, GB…", Code: "Code officiel",
		CodeHint: "en France l'UAI : 7 chiffres et leur lettre de contrôle (0750654D) ; peut rester vide",
		Created:  "Établissement « %s » créé : vous l'administrez.", Saved: "Établissement « %s » enregistré.",
	}
}
