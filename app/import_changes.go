package app

// change lists one user's line of the diff, when the import was asked for the list
// (ImportOptions.Changes); the counts are kept either way.
func (p *planner) change(ch UserChange) {
	if p.opts.Changes {
		p.report.Changes = append(p.report.Changes, ch)
	}
}
