package model

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CharClass is a kind of character a password policy may require.
type CharClass uint8

// The character classes, as flags of a CharClasses set.
const (
	ClassUpper   CharClass = 1 << iota // an upper-case letter
	ClassLower                         // a lower-case letter
	ClassDigit                         // a digit
	ClassSpecial                       // anything else but a space: punctuation, symbols
	ClassLetter                        // any letter
)

// charClassNames are the names of the classes in flags and files, in display order.
var charClassNames = []struct {
	c    CharClass
	name string
	rule Rule
}{{ClassUpper, "upper", RulePasswordUpper}, {ClassLower, "lower", RulePasswordLower}, {ClassLetter, "letter", RulePasswordLetter},
	{ClassDigit, "digit", RulePasswordDigit}, {ClassSpecial, "special", RulePasswordSymbol}}

// CharClasses is a set of character classes.
type CharClasses uint8

// Has reports whether the set holds c.
func (s CharClasses) Has(c CharClass) bool { return uint8(s)&uint8(c) != 0 }

// Names lists the set's classes by name, in display order.
func (s CharClasses) Names() []string {
	var out []string
	for _, n := range charClassNames {
		if s.Has(n.c) {
			out = append(out, n.name)
		}
	}
	return out
}

// ParseCharClasses reads "upper,lower,digit,special" (spaces and case ignored; "" is no class).
// The second result is the first unknown name, "" when every name is known.
func ParseCharClasses(s string) (CharClasses, string) {
	var out CharClasses
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		f = strings.ToLower(f)
		switch f {
		case "symbol", "symbols", "specials":
			f = "special"
		case "digits", "number", "numbers":
			f = "digit"
		}
		found := false
		for _, n := range charClassNames {
			if n.name == f {
				out |= CharClasses(n.c)
				found = true
			}
		}
		if !found {
			return out, f
		}
	}
	return out, ""
}

// PasswordPolicy is what a password chosen by a directory user must hold: at least MinLength
// characters and one of each class of Classes. A school sets one per profile.
type PasswordPolicy struct {
	MinLength int         `json:"min_length"`
	Classes   CharClasses `json:"classes"`
}

// Password policy bounds: a policy shorter than the minimum is refused (8 keeps the weakest
// school above a guessable length), and the maximum bounds the argon2 input.
const (
	PasswordPolicyMinLength = 8
	PasswordPolicyMaxLength = 64 // the longest minimum a policy may ask
	PasswordMaxLength       = 256
)

// DefaultPasswordPolicy applies where a school has not chosen one: 8 characters with a letter and
// a digit, the rule admins' own passwords follow.
var DefaultPasswordPolicy = PasswordPolicy{MinLength: 8, Classes: CharClasses(ClassLetter | ClassDigit)}

// And is the policy of a password that must meet both p and q: the longer minimum and every
// class either requires.
func (p PasswordPolicy) And(q PasswordPolicy) PasswordPolicy {
	return PasswordPolicy{MinLength: max(p.MinLength, q.MinLength), Classes: p.Classes | q.Classes}
}

// Validate checks the policy itself (its minimum length).
func (p PasswordPolicy) Validate() ValidationErrors {
	if p.MinLength < PasswordPolicyMinLength || p.MinLength > PasswordPolicyMaxLength {
		return ValidationErrors{{Field: "min_length", Rule: RuleUnknownValue, Value: strconv.Itoa(p.MinLength)}}
	}
	return nil
}

// Check returns every rule pw breaks, never the password itself.
func (p PasswordPolicy) Check(field, pw string) ValidationErrors {
	var errs ValidationErrors
	n := utf8.RuneCountInString(pw)
	if n < p.MinLength || n > PasswordMaxLength {
		errs = append(errs, &ValidationError{Field: field, Rule: RulePasswordLength, Limit: max(p.MinLength, 1)})
	}
	have := p.classesOf(pw)
	for _, c := range charClassNames {
		if p.Classes.Has(c.c) && !have.Has(c.c) {
			errs = append(errs, &ValidationError{Field: field, Rule: c.rule})
		}
	}
	return errs
}

// classesOf is the set of classes pw holds.
func (PasswordPolicy) classesOf(pw string) CharClasses {
	var s CharClasses
	for _, r := range pw {
		switch {
		case unicode.IsUpper(r):
			s |= CharClasses(ClassUpper | ClassLetter)
		case unicode.IsLower(r):
			s |= CharClasses(ClassLower | ClassLetter)
		case unicode.IsLetter(r):
			s |= CharClasses(ClassLetter)
		case unicode.IsDigit(r):
			s |= CharClasses(ClassDigit)
		case !unicode.IsSpace(r) && !unicode.IsControl(r):
			s |= CharClasses(ClassSpecial)
		}
	}
	return s
}
