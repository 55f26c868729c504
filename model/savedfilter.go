package model

import (
	"time"
	"unicode"
	"unicode/utf8"
)

// SavedFilter is a selection of users an admin named to use again ("CE2 pas activés"): on the
// Users screen, in exports and in the mail merge. Filters are each admin's own.
type SavedFilter struct {
	AdminID   ID        `json:"admin_id"`
	Name      string    `json:"name"`
	Selection Selection `json:"selection"`
	SavedAt   time.Time `json:"saved_at"`
}

// MaxFilterName is the longest name a filter may have, in characters.
const MaxFilterName = 60

// CleanFilterName trims a filter's name and checks it: not empty, not too long, valid UTF-8
// without control characters (it is shown in lists, typed in commands, and is the store's key).
func CleanFilterName(name string) (string, error) {
	name = CleanName(name)
	switch {
	case !utf8.ValidString(name):
		return "", &ValidationError{Field: "filter", Rule: RuleUnknownValue}
	case name == "":
		return "", &ValidationError{Field: "filter", Rule: RuleRequired}
	case utf8.RuneCountInString(name) > MaxFilterName:
		return "", &ValidationError{Field: "filter", Rule: RuleTooLong, Value: name}
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return "", &ValidationError{Field: "filter", Rule: RuleUnknownValue}
		}
	}
	return name, nil
}
