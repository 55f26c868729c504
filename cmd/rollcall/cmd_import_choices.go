package main

import (
	"fmt"
	"io"

	"rollcall/app"
	"rollcall/i18n"
)

// parseChoices reads --mode and --classes into the import's options.
func (o *importOptions) parseChoices(opts *app.ImportOptions) error {
	var ok bool
	if opts.Mode, ok = app.ParseImportMode(o.mode); !ok {
		return flagError("mode", o.mode)
	}
	if o.classes != "" {
		if opts.Classes, ok = app.ParseClassPolicy(o.classes); !ok {
			return flagError("classes", o.classes)
		}
	}
	return nil
}

// printCreatedSets says, in words, which classes, groups and organizations an import created.
func printCreatedSets(w io.Writer, cat *i18n.Catalog, rep app.ImportReport) {
	for _, l := range cat.ImportCreatedSets(rep.NewOrgs, rep.NewClasses, rep.NewGroups) {
		fmt.Fprintln(w, l)
	}
}

// names is a list for JSON: [] rather than null when empty.
func names(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
