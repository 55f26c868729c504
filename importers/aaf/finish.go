package aaf

import (
	"slices"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// finish does what needs the whole feed: guardians get the children that name them, teachers
// their subjects' labels, people of an undefined structure a warning, and a delta is flagged.
func (p *feed) finish() {
	b := p.job.Batch
	b.Delta = b.Delta || p.delta
	if b.Delta {
		b.DeltaOrgColumn = "ENTPersonStructRattach"
	}
	warned := map[string]bool{}
	for i := range b.Records {
		rec := &b.Records[i]
		if kids := p.guardian[rec.ExternalID]; rec.Profile == model.Parent && len(kids) > 0 {
			rec.Children = slices.Grow(rec.Children, len(kids))
			for _, kid := range kids {
				rec.Children = append(rec.Children, roster.PersonRef{ExternalID: kid})
			}
		}
		for _, code := range p.subjects[i] {
			label := p.labels[code]
			if label == "" {
				label = code
			}
			rec.Subjects = roster.AppendUnique(rec.Subjects, label)
		}
		// A delta names schools its full feed defined: the import, which knows the store,
		// tells those it does not have either.
		if s := rec.OrgExternalID; !b.Delta && s != "" && !p.job.HasOrg(s) && !warned[s] {
			warned[s] = true
			p.job.Dangling(&table.RowError{File: rec.Where.File, Line: rec.Where.Line, Column: "ENTPersonStructRattach",
				Value: s, Rule: RuleUndefinedStructure})
		}
	}
}
