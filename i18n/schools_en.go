package i18n

func schoolsEN() SchoolsTexts {
	return SchoolsTexts{
		UAI:                "UAI",
		Functions:          "Functions",
		Subjects:           "Subjects",
		FunctionHint:       "DIR, ENS, EDU…",
		BadXML:             "the XML file is broken here",
		UndefinedStructure: "these people belong to a school the files do not define; they are imported all the same",
		ModifiedUnknown:    "this modification is for a person neither the files nor the directory have, and does not say who they are: it is skipped",
		ValueDropped:       "this value was left out (it is not valid)",
		BadUAI:             "must be 7 digits followed by their check letter",
		UAITaken:           "is already another school's",
		OrgTwin:            "is already the name of one of your schools, in the same city",
	}
}
