package i18n

import "rollcall/model"

// SchoolsTexts are the words of French school files (the académie's AAF feed, SIECLE, STS-Web,
// ONDE): a school's UAI, a staff member's functions and subjects, and the rules their files break.
type SchoolsTexts struct {
	UAI, Functions, Subjects string
	// FunctionHint is the placeholder of the users screen's function filter.
	FunctionHint string
	// The rules of these files, as row errors and warnings say them.
	BadXML, UndefinedStructure, ModifiedUnknown, ValueDropped, BadUAI, UAITaken string
}

func (t *SchoolsTexts) rule(r model.Rule) string {
	switch r {
	case "bad_xml":
		return t.BadXML
	case "undefined_structure":
		return t.UndefinedStructure
	case "modified_unknown":
		return t.ModifiedUnknown
	case "value_dropped":
		return t.ValueDropped
	case model.RuleUAI:
		return t.BadUAI
	case model.RuleUAITaken:
		return t.UAITaken
	}
	return ""
}
