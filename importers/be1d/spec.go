package be1d

import "rollcall/importers/roster"

// Format names the Base Élèves 1er degré extractions.
const Format roster.Format = "be1d"

// Spec registers the BE1D extractions.
var Spec = roster.FormatSpec{
	Format:    Format,
	Source:    string(Format),
	SniffFile: func(p *roster.Probe) roster.Fit { return Sniff(p.Header()) },
	Parse: func(j *roster.Job, u roster.Unit) error {
		return Parse(j, u.Files[0], u.Probe.Text())
	},
}
