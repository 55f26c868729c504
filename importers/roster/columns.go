package roster

import "rollcall/importers/table"

// Column is one header as a file writes it, and its letter: "Classe", "E".
type Column struct{ Header, Letter string }

// Columns are the columns of one file (or worksheet) that the import planner's errors are about,
// as that file names them: a class the school does not have is in column "Classe (E)" of one
// file and "Division (C)" of another. A column the file lacks is left out.
type Columns struct {
	ID, Login, Email, Classes, Groups, Org []Column
	// Name holds what a match by name compares: last name, first name, birth date.
	Name []Column
	// Children holds the columns that name a parent's children.
	Children []Column
}

// ColumnKeys names, for one format, the schema keys of each of Columns' columns.
type ColumnKeys struct {
	ID, Login, Email, Classes, Groups, Org []string
	Name, Children                         []string
}

// Of returns the columns of h that k names, in k's order; those h lacks are left out.
func (k *ColumnKeys) Of(h *table.Header) Columns {
	of := func(keys []string) []Column {
		var out []Column
		for _, key := range keys {
			if i := h.Index(key); i >= 0 && i < len(h.Cells) {
				out = append(out, Column{Header: h.Cells[i], Letter: table.Letter(i)})
			}
		}
		return out
	}
	return Columns{ID: of(k.ID), Login: of(k.Login), Email: of(k.Email), Classes: of(k.Classes), Groups: of(k.Groups),
		Org: of(k.Org), Name: of(k.Name), Children: of(k.Children)}
}

// SetColumns records the columns of the file (or worksheet) at loc, whose records the import
// planner may report about.
func (j *Job) SetColumns(loc table.Location, c Columns) {
	if j.Batch.columns == nil {
		j.Batch.columns = map[columnsKey]Columns{}
	}
	j.Batch.columns[columnsKey{loc.File, loc.Sheet}] = c
}

// ColumnsAt returns the columns of the file (or worksheet) a record was read from; none when
// its format did not say (an XML feed has no columns).
func (b *Batch) ColumnsAt(loc table.Location) Columns {
	return b.columns[columnsKey{loc.File, loc.Sheet}]
}

type columnsKey struct{ file, sheet string }
