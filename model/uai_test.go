package model

import "testing"

func TestUAICheckLetter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		uai   string
		valid bool
		want  string
	}{
		{"0750654D", true, "D"},  // lycée Henri-IV, Paris
		{"0750655E", true, "E"},  // lycée Louis-le-Grand, Paris
		{"0000000A", true, "A"},  // 0 mod 23: the first letter
		{"0000022Z", true, "Z"},  // 22 mod 23: the last letter, past the skipped I, O, Q
		{"0000008J", true, "J"},  // 8: I is skipped
		{"0000013P", true, "P"},  // 13: O is skipped
		{"0000014R", true, "R"},  // 14: Q is skipped too
		{"0000000V", false, "A"}, // the académie's test feed
		{"0123456A", false, "S"},
		{"0750654d", false, "D"}, // upper case only; NormalizeUAI first
		{"075065D", false, ""},
		{"07506540D", false, "D"},
		{"A750654D", false, ""},
		{"", false, ""},
	}
	for _, tc := range tests {
		if got := ValidUAI(tc.uai); got != tc.valid {
			t.Errorf("ValidUAI(%q) = %v, want %v", tc.uai, got, tc.valid)
		}
		if got := UAICheckLetterFor(tc.uai); got != tc.want {
			t.Errorf("UAICheckLetterFor(%q) = %q, want %q", tc.uai, got, tc.want)
		}
	}
	if !ValidUAI(NormalizeUAI(" 0750654d ")) {
		t.Error("a lower-case letter with spaces is not normalised")
	}
}
