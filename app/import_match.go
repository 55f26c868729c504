package app

import (
	"strings"

	"rollcall/importers"
)

// checkBatchDuplicates finds one person twice in the files before anything is matched: two rows
// with one external id, or with one email and the same names (the same parent in the parents
// and the staff files). It also counts emails: one shared by several rows of the files is a
// placeholder ("no-reply@…", a family address) and identifies nobody.
func (p *planner) checkBatchDuplicates() {
	byExt, byEmailName := map[string]int{}, map[string]int{}
	p.emailRows = map[string]int{}
	for i := range p.batch.Records {
		rec := &p.batch.Records[i]
		if rec.ExternalID != "" {
			if first, dup := byExt[rec.ExternalID]; dup {
				p.duplicate(i, first, "id", rec.ExternalID)
			} else {
				byExt[rec.ExternalID] = i
			}
		}
		if rec.Email == "" {
			continue
		}
		p.emailRows[rec.Email]++
		// One email and the same names is one person, whatever the files say their profile is
		// (a parent who also works at the school); one email and other names is a family address.
		key := rec.Email + "\x00" + fold(rec.LastName) + "\x00" + fold(rec.FirstName)
		if first, dup := byEmailName[key]; dup && rec.ExternalID == "" {
			p.duplicate(i, first, "email", rec.Email)
		} else if !dup {
			byEmailName[key] = i
		}
	}
}

func (p *planner) duplicate(i, first int, column, value string) {
	rec, other := &p.batch.Records[i], &p.batch.Records[first]
	e := &importers.RowError{File: rec.Where.File, Sheet: rec.Where.Sheet, Line: rec.Where.Line, Column: column,
		Value: value, Rule: RuleDuplicatePerson, Other: other.Where}
	p.errs.Add(e)
}

// match finds the existing user a record is: by the source's external id, then by login, then by
// email, then by last name, first name and birth date (by name and profile when the birth date
// is unknown on both sides, as in ENT parents files). It returns -1 for a new person, and
// reports a row whose key fits two users.
func (p *planner) match(rec *importers.Record) int {
	d := &p.dir
	if rec.ExternalID != "" {
		if i, ok := d.byExt[rec.ExternalID]; ok {
			return i
		}
	}
	if rec.Login != "" {
		if i, ok := d.byLogin[strings.ToLower(rec.Login)]; ok && p.adoptable(i, rec) {
			return i
		}
	}
	if rec.Email != "" && p.emailRows[rec.Email] == 1 {
		if i, ok := p.single(rec, d.byEmail[rec.Email], "email", rec.Email); ok {
			return i
		}
	}
	key := nameKey(rec.LastName, rec.FirstName, rec.BirthDate, rec.Profile)
	if i, ok := p.single(rec, d.byName[key], "name", rec.LastName+" "+rec.FirstName+" "+rec.BirthDate.String()); ok {
		return i
	}
	return -1
}

// adoptable says whether a user found by a weak key (login, email, name) may be this record:
// not a user the same source already knows under another external id.
func (p *planner) adoptable(i int, rec *importers.Record) bool {
	u := &p.dir.users[i]
	return !(u.Source == p.source && u.ExternalID != "" && rec.ExternalID != "" && u.ExternalID != rec.ExternalID)
}

// single picks the one adoptable candidate; two are an error, not a guess.
func (p *planner) single(rec *importers.Record, candidates []int, how, value string) (int, bool) {
	found := -1
	for _, i := range candidates {
		if !p.adoptable(i, rec) {
			continue
		}
		if found >= 0 {
			p.rowError(rec.Where, how, value, RuleAmbiguousMatch, p.dir.users[found].Login+", "+p.dir.users[i].Login)
			return -1, false
		}
		found = i
	}
	return found, found >= 0
}

// matchRecord decides who a record is: an existing user, or a new one with a temporary id.
func (p *planner) matchRecord(i int) {
	rec := &p.batch.Records[i]
	p.recMatch[i] = -1
	if p.recOrg[i] == 0 {
		p.rowError(rec.Where, "", "", importers.RuleUnknownOrg, "--org")
		return
	}
	idx := p.match(rec)
	if idx < 0 {
		p.recUser[i] = p.newTemp()
		return
	}
	u := &p.dir.users[idx]
	if first, dup := p.matchedBy[u.ID]; dup {
		p.duplicate(i, first, "user", u.Login)
		return
	}
	p.matchedBy[u.ID] = i
	p.recUser[i], p.recMatch[i] = u.ID, idx
}

// planRecord plans a matched record's update or a new record's account.
func (p *planner) planRecord(i int) {
	if p.recUser[i] == 0 {
		return // no organization, or a duplicate: already reported
	}
	rec := &p.batch.Records[i]
	want := p.wanted(rec, p.recOrg[i])
	if kids, ok := p.children[i]; ok {
		want.children, want.hasKids = kids, true
	}
	if p.recMatch[i] < 0 {
		p.createUser(i, rec, p.recOrg[i], want)
		return
	}
	p.updateUser(i, rec, p.recMatch[i], want)
}

// assignOrgs gives every record its organization. A parent whose row names none (SDS parents
// come from relationships.csv) belongs to the school of their first child in the files.
func (p *planner) assignOrgs() {
	byExt := map[string]int{}
	for i := range p.batch.Records {
		rec := &p.batch.Records[i]
		p.recOrg[i] = p.recordOrg(rec)
		if rec.ExternalID != "" {
			byExt[rec.ExternalID] = i
		}
	}
	for i := range p.batch.Records {
		if p.recOrg[i] != 0 {
			continue
		}
		for _, ref := range p.batch.Records[i].Children {
			if j, ok := byExt[ref.ExternalID]; ok && p.recOrg[j] != 0 {
				p.recOrg[i] = p.recOrg[j]
				break
			}
		}
	}
}
