package oneroster

import "rollcall/importers/roster"

// Format names OneRoster CSV sets (1.0, 1.1, 1.2; bulk and delta).
const Format roster.Format = "oneroster"

// Spec registers OneRoster sets.
var Spec = roster.FormatSpec{
	Format:   Format,
	Source:   string(Format),
	SniffSet: SniffSet,
	Parse:    func(j *roster.Job, u roster.Unit) error { return Parse(j, u.Files) },
	Preview:  []string{"users.csv"},
}
