package app

import (
	"slices"
	"strings"

	"rollcall/importers"
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
		p.warn(p.cellError(parent.Where, colChildren, "child", ref.ExternalID, RuleUnknownChild, ""))
		return 0, false
	}
	var found []model.ID
	for _, j := range p.studentsNamed(ref) {
		r := &p.batch.Records[j]
		if ref.Class == "" || slices.ContainsFunc(r.Classes, func(c string) bool { return fold(c) == fold(ref.Class) }) {
			found = append(found, p.recUser[j])
		}
	}
	if len(found) == 0 {
		found = p.directoryChildren(ref)
	}
	switch len(found) {
	case 0:
		p.errs.Add(p.cellError(parent.Where, colChildren, "child", label, RuleUnknownChild, ""))
	case 1:
		return found[0], true
	default:
		p.errs.Add(p.cellError(parent.Where, colChildren, "child", label, RuleAmbiguousChild, ""))
	}
	return 0, false
}

// studentsNamed lists the files' students (known or new) with a child reference's names. The
// index is built on first use: a parents file naming 40,000 children by name would otherwise
// read every row of the files for each of them.
func (p *planner) studentsNamed(ref importers.PersonRef) []int {
	if p.studentByName == nil {
		p.studentByName = map[string][]int{}
		for j := range p.batch.Records {
			if r := &p.batch.Records[j]; r.Profile == model.Student && p.recUser[j] != 0 {
				k := personName(r.LastName, r.FirstName)
				p.studentByName[k] = append(p.studentByName[k], j)
			}
		}
	}
	return p.studentByName[personName(ref.LastName, ref.FirstName)]
}

// dirStudentsNamed is studentsNamed for the directory's students.
func (p *planner) dirStudentsNamed(ref importers.PersonRef) []int {
	if p.dirStudentByName == nil {
		p.dirStudentByName = map[string][]int{}
		for j := range p.dir.users {
			if u := &p.dir.users[j]; u.Profile == model.Student {
				k := personName(u.LastName, u.FirstName)
				p.dirStudentByName[k] = append(p.dirStudentByName[k], j)
			}
		}
	}
	return p.dirStudentByName[personName(ref.LastName, ref.FirstName)]
}

// personName is the key names are compared by.
func personName(last, first string) string { return fold(last) + "\x00" + fold(first) }

func (p *planner) directoryChildren(ref importers.PersonRef) []model.ID {
	var found []model.ID
	for _, j := range p.dirStudentsNamed(ref) {
		u := &p.dir.users[j]
		if ref.Class == "" || slices.ContainsFunc(u.ClassIDs, func(c model.ID) bool { return fold(p.classCode[c]) == fold(ref.Class) }) {
			found = append(found, u.ID)
		}
	}
	return found
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
