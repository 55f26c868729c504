package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxNameLength bounds names and other free text so one bad row cannot bloat the store.
const MaxNameLength = 200

// NormalizeEmail trims and lower-cases an address; comparison and uniqueness use this form.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidEmail checks the practical shape of an address: one '@', a non-empty local part without
// spaces, and a domain with a dot, no empty label and no leading or trailing hyphen in a label.
// It is deliberately stricter than RFC 5322 (no quoted local parts, no IP literals): these are the
// addresses schools hand out.
func ValidEmail(s string) bool {
	if len(s) < 3 || len(s) > 254 || !utf8.ValidString(s) {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || strings.IndexByte(s, '@') != at {
		return false
	}
	local, domain := s[:at], s[at+1:]
	if len(local) > 64 || local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return false
	}
	for _, r := range local {
		if r <= ' ' || r == 0x7f || strings.ContainsRune(`"(),:;<>[\]`, r) {
			return false
		}
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if !(r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return false
			}
		}
	}
	last := labels[len(labels)-1]
	for _, r := range last {
		if unicode.IsDigit(r) {
			return false // a TLD is never numeric; this also refuses bare IPs
		}
	}
	return true
}

// AdminPasswordMinLength is the shortest password an admin may choose.
const AdminPasswordMinLength = 8

// CheckAdminPassword applies the least an admin's password must hold, DefaultPasswordPolicy (8
// characters with a letter and a digit), as forms check it while the admin types; app adds the
// policies of the admin's schools. It returns every broken rule, never the password itself.
func CheckAdminPassword(field, pw string) ValidationErrors {
	return DefaultPasswordPolicy.Check(field, pw)
}

// CleanName trims a person's or a class's name and folds inner runs of white space.
func CleanName(s string) string {
	if isCleanName(s) {
		return s // most names are: an import of 100,000 rows makes no copy of them
	}
	return strings.Join(strings.Fields(s), " ")
}

// isCleanName says whether CleanName would return s as it is: no white space but single inner
// spaces.
func isCleanName(s string) bool {
	space := true // a leading space is not clean
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if space {
					return false
				}
				space = true
			case '\t', '\n', '\v', '\f', '\r':
				return false
			default:
				space = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		space = false
		i += size
	}
	return !space || s == ""
}
