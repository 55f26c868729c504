package model

import "strings"

// FunctionCode is the family of a function as the académie writes it: "DIR" for
// "DIR$DIRECTION$D0011$CHEF D'ETABLISSEMENT ADJOINT", "ENS" for a teacher, upper-cased.
func FunctionCode(f string) string {
	code, _, _ := strings.Cut(f, "$")
	return strings.ToUpper(strings.TrimSpace(code))
}

// FunctionLabel is what a function says in words: its last "$" field ("CHEF D'ETABLISSEMENT
// ADJOINT"), or the whole value when it has none.
func FunctionLabel(f string) string {
	if i := strings.LastIndexByte(f, '$'); i >= 0 && i < len(f)-1 {
		return f[i+1:]
	}
	return f
}

// HasFunction reports whether any of a user's functions is of one of the families in codes
// (compared without case).
func (u *User) HasFunction(codes []string) bool {
	for _, f := range u.Functions {
		c := FunctionCode(f)
		for _, want := range codes {
			if strings.EqualFold(c, strings.TrimSpace(want)) {
				return true
			}
		}
	}
	return false
}
