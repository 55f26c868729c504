package model

import (
	"strconv"
	"strings"
)

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

// tempBit marks ids that exist only inside one batch being written (a seed, an import plan).
const tempBit = ID(1) << 63

// TempID returns the temporary id number i of a batch; the store replaces it by a real id.
func TempID(i int) ID { return tempBit | ID(i) }

// IsTemp reports whether id is a temporary id of a batch.
func (id ID) IsTemp() bool { return id&tempBit != 0 }

// String is the decimal form of an id, as the CLI prints and accepts it.
func (id ID) String() string { return strconv.FormatUint(uint64(id), 10) }

// ParseID reads a decimal id; 0 and garbage are refused.
func ParseID(s string) (ID, bool) {
	n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	if err != nil || n == 0 || ID(n).IsTemp() {
		return 0, false
	}
	return ID(n), true
}
