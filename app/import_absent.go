package app

import (
	"slices"

	"rollcall/model"
)

// markAbsent plans pending deletion. A bulk import marks the source's users it did not see, among
// the profiles and organizations the files cover (a students file never removes teachers); a
// delta marks the users it lists as deleted. Local admins are never marked: they count as
// protected. A run that would mark more than the deletion limit stops instead.
func (p *planner) markAbsent() {
	var doomed []int
	scope := 0
	if p.batch.Delta {
		deleted := map[string]bool{}
		for _, id := range p.batch.Deleted {
			deleted[id] = true
		}
		for i := range p.dir.users {
			u := &p.dir.users[i]
			if u.Source == p.source && deleted[u.ExternalID] && !u.PendingDeletion() {
				doomed = append(doomed, i)
			}
		}
		scope = len(p.dir.byExt)
	} else {
		profiles, orgs := p.coverage()
		for i := range p.dir.users {
			u := &p.dir.users[i]
			if u.Source != p.source || !slices.Contains(profiles, u.Profile) || !slices.Contains(orgs, u.OrgID) {
				continue
			}
			scope++
			if _, seen := p.matchedBy[u.ID]; !seen && !u.PendingDeletion() {
				doomed = append(doomed, i)
			}
		}
	}
	p.markPending(doomed, scope)
}

// coverage is the profiles and organizations the import's records span.
func (p *planner) coverage() ([]model.Profile, []model.ID) {
	var profiles []model.Profile
	var orgs []model.ID
	for i := range p.batch.Records {
		if !slices.Contains(profiles, p.batch.Records[i].Profile) {
			profiles = append(profiles, p.batch.Records[i].Profile)
		}
		if o := p.recOrg[i]; o != 0 && !slices.Contains(orgs, o) {
			orgs = append(orgs, o)
		}
	}
	return profiles, orgs
}

func (p *planner) markPending(doomed []int, scope int) {
	var marked []int
	for _, i := range doomed {
		u := p.dir.users[i]
		if u.LocalAdmin && !p.opts.Force {
			p.report.Counts.Protected++
			p.change(UserChange{Kind: Protected, UserID: u.ID, Login: u.Login, LastName: u.LastName, FirstName: u.FirstName, Profile: u.Profile})
			continue
		}
		marked = append(marked, i)
	}
	if len(marked) > 0 && !p.opts.MaxDeletions.allows(len(marked), scope) {
		p.tooMany = &model.TooManyDeletionsError{Would: len(marked), Of: scope}
		return
	}
	for _, i := range marked {
		before := p.dir.users[i]
		u := before
		u.PendingSince, u.UpdatedAt = p.now, p.now
		p.out.Users = append(p.out.Users, u)
		p.undo.Before = append(p.undo.Before, before)
		p.report.Counts.PendingDeletion++
		p.change(UserChange{Kind: PendingDeletion, UserID: u.ID, Login: u.Login, LastName: u.LastName, FirstName: u.FirstName, Profile: u.Profile})
	}
}

// finish attaches the run and its undo data to the batch.
func (p *planner) finish() {
	p.undo.RunID, p.undo.WrittenAt = p.runID, p.now
	files := make([]model.ImportFile, len(p.batch.Files))
	for i, f := range p.batch.Files {
		files[i] = model.ImportFile{Name: f.Name, SHA256: f.SHA256, Rows: f.Rows}
	}
	p.report.Files, p.report.Source, p.report.Format, p.report.Mode = files, p.source, p.batch.Format, p.opts.Mode
	_, orgs := p.coverage()
	p.out.Import = &model.ImportRun{ID: p.runID, At: p.now, Source: p.source, Format: string(p.batch.Format),
		Files: files, Counts: p.report.Counts, OrgIDs: orgs}
	p.out.Import.Warnings, p.out.Import.WarningsOmitted = keptProblems(p.batch.Warnings)
	p.out.Undo = &p.undo
}

// release drops what only planning needed (the parsed records, the directory snapshot, the
// per-record tables) once the batch and the report are built, so that the write, which holds
// the whole batch encoded, does not also hold everything it came from: at 300,000 users that is
// a few hundred megabytes of peak. The batch's file list and warnings stay for the report and
// the history.
func (p *planner) release() {
	p.batch.Records, p.batch.Classes, p.batch.Deleted = nil, nil, nil
	p.dir = directorySnapshot{target: p.dir.target}
	p.recKey, p.recUser, p.recOrg, p.recMatch = nil, nil, nil, nil
	p.children, p.matchedBy, p.emailRows, p.loginOf, p.recByExt = nil, nil, nil, nil, nil
	p.studentByName, p.dirStudentByName = nil, nil
	p.orgOf, p.classOf, p.groupOf, p.classDefs, p.classOfRaw = nil, nil, nil, nil, nil
}
