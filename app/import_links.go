package app

import (
	"slices"
	"strings"

	"rollcall/importers"
	"rollcall/importers/table"
	"rollcall/model"
)

// linkChildren resolves the children each parent row names: by external id, else by last name,
// first name and class, first among the import's students, then among the directory's. A child
// that fits nobody, or two students, is an error, never a guess.
func (p *planner) linkChildren() {
	p.children = map[int][]model.ID{}
	for i := range p.batch.Records {
		rec := &p.batch.Records[i]
		if len(rec.Children) == 0 || p.recOrg[i] == 0 {
			continue
		}
		var kids []model.ID
		for _, ref := range rec.Children {
			if id, ok := p.findChild(rec, ref); ok {
				kids = appendUnique(kids, id)
			}
		}
		p.children[i] = kids
	}
}

func (p *planner) findChild(parent *importers.Record, ref importers.PersonRef) (model.ID, bool) {
	label := strings.TrimSpace(ref.LastName + " " + ref.FirstName + " " + ref.Class)
	if ref.ExternalID != "" {
		if j, ok := p.recByExt[ref.ExternalID]; ok && p.recUser[j] != 0 {
			return p.recUser[j], true
		}
		if j, ok := p.dir.byExt[ref.ExternalID]; ok {
			return p.dir.users[j].ID, true
		}
		// An id the files do not define is a dangling reference: a warning, and the parent is
		// imported without that link, unless --strict.
		e := &table.RowError{File: parent.Where.File, Sheet: parent.Where.Sheet, Line: parent.Where.Line, Column: "child",
			Value: table.Shorten(ref.ExternalID, table.MaxValueInError), Rule: RuleUnknownChild}
		p.warn(e)
		return 0, false
	}
	var found []model.ID
	for j := range p.batch.Records {
		r := &p.batch.Records[j]
		if r.Profile == model.Student && p.recUser[j] != 0 && sameName(r.LastName, r.FirstName, ref) &&
			(ref.Class == "" || slices.ContainsFunc(r.Classes, func(c string) bool { return fold(c) == fold(ref.Class) })) {
			found = append(found, p.recUser[j])
		}
	}
	if len(found) == 0 {
		found = p.directoryChildren(ref)
	}
	switch len(found) {
	case 0:
		p.rowError(parent.Where, "child", label, RuleUnknownChild, "")
	case 1:
		return found[0], true
	default:
		p.rowError(parent.Where, "child", label, RuleAmbiguousChild, "")
	}
	return 0, false
}

func (p *planner) directoryChildren(ref importers.PersonRef) []model.ID {
	var found []model.ID
	for j := range p.dir.users {
		u := &p.dir.users[j]
		if u.Profile != model.Student || !sameName(u.LastName, u.FirstName, ref) {
			continue
		}
		if ref.Class == "" || slices.ContainsFunc(u.ClassIDs, func(c model.ID) bool { return fold(p.classCode[c]) == fold(ref.Class) }) {
			found = append(found, u.ID)
		}
	}
	return found
}

func sameName(last, first string, ref importers.PersonRef) bool {
	return fold(last) == fold(ref.LastName) && fold(first) == fold(ref.FirstName)
}

// logins names users for the diff of a children change.
func (p *planner) logins(ids []model.ID) string {
	if len(ids) == 0 {
		return ""
	}
	if p.loginOf == nil { // once, not a scan of the directory per parent: re-syncing a feed's guardians
		p.loginOf = make(map[model.ID]string, len(p.dir.users))
		for i := range p.dir.users {
			p.loginOf[p.dir.users[i].ID] = p.dir.users[i].Login
		}
	}
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		name, ok := p.loginOf[id]
		if !ok {
			name = "#" + id.String()
		}
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}
