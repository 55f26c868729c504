package sds

import "rollcall/importers/roster"

// The formats this package reads.
const (
	V1Format roster.Format = "sds-v1" // School Data Sync v1 CSV (School.csv, Student.csv, …)
	V2Format roster.Format = "sds-v2" // School Data Sync v2.1 CSV (orgs.csv, users.csv, roles.csv, …)
)

// source is both versions' source, so a school moving from v1 to v2 keeps its users.
const source = "sds"

// V1 registers SDS v1 sets.
var V1 = roster.FormatSpec{
	Format:   V1Format,
	Source:   source,
	SniffSet: SniffV1,
	Parse:    func(j *roster.Job, u roster.Unit) error { return ParseV1(j, u.Files) },
	Preview:  []string{"Student.csv", "Teacher.csv"},
}

// V2 registers SDS v2.1 sets.
var V2 = roster.FormatSpec{
	Format:   V2Format,
	Source:   source,
	SniffSet: SniffV2,
	Parse:    func(j *roster.Job, u roster.Unit) error { return ParseV2(j, u.Files) },
	Preview:  []string{"users.csv"},
}
