package i18n

import "rollcall/model"

// SchoolsTexts are the words of French school files (the académie's AAF feed, SIECLE, STS-Web,
// ONDE): a school's UAI, a staff member's functions and subjects, and the rules their files break.
type SchoolsTexts struct {
	UAI, Functions, Subjects string
	// FunctionHint is the placeholder of the users screen's function filter.
	FunctionHint string
	// The rules of these files, as row errors and warnings say them.
	BadXML, UndefinedStructure, ModifiedUnknown, ValueDropped, BadUAI, UAITaken, OrgTwin string
}

func (t *SchoolsTexts) rule(r model.Rule) string {
	switch r {
	case model.RuleBadXML:
		return t.BadXML
	case model.RuleUndefinedStructure:
		return t.UndefinedStructure
	case model.RuleModifiedUnknown:
		return t.ModifiedUnknown
	case model.RuleValueDropped:
		return t.ValueDropped
	case model.RuleUAI:
		return t.BadUAI
	case model.RuleUAITaken:
		return t.UAITaken
	case model.RuleOrgTwin:
		return t.OrgTwin
	}
	return ""
}
