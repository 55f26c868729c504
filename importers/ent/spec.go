package ent

import "rollcall/importers/roster"

// The formats this package reads.
const (
	Format       roster.Format = "ent"        // ONE / NÉO import files, one per profile
	ExportFormat roster.Format = "ent-export" // the ENT's specific CSV export (Identifiant ENT, Profil)
)

// Spec registers the ENT import files. They need only a first and a last name, so detection
// tries them last.
var Spec = roster.FormatSpec{
	Format:    Format,
	Source:    "ent",
	SniffFile: func(p *roster.Probe) roster.Fit { return Sniff(p.File.Name, p.Header()) },
	Parse: func(j *roster.Job, u roster.Unit) error {
		return Parse(j, u.Files[0], u.Probe.Text(), u.Profile)
	},
}

// ExportSpec registers the ENT's specific CSV export. Its users share the import files' source:
// an ENT is one source whichever file it gave.
var ExportSpec = roster.FormatSpec{
	Format:    ExportFormat,
	Source:    "ent",
	SniffFile: func(p *roster.Probe) roster.Fit { return SniffExport(p.Header()) },
	Parse: func(j *roster.Job, u roster.Unit) error {
		return ParseExport(j, u.Files[0], u.Probe.Text())
	},
}
