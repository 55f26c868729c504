package i18n

func schoolsFR() SchoolsTexts {
	return SchoolsTexts{
		UAI:                "UAI",
		Functions:          "Fonctions",
		Subjects:           "Disciplines",
		FunctionHint:       "DIR, ENS, EDU…",
		BadXML:             "le fichier XML est cassé à cet endroit",
		UndefinedStructure: "ces personnes sont rattachées à un établissement que les fichiers ne définissent pas ; elles sont importées quand même",
		ModifiedUnknown:    "cette modification vise une personne que ni les fichiers ni l'annuaire ne connaissent, sans dire qui elle est : elle est ignorée",
		ValueDropped:       "cette valeur a été laissée de côté (elle n'est pas valide)",
		BadUAI:             "doit compter 7 chiffres suivis de leur lettre clé",
		UAITaken:           "est déjà celui d'un autre établissement",
		OrgTwin:            "est déjà le nom de l'un de vos établissements, dans la même ville",
	}
}
