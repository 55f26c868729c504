package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/importers"
	"rollcall/model"
)

type importOptions struct {
	f                                 *factory
	files                             []string // the files, folders and zips named, or - for stdin
	source, format, org, maxDeletions string
	mode, classes                     string
	dryRun, asJSON, force, verbose    bool
	strict                            bool
}

// importJSON is the stable --json shape of an import report.
type importJSON struct {
	RunID   model.ID           `json:"run_id,omitempty"`
	Mode    string             `json:"mode"`
	Source  string             `json:"source"`
	Format  string             `json:"format"`
	DryRun  bool               `json:"dry_run"`
	Files   []model.ImportFile `json:"files"`
	Counts  countsOut          `json:"counts"`
	Changes []changeJSON       `json:"changes,omitempty"`
	// Warnings are references the files do not resolve; each row was imported without that link.
	Warnings []rowProblemJSON `json:"warnings"`
	// NewClasses, NewGroups and NewOrgs name what the import created besides users.
	NewClasses []string `json:"new_classes"`
	NewGroups  []string `json:"new_groups"`
	NewOrgs    []string `json:"new_orgs"`
	// Skipped are the files the inputs held that were not read, and why.
	Skipped []rowProblemJSON `json:"skipped"`
}

// rowProblemJSON is one located problem of an import: where, which cell, which value, which rule.
type rowProblemJSON struct {
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"`
	Column string `json:"column,omitempty"`
	Letter string `json:"letter,omitempty"`
	Value  string `json:"value,omitempty"`
	Rule   string `json:"rule"`
}

type countsOut struct {
	Created         int `json:"created"`
	Updated         int `json:"updated"`
	Unchanged       int `json:"unchanged"`
	Protected       int `json:"protected"`
	PendingDeletion int `json:"pending_deletion"`
	Restored        int `json:"restored"`
	ClassesCreated  int `json:"classes_created"`
	GroupsCreated   int `json:"groups_created"`
	OrgsCreated     int `json:"orgs_created"`
	Skipped         int `json:"skipped"`
}

type changeJSON struct {
	Kind      string      `json:"kind"`
	Login     string      `json:"login"`
	LastName  string      `json:"last_name"`
	FirstName string      `json:"first_name"`
	Profile   string      `json:"profile"`
	File      string      `json:"file,omitempty"`
	Line      int         `json:"line,omitempty"`
	Fields    []fieldJSON `json:"fields,omitempty"`
	Blocked   []string    `json:"blocked,omitempty"`
	Restored  bool        `json:"restored,omitempty"`
}

type fieldJSON struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

var changeKinds = map[app.ChangeKind]string{app.Created: "created", app.Updated: "updated", app.Unchanged: "unchanged",
	app.Protected: "protected", app.PendingDeletion: "pending_deletion", app.Skipped: "skipped"}

func toCounts(c model.ImportCounts) countsOut {
	return countsOut{c.Created, c.Updated, c.Unchanged, c.Protected, c.PendingDeletion, c.Restored, c.ClassesCreated, c.GroupsCreated, c.OrgsCreated, c.Skipped}
}

func newImportCmd(f *factory) *cobra.Command {
	o := &importOptions{f: f}
	cmd := &cobra.Command{
		Use:   "import FILE|DIR|ZIP...",
		Short: "Import and sync rosters (ENT, BE1D, spreadsheets, OneRoster, SDS), all or nothing",
		Example: `  rollcall import CSV_Eleves.csv CSV_Enseignants.csv --dry-run
  rollcall import oneroster.zip --source classlink --json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.files = args
			return runImport(cmd.Context(), o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.source, "source", "", "name of the source (default: the format's family: "+formatList(importers.SourceOf)+")")
	fl.StringVar(&o.format, "format", "", "force the format: "+formatList(func(f importers.Format) string { return string(f) }))
	fl.StringVar(&o.org, "org", "", "organization id or UAI for one-school files (default: your only one)")
	fl.StringVar(&o.maxDeletions, "max-deletions", "", "most users one run may mark pending deletion: a count or a percentage (default 10%)")
	fl.StringVar(&o.mode, "mode", "sync", "sync (create, update, mark absent users pending deletion), add (create the new only) or update (update the known only)")
	fl.StringVar(&o.classes, "classes", "", "unknown class and group codes: create, or existing (refuse them; the default for spreadsheet templates)")
	fl.BoolVar(&o.dryRun, "dry-run", false, "show the full diff without writing")
	fl.BoolVar(&o.force, "force", false, "overwrite fields set by hand and local admins' fields")
	fl.BoolVar(&o.asJSON, "json", false, "print the report as JSON")
	fl.BoolVarP(&o.verbose, "verbose", "v", false, "list every change (always on with --dry-run)")
	fl.BoolVar(&o.strict, "strict", false, "refuse references the files do not define (parent org, class, agent, course) instead of warning")
	cmd.AddCommand(newImportHistoryCmd(f), newImportUndoCmd(f), newImportErrorsCmd(f), newImportTemplateCmd(f))
	return cmd
}

func runImport(ctx context.Context, o *importOptions) error {
	f := o.f
	opts := app.ImportOptions{Source: o.source, Format: importers.Format(o.format), Force: o.force, DryRun: o.dryRun, Strict: o.strict,
		Changes: o.dryRun || o.verbose} // what printChanges and reportJSON list
	if o.maxDeletions != "" {
		var ok bool
		if opts.MaxDeletions, ok = app.ParseDeletionLimit(o.maxDeletions); !ok {
			return flagError("max-deletions", o.maxDeletions)
		}
	}
	if err := o.parseChoices(&opts); err != nil {
		return err
	}
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	if opts.OrgID, err = orgFlag(ctx, sess, o.org); err != nil {
		return err
	}
	var inputs []importers.Input
	for _, p := range o.files {
		if p == "-" {
			if p, err = stdinFile(f, o.format); err != nil {
				return err
			}
			defer os.RemoveAll(filepath.Dir(p))
		}
		inputs = append(inputs, importers.Input{Path: p})
	}
	cat := f.Catalog()
	rep, err := sess.Import(ctx, inputs, opts, progressPrinter(f, cat))
	if err != nil {
		return err
	}
	if o.asJSON {
		return f.printJSON(reportJSON(rep, o.dryRun || o.verbose))
	}
	if o.dryRun || o.verbose {
		printChanges(f.env.stdout, cat, rep)
	}
	summary := cat.ImportReport(rep.Counts)
	if o.dryRun {
		summary = fmt.Sprintf(cat.Import.ReportDry, summary)
	}
	f.println(summary)
	for _, w := range []string{cat.Warnings(rep.Warnings), cat.Skipped(rep.Skipped)} {
		if w != "" {
			f.println(w)
		}
	}
	printCreatedSets(f.env.stdout, cat, rep)
	return nil
}

// progressPrinter reports import progress on stderr as plain lines, at most twice a second.
func progressPrinter(f *factory, cat *i18n.Catalog) func(app.ImportProgress) {
	var mu sync.Mutex
	var last time.Time
	var lastStage app.ImportStage = 255
	return func(p app.ImportProgress) {
		mu.Lock()
		defer mu.Unlock()
		if p.Stage == app.StageDone || (p.Stage == lastStage && time.Since(last) < 500*time.Millisecond) {
			return
		}
		last, lastStage = time.Now(), p.Stage
		t := cat.Import
		switch p.Stage {
		case app.StageParsing:
			f.say("%s", cat.Phrase(p.Rows, t.StageParsing))
		case app.StageMatching:
			f.say(t.StageMatching, cat.Int(p.Matched), cat.Int(p.Total))
		case app.StageHashing:
			f.say(t.StageHashing, cat.Int(p.Hashed), cat.Int(p.Total))
		case app.StageWriting:
			f.say("%s", cat.Phrase(p.Total, t.StageWriting))
		}
	}
}

func reportJSON(rep app.ImportReport, withChanges bool) importJSON {
	out := importJSON{RunID: rep.RunID, Mode: rep.Mode.String(), Source: rep.Source, Format: string(rep.Format), DryRun: rep.DryRun,
		Files: rep.Files, Counts: toCounts(rep.Counts), NewClasses: names(rep.NewClasses),
		NewGroups: names(rep.NewGroups), NewOrgs: names(rep.NewOrgs),
		Warnings: problemsJSON(rep.Warnings), Skipped: problemsJSON(rep.Skipped)}
	if out.Files == nil {
		out.Files = []model.ImportFile{}
	}

	if !withChanges {
		return out
	}
	for _, ch := range rep.Changes {
		j := changeJSON{Kind: changeKinds[ch.Kind], Login: ch.Login, LastName: ch.LastName, FirstName: ch.FirstName,
			Profile: ch.Profile.String(), File: ch.Where.File, Line: ch.Where.Line, Restored: ch.Restored}
		for _, fc := range ch.Fields {
			j.Fields = append(j.Fields, fieldJSON{model.FieldNames[fc.Field], fc.Old, fc.New})
		}
		for _, b := range ch.Blocked {
			j.Blocked = append(j.Blocked, model.FieldNames[b])
		}
		out.Changes = append(out.Changes, j)
	}
	return out
}

func printChanges(w io.Writer, cat *i18n.Catalog, rep app.ImportReport) {
	kinds := map[app.ChangeKind]string{app.Created: cat.Import.Created, app.Updated: cat.Import.Updated,
		app.Protected: cat.Import.Protected, app.PendingDeletion: cat.Import.PendingDeletion, app.Skipped: cat.ImportSync.SkippedKind}
	for _, ch := range rep.Changes {
		fmt.Fprintf(w, "%-13s %-24s %s %s (%s)\n", kinds[ch.Kind], ch.Login, ch.FirstName, ch.LastName, cat.Profile(ch.Profile))
		for _, fc := range ch.Fields {
			fmt.Fprintf(w, "    %-18s %q → %q\n", cat.UserField(fc.Field), fc.Old, fc.New)
		}
		for _, b := range ch.Blocked {
			fmt.Fprintf(w, "    %-18s (%s)\n", cat.UserField(b), cat.Import.Protected)
		}
	}
}

type importUndoOptions struct {
	f           *factory
	dryRun, yes bool
}

func newImportUndoCmd(f *factory) *cobra.Command {
	o := &importUndoOptions{f: f}
	cmd := &cobra.Command{
		Use: "undo [--yes]", Short: "Revert the latest import exactly, if nothing changed its users since (asks first)",
		RunE: func(cmd *cobra.Command, _ []string) error { return runImportUndo(cmd.Context(), o) },
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check that the undo is possible, without doing it")
	yesFlag(cmd.Flags(), &o.yes)
	return cmd
}

func runImportUndo(ctx context.Context, o *importUndoOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	cat := f.Catalog()
	if !o.dryRun && !o.yes { // it deletes the users the import created: ask, as the console does
		run, err := sess.UndoLastImport(ctx, true)
		if err != nil {
			return err
		}
		if err := confirmOrCancel(f, fmt.Sprintf(cat.Import.UndoQuestion, run.ID.String(), cat.DateTime(run.At), cat.ImportReport(run.Counts))); err != nil {
			return err
		}
	}
	run, err := sess.UndoLastImport(ctx, o.dryRun)
	if err != nil {
		return err
	}
	if o.dryRun {
		f.say(cat.Import.UndoDry, run.ID.String(), cat.ImportReport(run.Counts))
		return nil
	}
	f.say(cat.Import.UndoDone, run.ID.String(), cat.ImportReport(run.Counts))
	return nil
}

// formatList lists what name says of each registered format, once each, for the flags' help.
func formatList(name func(importers.Format) string) string {
	var out []string
	for _, f := range importers.Formats() {
		if n := name(f); !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

// stdinFile copies stdin (import -: a file sent over SSH, ssh server import - --format F < file)
// into a file of its own in a new temporary folder, so the importers read it like any other.
// The caller removes the folder.
func stdinFile(f *factory, format string) (string, error) {
	if format == "" {
		return "", usageError{errors.New(f.Catalog().CLIUsage.StdinFormat)}
	}
	dir, err := os.MkdirTemp("", "rollcall-stdin-")
	if err != nil {
		return "", err
	}
	name := filepath.Join(dir, "stdin") // a zip, a workbook or a CSV file is told by its content
	out, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err == nil {
		// One byte past the importers' limit is enough for them to say the file is too large.
		_, err = io.Copy(out, io.LimitReader(f.env.stdin, max(importers.MaxFileSize, importers.MaxArchiveSize)+1))
		err = errors.Join(err, out.Close())
	}
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return name, nil
}

// problemsJSON lists located problems for --json; never null.
func problemsJSON(es *importers.Errors) []rowProblemJSON {
	out := []rowProblemJSON{}
	if es != nil {
		for _, e := range es.List {
			out = append(out, rowProblemJSON{e.File, e.Line, e.Column, e.Letter, e.Value, string(e.Rule)})
		}
	}
	return out
}
