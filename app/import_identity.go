package app

import (
	"crypto/sha256"
	"encoding/base32"
	"slices"
	"strconv"
	"strings"

	"rollcall/importers"
	"rollcall/model"
)

// derivedPrefix starts the identity Rollcall derives for a row its source gives no id: no
// format's ids start with it, so a derived key never meets a real one.
const derivedPrefix = "~"

// isDerived says whether an external id is one Rollcall derived from a row's contents.
func isDerived(id string) bool { return strings.HasPrefix(id, derivedPrefix) }

// keyRecords gives every record the key it is known by in its source: the source's own id, or,
// for a row without one, a key derived from what the file says of the person (names and birth
// date, or email; for a guardian, the children's names too) within its school. Rows that say the
// same of two people are told apart by their postal address where the file gives one (whatever
// their order), else by their order in the files: the second is "#2". Users keep this key as
// their external id, so the next run finds each of them again exactly, homonyms included.
func (p *planner) keyRecords() {
	n := len(p.batch.Records)
	p.recKey = make([]string, n)
	count := map[string]int{}
	for i := range p.batch.Records {
		rec := &p.batch.Records[i]
		if rec.ExternalID != "" {
			p.recKey[i] = rec.ExternalID
			continue
		}
		p.recKey[i] = p.derivedKey(rec, p.recOrg[i])
		count[p.recKey[i]]++
	}
	seen := map[string]int{}
	for i := range p.batch.Records {
		key, addr := p.recKey[i], p.batch.Records[i].Address
		if !isDerived(key) || count[key] < 2 {
			continue
		}
		if addr != "" {
			key += addressTag(addr)
		}
		seen[key]++
		if k := seen[key]; k > 1 {
			key += "#" + strconv.Itoa(k)
		}
		p.recKey[i] = key
	}
}

func (p *planner) derivedKey(rec *importers.Record, org model.ID) string {
	var b strings.Builder
	switch {
	case rec.OrgExternalID != "":
		b.WriteString(rec.OrgExternalID)
	case !org.IsTemp():
		b.WriteString(org.String())
	}
	for _, s := range []string{rec.Profile.String(), fold(rec.LastName), fold(rec.FirstName)} {
		b.WriteByte(0)
		b.WriteString(s)
	}
	b.WriteByte(0)
	if !rec.BirthDate.IsZero() {
		b.WriteString(rec.BirthDate.String())
	} else {
		b.WriteString(rec.Email)
	}
	kids := make([]string, len(rec.Children))
	for i, c := range rec.Children {
		kids[i] = c.ExternalID + "\x01" + fold(c.LastName) + "\x01" + fold(c.FirstName)
	}
	slices.Sort(kids)
	for _, k := range kids {
		b.WriteByte(0)
		b.WriteString(k)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return derivedPrefix + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:15]))
}

// matchExact matches a record to the user that already carries its key. It runs for every
// record before any weaker match, so a user found exactly is never taken by another row.
func (p *planner) matchExact(i int) {
	rec := &p.batch.Records[i]
	p.recMatch[i] = -1
	idx, ok := p.dir.byExt[p.recKey[i]]
	if p.recOrg[i] == 0 && ok && (rec.OrgExternalID == "" || p.opts.Mode == ModeUpdate) {
		// A delta's change to someone known, or an update that may not create their new
		// school: they stay where they are.
		p.recOrg[i] = p.dir.users[idx].OrgID
	}
	if p.recOrg[i] == 0 && p.opts.Mode == ModeUpdate {
		p.skip(rec) // nobody to update in a school the store does not have
		return
	}
	if p.recOrg[i] == 0 && !ok && rec.Partial {
		p.modifiedUnknown(rec)
		return
	}
	if p.recOrg[i] == 0 {
		p.rowError(rec.Where, "", "", importers.RuleUnknownOrg, "--org")
		return
	}
	if !ok {
		return
	}
	if _, taken := p.matchedBy[p.dir.users[idx].ID]; taken {
		return // a real id twice in the files: reported as a duplicate
	}
	p.claim(i, idx)
}

func (p *planner) claim(i, idx int) {
	u := &p.dir.users[idx]
	p.matchedBy[u.ID] = i
	p.recUser[i], p.recMatch[i] = u.ID, idx
}

// claimed says whether another row of the files already is this user.
func (p *planner) claimed(idx int) bool {
	_, ok := p.matchedBy[p.dir.users[idx].ID]
	return ok
}

// tieBreak picks, among users a row's names fit, the one the rest of the row points to: the
// same email, the same children, the same classes. It returns -1 when none stands out.
func (p *planner) tieBreak(i int, candidates []int) int {
	rec := &p.batch.Records[i]
	best, bestScore, tied := -1, 0, false
	tag := ""
	if rec.Address != "" {
		tag = addressTag(rec.Address)
	}
	for _, c := range candidates {
		u := &p.dir.users[c]
		score := 0
		if tag != "" && isDerived(u.ExternalID) && strings.Contains(u.ExternalID, tag) {
			score += 8 // the homonym this source told apart by the same address
		}
		if rec.Email != "" && rec.Email == u.Email {
			score += 4
		}
		for _, kid := range p.children[i] {
			if slices.Contains(u.ChildIDs, kid) {
				score += 2
			}
		}
		for _, id := range u.ClassIDs {
			if slices.ContainsFunc(rec.Classes, func(code string) bool { return fold(code) == fold(p.classCode[id]) }) {
				score++
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, tied = c, score, false
		case score == bestScore:
			tied = true
		}
	}
	if bestScore == 0 || tied {
		return -1
	}
	return best
}

// addressTag is what a derived key keeps of a postal address: a short digest, so that a homonym
// told apart by it is found again when something else of theirs (an email) changes.
func addressTag(addr string) string {
	sum := sha256.Sum256([]byte(fold(addr)))
	return "@" + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:5]))
}
