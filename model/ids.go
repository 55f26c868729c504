package model

// ID identifies a stored record. Zero means "not stored yet".
type ID uint64

// Language is a UI or card language, as a lower-case BCP 47 primary tag.
type Language string

// The languages Rollcall speaks.
const (
	English Language = "en"
	French  Language = "fr"
)

// Languages lists the supported languages in the order a picker shows them.
var Languages = []Language{French, English}

// ParseLanguage accepts "fr", "fr_FR.UTF-8", "French", "Français" and the like.
func ParseLanguage(s string) (Language, bool) {
	s = foldLower(s)
	switch {
	case s == "":
		return "", false
	case len(s) >= 2 && s[:2] == "fr":
		return French, true
	case len(s) >= 2 && s[:2] == "en":
		return English, true
	}
	return "", false
}

// Valid reports whether l is a supported language.
func (l Language) Valid() bool { return l == English || l == French }
