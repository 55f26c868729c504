package main

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

// runJSON is the stable --json shape of a run in the history.
type runJSON struct {
	ID       model.ID           `json:"id"`
	At       time.Time          `json:"at"`
	AdminID  model.ID           `json:"admin_id"`
	By       string             `json:"admin_email,omitempty"`
	Status   string             `json:"status"` // completed or failed
	Source   string             `json:"source"`
	Format   string             `json:"format"`
	Files    []model.ImportFile `json:"files"`
	Counts   countsOut          `json:"counts"`
	Errors   int                `json:"errors"`   // located errors kept for a failed run (rollcall import errors ID)
	Warnings int                `json:"warnings"` // a completed run's warnings (rollcall import errors ID too)
	UndoneAt time.Time          `json:"undone_at,omitzero"`
}

func runStatus(r model.ImportRun) string {
	if r.Failed {
		return "failed"
	}
	return "completed"
}

type importHistoryOptions struct {
	f      *factory
	asJSON bool
}

func newImportHistoryCmd(f *factory) *cobra.Command {
	o := &importHistoryOptions{f: f}
	cmd := &cobra.Command{
		Use: "history", Short: "List past imports, newest first, failed ones too, with their files and reports",
		RunE: func(cmd *cobra.Command, _ []string) error { return runImportHistory(cmd.Context(), o) },
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runImportHistory(ctx context.Context, o *importHistoryOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	runs, err := sess.ImportHistory(ctx)
	if err != nil {
		return err
	}
	by, err := importAuthors(ctx, sess, runs)
	if err != nil {
		return err
	}
	if o.asJSON {
		out := []runJSON{}
		for _, r := range runs {
			out = append(out, runJSON{r.ID, r.At, r.AdminID, by[r.AdminID], runStatus(r), r.Source, r.Format,
				r.Files, toCounts(r.Counts), len(r.Problems) + r.Failure.Omitted, len(r.Warnings) + r.WarningsOmitted, r.UndoneAt})
		}
		return f.printJSON(out)
	}
	cat := f.Catalog()
	for _, r := range runs {
		f.printf("#%d  %s  %s  %s  %s\n", r.ID, cat.DateTime(r.At), by[r.AdminID], r.Source, cat.ImportRunSummary(r))
		for _, file := range r.Files {
			f.printf("      %s  sha256:%s  (%s)\n", file.Name, file.SHA256, cat.Count(file.Rows, cat.Nouns.Row))
		}
	}
	return nil
}

type importErrorsOptions struct {
	f   *factory
	run string
}

func newImportErrorsCmd(f *factory) *cobra.Command {
	o := &importErrorsOptions{f: f}
	return &cobra.Command{
		Use: "errors RUN", Short: "Show again why a past import failed, or what a completed one warned about: each located",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.run = args[0]
			return runImportErrors(cmd.Context(), o)
		},
	}
}

func runImportErrors(ctx context.Context, o *importErrorsOptions) error {
	f := o.f
	id, ok := model.ParseID(o.run)
	if !ok {
		return flagError("RUN", o.run)
	}
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	run, err := sess.ImportRun(ctx, id)
	if err != nil {
		return err
	}
	cat := f.Catalog()
	if failure := app.RunFailure(run); failure != nil {
		f.say(cat.ImportSync.ErrorsOf, run.ID.String())
		f.println(cat.Error(failure))
		return nil
	}
	if warnings := app.RunWarnings(run); warnings != nil {
		f.say(cat.ImportSync.WarningsOf, run.ID.String())
		f.println(cat.Warnings(warnings))
		return nil
	}
	f.say(cat.ImportSync.NoErrors, run.ID.String())
	return nil
}
