package app

import (
	"strings"

	"rollcall/importers"
	"rollcall/model"
)

// checkBatchDuplicates finds one person twice in the files before anything is matched: two rows
// with one external id, or with one email and the same names (the same parent in the parents
// and the staff files). It also counts emails: one shared by several rows of the files is a
// placeholder ("no-reply@…", a family address) and identifies nobody.
func (p *planner) checkBatchDuplicates() {
	byEmailName := map[string]int{}
	p.recByExt, p.emailRows = make(map[string]int, len(p.batch.Records)), make(map[string]int, len(p.batch.Records))
	for i := range p.batch.Records {
		if email := p.batch.Records[i].Email; email != "" {
			p.emailRows[email]++
		}
	}
	for i := range p.batch.Records {
		rec := &p.batch.Records[i]
		if rec.ExternalID != "" {
			if first, dup := p.recByExt[rec.ExternalID]; dup {
				p.duplicate(i, first, colID, "id", rec.ExternalID)
			} else {
				p.recByExt[rec.ExternalID] = i
			}
		}
		if rec.Email == "" || p.emailRows[rec.Email] == 1 {
			continue // counted first: an email no other row has needs no names compared
		}
		// One email and the same names is one person, whatever the files say their profile is
		// (a parent who also works at the school); one email and other names is a family address.
		key := rec.Email + "\x00" + fold(rec.LastName) + "\x00" + fold(rec.FirstName)
		if first, dup := byEmailName[key]; dup && rec.ExternalID == "" {
			p.duplicate(i, first, colEmail, "email", rec.Email)
		} else if !dup {
			byEmailName[key] = i
		}
	}
}

func (p *planner) duplicate(i, first int, which columnOf, word, value string) {
	rec, other := &p.batch.Records[i], &p.batch.Records[first]
	e := p.cellError(rec.Where, which, word, value, RuleDuplicatePerson, "")
	e.Value, e.Other = value, other.Where
	p.errs.Add(e)
}

// match finds the existing user a record is when no user carries its key (matchExact ran
// first): by login, then by email, then by last name, first name and birth date (by name and
// profile when the birth date is unknown on both sides, as in ENT parents files). Users another
// row already is are not candidates. It returns -1 for a new person, and reports a row whose key
// fits two users that nothing else in the row tells apart.
func (p *planner) match(i int) int {
	p.weakKeys()
	d, rec := &p.dir, &p.batch.Records[i]
	if rec.Login != "" {
		if idx, ok := d.byLogin[strings.ToLower(rec.Login)]; ok && p.adoptable(idx, rec) {
			return idx
		}
	}
	if rec.Email != "" && p.emailRows[rec.Email] == 1 {
		if idx, ok := p.single(i, d.byEmail[rec.Email], colEmail, "email", rec.Email); ok {
			return idx
		}
	}
	if len(d.byName) == 0 {
		return -1 // an empty school: nobody to find by name
	}
	candidates := d.byName[nameKey(rec.LastName, rec.FirstName, rec.BirthDate, rec.Profile)]
	if len(candidates) == 0 {
		return -1
	}
	if idx, ok := p.single(i, candidates, colName, "name", strings.TrimSpace(rec.LastName+" "+rec.FirstName+" "+rec.BirthDate.String())); ok {
		return idx
	}
	return -1
}

// adoptable says whether a user found by a weak key (login, email, name) may be this record:
// not a user the same source already knows under another id of its own.
func (p *planner) adoptable(i int, rec *importers.Record) bool {
	u := &p.dir.users[i]
	return !(u.Source == p.source && u.ExternalID != "" && !isDerived(u.ExternalID) && rec.ExternalID != "" && u.ExternalID != rec.ExternalID)
}

// single picks the one adoptable candidate that no other row is; two are an error, not a guess,
// unless the rest of the row tells them apart.
func (p *planner) single(i int, candidates []int, which columnOf, word, value string) (int, bool) {
	rec := &p.batch.Records[i]
	var open []int
	for _, c := range candidates {
		if p.adoptable(c, rec) && !p.claimed(c) {
			open = append(open, c)
		}
	}
	switch len(open) {
	case 0:
		return -1, false
	case 1:
		return open[0], true
	}
	if best := p.tieBreak(i, open); best >= 0 {
		return best, true
	}
	p.errs.Add(p.cellError(rec.Where, which, word, value, RuleAmbiguousMatch, p.dir.users[open[0]].Login+", "+p.dir.users[open[1]].Login))
	return -1, false
}

// matchRecord decides who a record that matchExact left unmatched is: an existing user, or a
// new one with a temporary id.
func (p *planner) matchRecord(i int) {
	if p.recOrg[i] == 0 || p.recMatch[i] >= 0 {
		return // no organization (reported), or already found by its key
	}
	idx := p.match(i)
	if idx < 0 {
		p.recUser[i] = p.newTemp()
		return
	}
	u := &p.dir.users[idx]
	if first, dup := p.matchedBy[u.ID]; dup {
		which, word := recordColumns(&p.batch.Records[i])
		p.duplicate(i, first, which, word, u.Login)
		return
	}
	p.claim(i, idx)
}

// planRecord plans a matched record's update or a new record's account.
func (p *planner) planRecord(i int) {
	if p.recUser[i] == 0 {
		return // no organization, or a duplicate: already reported
	}
	rec := &p.batch.Records[i]
	switch {
	case p.opts.Mode == ModeAdd && p.recMatch[i] >= 0:
		p.report.Counts.Unchanged++ // adding touches nobody the directory has
		return
	case p.opts.Mode == ModeUpdate && p.recMatch[i] < 0:
		p.skip(rec)
		return
	}
	org := p.recOrg[i]
	if p.batch.FromRollcall && p.recMatch[i] >= 0 {
		org = p.dir.users[p.recMatch[i]].OrgID // Rollcall's export does not say the school: the user's is kept
	}
	want := p.wanted(rec, org)
	if kids, ok := p.children[i]; ok {
		want.children, want.hasKids = kids, true
	}
	if p.recMatch[i] < 0 {
		if rec.Partial && rec.LastName == "" && rec.FirstName == "" {
			p.modifiedUnknown(rec)
			return
		}
		if want.profile == model.ProfileUnknown {
			want.profile = rec.ProfileIfNew
		}
		p.createUser(i, rec, p.recOrg[i], want)
		return
	}
	p.updateUser(i, rec, p.recMatch[i], want)
}

// assignOrgs gives every record its organization. A parent whose row names none (SDS parents
// come from relationships.csv) belongs to the school of their first child in the files.
func (p *planner) assignOrgs() {
	warned := map[string]bool{}
	for i := range p.batch.Records {
		rec := &p.batch.Records[i]
		p.recOrg[i] = p.recordOrg(rec)
		if s := rec.OrgExternalID; p.batch.DeltaOrgColumn != "" && s != "" && !warned[s] {
			// A delta names schools its full feed defined: only one the store does not have
			// either is undefined (the reader could not know).
			if _, ok := p.orgByExt(s); !ok {
				warned[s] = true
				p.warn(&importers.RowError{File: rec.Where.File, Line: rec.Where.Line, Column: p.batch.DeltaOrgColumn,
					Value: s, Rule: importers.RuleUndefinedStructure})
			}
		}
	}
	for i := range p.batch.Records {
		if p.recOrg[i] != 0 {
			continue
		}
		for _, ref := range p.batch.Records[i].Children {
			if j, ok := p.recByExt[ref.ExternalID]; ok && p.recOrg[j] != 0 {
				p.recOrg[i] = p.recOrg[j]
				break
			}
		}
	}
}
