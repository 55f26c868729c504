package aaf

import (
	"rollcall/importers/roster"
)

// Preview shows the first n entries of a feed's file, one row each: what the entry asks,
// its category, its id, and the person's or school's name.
func Preview(f *roster.File, n int) (part string, header []string, rows [][]string, ok bool) {
	r, c, err := newReader(f)
	if err != nil {
		return "", nil, nil, false
	}
	defer c.Close()
	ops := map[op]string{opAdd: "addRequest", opModify: "modifyRequest", opDelete: "deleteRequest"}
	for len(rows) < n {
		e, bad := r.next()
		if e == nil || bad != nil {
			break
		}
		name := first(e.first(keySn), first(e.first(keyStructureNomCourant), e.first(keyStructureUAI)))
		rows = append(rows, []string{ops[e.op], e.category, e.id(), name, e.first(keyGivenName)})
	}
	return "", []string{"request", "category", "id", "name", "givenName"}, rows, true
}
