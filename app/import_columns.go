package app

import (
	"strings"

	"rollcall/importers"
	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// columnOf is how an error about a record names the columns it is about: as the record's file
// writes their headers, with their letters ("Nom, Prénom, Date de naissance (B, C, D)"). A file
// whose format names no columns (an XML feed) gets the generic word instead.
type columnOf func(roster.Columns) []roster.Column

// The columns of the planner's errors, and the generic word of each.
var (
	colID       = columnOf(func(c roster.Columns) []roster.Column { return c.ID })
	colEmail    = columnOf(func(c roster.Columns) []roster.Column { return c.Email })
	colName     = columnOf(func(c roster.Columns) []roster.Column { return c.Name })
	colClasses  = columnOf(func(c roster.Columns) []roster.Column { return c.Classes })
	colGroups   = columnOf(func(c roster.Columns) []roster.Column { return c.Groups })
	colChildren = columnOf(func(c roster.Columns) []roster.Column { return c.Children })
)

// cellError is an error located at a record's row and at the columns which of names, or at
// the generic column word when the record's file has none.
func (p *planner) cellError(where importers.Location, which columnOf, word, value string, rule model.Rule, expected string) *table.RowError {
	e := &table.RowError{File: where.File, Sheet: where.Sheet, Line: where.Line, Column: word,
		Value: table.Shorten(value, table.MaxValueInError), Rule: rule, Expected: expected}
	if cols := which(p.batch.ColumnsAt(where)); len(cols) > 0 {
		headers, letters := make([]string, len(cols)), make([]string, len(cols))
		for i, c := range cols {
			headers[i], letters[i] = c.Header, c.Letter
		}
		e.Column, e.Letter = strings.Join(headers, ", "), strings.Join(letters, ", ")
	}
	return e
}

// recordColumns is what names a record's identity: its id column when it has an id, else
// its names.
func recordColumns(rec *importers.Record) (columnOf, string) {
	if rec.ExternalID != "" {
		return colID, "id"
	}
	return colName, "name"
}
