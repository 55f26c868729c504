package i18n

import (
	"fmt"
	"strconv"
	"strings"

	"rollcall/importers/table"
	"rollcall/model"
)

// RowError says where a file is wrong and what was expected there, in this language:
// "eleves.csv, line 12, column Date de naissance* (C), value "31/02/2014": must be a date
// (expected: DD/MM/YYYY)".
func (c *Catalog) RowError(e *table.RowError) string {
	var b strings.Builder
	file := e.File
	if e.Sheet != "" {
		file += " [" + e.Sheet + "]"
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, c.Import.At, file, e.Line)
	} else {
		b.WriteString(file)
	}
	if e.Column != "" || e.Letter != "" {
		b.WriteString(", ")
		fmt.Fprintf(&b, c.Import.Column, e.Column, e.Letter)
	}
	if e.Value != "" {
		b.WriteString(", ")
		fmt.Fprintf(&b, c.Import.Value, e.Value)
	}
	b.WriteString(c.colon)
	switch {
	case e.Rule == table.RuleUnknownOrg && e.Expected == "":
		b.WriteString(c.Importers.UnknownOrgRef) // a reference to an org, not a row without one
	case e.Rule == model.RulePasswordLength && e.Expected != "":
		n, _ := strconv.Atoi(e.Expected) // the school's minimum, said in the rule's own words
		fmt.Fprintf(&b, c.Rules.PasswordLength, n)
	default:
		b.WriteString(c.importRule(e.Rule))
	}
	if e.Expected != "" && e.Rule != model.RulePasswordLength {
		expected := e.Expected
		if e.Rule == model.RuleDate && c.dateLetters != nil {
			expected = c.dateLetters.Replace(expected) // DD/MM/YYYY reads JJ/MM/AAAA in French
		}
		b.WriteString(" (")
		fmt.Fprintf(&b, c.Import.Expected, expected)
		b.WriteString(")")
	}
	if e.Other.File != "" {
		b.WriteString("; ")
		fmt.Fprintf(&b, c.Import.FirstAt, fmt.Sprintf(c.Import.At, e.Other.File, e.Other.Line))
	}
	if len(e.Tried) > 0 {
		var tried []string
		for _, t := range e.Tried {
			tried = append(tried, t.Format+" ("+strings.Join(t.Missing, ", ")+")")
		}
		b.WriteString("; ")
		fmt.Fprintf(&b, c.Import.Tried, strings.Join(tried, "; "))
	}
	return b.String()
}

// RowErrors formats every error of an import, one a line, and how many more were not listed.
func (c *Catalog) RowErrors(es *table.Errors) string {
	lines := make([]string, 0, len(es.List)+1)
	for _, e := range es.List {
		lines = append(lines, c.RowError(e))
	}
	if es.Omitted > 0 {
		lines = append(lines, fmt.Sprintf(c.Import.AndMore, c.Int(es.Omitted)))
	}
	return strings.Join(lines, "\n")
}

func (c *Catalog) importRule(r model.Rule) string {
	t := c.Import
	m := map[model.Rule]string{
		table.RuleUnknownFormat: t.UnknownFormat, table.RuleMixedFormats: t.MixedFormats,
		table.RuleMissingColumn: t.MissingColumn, table.RuleMissingFile: t.MissingFile,
		table.RuleEmptyFile: t.EmptyFile, table.RuleDuplicateID: t.DuplicateID,
		table.RuleUnknownClass: t.UnknownClass, table.RuleUnknownUser: t.UnknownUser,
		table.RuleUnknownOrg: t.UnknownOrg, table.RuleUnknownProfile: t.UnknownProfile,
		table.RuleBadZip: t.BadZip, table.RuleUnsafePath: t.UnsafePath, table.RuleTooLarge: t.TooLarge,
		table.RuleTooManyColumns: t.TooManyColumns, table.RuleUnterminatedQuote: t.UnterminatedQuote,
		table.RuleBadXLSX: t.BadXLSX, "ambiguous_match": t.AmbiguousMatch, "duplicate_person": t.DuplicatePerson,
		"unknown_child": t.UnknownChild, "ambiguous_child": t.AmbiguousChild,
		table.RuleUnknownCourse: c.Importers.UnknownCourse, table.RuleBadEncoding: c.Importers.BadEncoding,
		"no_such_class": c.ImportSync.NoSuchClass, "no_such_group": c.ImportSync.NoSuchGroup,
		table.RuleControlChar: c.Importers.ControlChar, table.RuleNotRegular: c.Importers.NotRegular,
		table.RuleNotRoster: c.Importers.NotRoster, table.RuleNotInSet: c.Importers.NotInSet,
		table.RuleNothingToImport: c.Importers.NothingToImport, table.RuleFieldCount: c.Importers.FieldCount,
	}
	if s, ok := m[r]; ok {
		return s
	}
	return c.Rule(r)
}
