package model

import "strings"

// RuleUAI is reported for a school identifier that is not a UAI: seven digits and the check
// letter computed from them. Expected carries the letter the digits call for, when they are
// seven digits.
const RuleUAI Rule = "uai"

// uaiLetters are the check letters: the alphabet less I, O and Q, which read as 1, 0 and 0.
const uaiLetters = "ABCDEFGHJKLMNPRSTUVWXYZ"

// NormalizeUAI trims a UAI and upper-cases its letter ("0750654d" is 0750654D).
func NormalizeUAI(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// ValidUAI reports whether s is a UAI (Unité administrative immatriculée, formerly RNE), the
// identifier of every French school: seven digits, then the letter of the twenty-three above
// whose rank is the seven digits' number modulo 23.
func ValidUAI(s string) bool {
	letter := UAICheckLetterFor(s)
	return letter != "" && len(s) == 8 && s[7] == letter[0]
}

// UAICheckLetterFor returns the check letter the first seven characters of s call for, or ""
// when they are not seven digits.
func UAICheckLetterFor(s string) string {
	if len(s) < 7 {
		return ""
	}
	n := 0
	for i := range 7 {
		c := s[i]
		if c < '0' || c > '9' {
			return ""
		}
		n = n*10 + int(c-'0')
	}
	return string(uaiLetters[n%23])
}

// RuleUAITaken is reported when a UAI is given to a school while another school of the store
// has it: a UAI names one school.
const RuleUAITaken Rule = "uai_taken"

// RuleOrgTwin is reported when an admin creates or renames a school to the name and city of
// another of their schools: the same school twice, which splits its users and seats.
const RuleOrgTwin Rule = "org_twin"
