package ent

import (
	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// childCols are a parents file's child columns. The French template repeats a triple
// (Nom de l'élève; Prénom de l'élève; Classes de l'élève) once per child; the English one repeats
// Childexternalid. The k-th occurrence of each column belongs to the k-th child.
type childCols struct {
	last, first, class, id []int
}

func childColumns(h *table.Header) childCols {
	return childCols{
		last:  h.Indexes(colChildLast),
		first: h.Indexes(colChildFirst),
		class: h.Indexes(colChildClass),
		id:    h.Indexes(colChildID),
	}
}

func at(fields []string, idx []int, k int) (string, int) {
	if k >= len(idx) {
		return "", -1
	}
	return table.Clean(table.Value(fields, idx[k])), idx[k]
}

// read returns the children a row names, reporting a child given by half a name.
func (c childCols) read(r *roster.Row) []roster.PersonRef {
	var out []roster.PersonRef
	n := max(len(c.last), len(c.first), len(c.class))
	for k := 0; k < n; k++ {
		last, li := at(r.Fields, c.last, k)
		first, fi := at(r.Fields, c.first, k)
		class, _ := at(r.Fields, c.class, k)
		if last == "" && first == "" && class == "" {
			continue
		}
		if last == "" {
			r.Fail(li, "", model.RuleRequired, "")
		}
		if first == "" {
			r.Fail(fi, "", model.RuleRequired, "")
		}
		ref := roster.PersonRef{LastName: last, FirstName: first, Class: r.Job.ClassByName(class, "")}
		out = appendRef(out, ref)
	}
	for k := range c.id {
		if id, _ := at(r.Fields, c.id, k); id != "" {
			out = appendRef(out, roster.PersonRef{ExternalID: id})
		}
	}
	return out
}

func appendRef(list []roster.PersonRef, ref roster.PersonRef) []roster.PersonRef {
	for _, x := range list {
		if x == ref {
			return list
		}
	}
	return append(list, ref)
}
