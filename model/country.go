package model

import "strings"

// Countries lists the ISO 3166-1 alpha-2 codes a signup offers first, in the order shown; any
// other well-formed two-letter code is accepted too.
var Countries = []string{"FR", "BE", "CH", "LU", "CA", "GB", "IE", "US", "DE", "ES", "IT", "NL", "PT", "MA", "SN", "CI", "TN", "DZ"}

// ValidCountry accepts a two-letter ASCII country code in either case.
func ValidCountry(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) != 2 {
		return false
	}
	for i := 0; i < 2; i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
