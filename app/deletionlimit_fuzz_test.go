package app

import "testing"

// FuzzParseDeletionLimit: --max-deletions never panics, and an accepted limit is a count of zero
// or more, or a percentage from 0 to 100.
func FuzzParseDeletionLimit(f *testing.F) {
	for _, s := range []string{"10%", "25", "0", "100%", "-1", "150%", "%", "1e3%", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, ok := ParseDeletionLimit(s)
		if !ok {
			return
		}
		if l.IsPercent && (l.Percent < 0 || l.Percent > 100) || !l.IsPercent && l.Count < 0 {
			t.Fatalf("ParseDeletionLimit(%q) = %+v", s, l)
		}
		if l.allows(1, 0) && (l.IsPercent || l.Count == 0) {
			t.Fatalf("%q: a limit of nothing allowed a deletion", s)
		}
	})
}
