package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

// yearRunJSON is the stable --json shape of a year's turn in the history.
type yearRunJSON struct {
	ID            model.ID       `json:"id"`
	At            time.Time      `json:"at"`
	AdminID       model.ID       `json:"admin_id"`
	OrgID         model.ID       `json:"org_id"`
	Year          string         `json:"year"`
	ClassesMode   string         `json:"classes_mode"`
	RenamePattern string         `json:"rename_pattern"`
	GraceDays     int            `json:"grace_days"`
	Counts        yearCountsJSON `json:"counts"`
	UndoneAt      time.Time      `json:"undone_at,omitzero"`
}

func toYearRunJSON(r model.ImportRun) yearRunJSON {
	out := yearRunJSON{ID: r.ID, At: r.At, AdminID: r.AdminID, UndoneAt: r.UndoneAt}
	if len(r.OrgIDs) > 0 {
		out.OrgID = r.OrgIDs[0]
	}
	if s := r.YearClose; s != nil {
		out.Year, out.ClassesMode, out.RenamePattern, out.GraceDays = s.Year, string(s.Classes), s.Pattern, s.GraceDays
		out.Counts = toYearCounts(*s)
	}
	return out
}

type yearHistoryOptions struct {
	f      *factory
	asJSON bool
}

func newYearHistoryCmd(f *factory) *cobra.Command {
	o := &yearHistoryOptions{f: f}
	cmd := &cobra.Command{
		Use: "history", Short: "List the years' turns of your schools, newest first",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runYearHistory(cmd.Context(), o) },
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runYearHistory(ctx context.Context, o *yearHistoryOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	runs, err := sess.YearCloseHistory(ctx)
	if err != nil {
		return err
	}
	if o.asJSON {
		out := []yearRunJSON{}
		for _, r := range runs {
			out = append(out, toYearRunJSON(r))
		}
		return f.printJSON(out)
	}
	cat := f.Catalog()
	if len(runs) == 0 {
		f.say("%s", cat.Year.NoHistory)
		return nil
	}
	names, err := orgNames(ctx, sess)
	if err != nil {
		return err
	}
	for _, r := range runs {
		j := toYearRunJSON(r)
		summary := cat.YearSummary(*r.YearClose)
		if r.Undone() {
			summary += " (" + cat.Year.Undone + ")"
		}
		f.printf(cat.Year.HistoryLine+"\n", r.ID.String(), cat.DateTime(r.At), j.Year, names[j.OrgID], summary)
	}
	return nil
}

// orgNames names the admin's schools by id.
func orgNames(ctx context.Context, sess *app.Session) (map[model.ID]string, error) {
	orgs, err := sess.ListOrgs(ctx)
	if err != nil {
		return nil, err
	}
	names := map[model.ID]string{}
	for _, o := range orgs {
		names[o.ID] = model.Printable(o.Name)
	}
	return names, nil
}

// yearUndoJSON is the stable --json shape of an undo.
type yearUndoJSON struct {
	Run          yearRunJSON `json:"run"`
	DryRun       bool        `json:"dry_run"`
	Users        int         `json:"users"`
	Restored     int         `json:"restored"`
	Classes      int         `json:"classes"`
	Seats        int         `json:"seats"`
	SeatsNotFree int         `json:"seats_not_free"`
}

type yearUndoOptions struct {
	f                   *factory
	dryRun, yes, asJSON bool
	run                 string
}

func newYearUndoCmd(f *factory) *cobra.Command {
	o := &yearUndoOptions{f: f}
	cmd := &cobra.Command{
		Use:   "undo RUN [--dry-run] [--yes]",
		Short: "Revert a year's turn exactly (asks first): classes, memberships, codes, the people it deleted and their seats",
		Long: `Revert a year's turn (its number is in 'rollcall year history'): people get back their classes,
groups, history, activation codes and links to children, classes their codes and names, and
the people it deleted come back with their seats where the subscription still has room. It is
refused, changing nothing, once something the turn wrote was changed since (a person edited,
a class code or login taken again).`,
		Example: `  rollcall year undo 12 --dry-run`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.run = args[0]
			return runYearUndo(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check that the undo is possible and what it would do, without doing it")
	yesFlag(cmd.Flags(), &o.yes)
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print what the undo did as JSON")
	return cmd
}

func runYearUndo(ctx context.Context, o *yearUndoOptions) error {
	f := o.f
	id, ok := model.ParseID(o.run)
	if !ok {
		return flagError("RUN", o.run)
	}
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	cat := f.Catalog()
	if !o.dryRun && !o.yes {
		rep, err := sess.UndoYearClose(ctx, id, true)
		if err != nil {
			return err
		}
		if err := confirmOrCancel(f, fmt.Sprintf(cat.Year.UndoQuestion, rep.Run.ID.String(), cat.YearSummary(*rep.Run.YearClose))); err != nil {
			return err
		}
	}
	rep, err := sess.UndoYearClose(ctx, id, o.dryRun)
	if err != nil {
		return err
	}
	if o.asJSON {
		return f.printJSON(yearUndoJSON{toYearRunJSON(rep.Run), o.dryRun, rep.Users, rep.Restored, rep.Classes, rep.Seats, rep.SeatsNotFree})
	}
	format := cat.Year.UndoDone
	if o.dryRun {
		format = cat.Year.UndoDry
	}
	f.say(format, rep.Run.ID.String(), cat.Count(rep.Users, cat.Year.People), cat.Count(rep.Restored, cat.Year.People),
		cat.Count(rep.Classes, cat.Nouns.Class), cat.Count(rep.Seats, cat.Year.Seats), cat.Int(rep.SeatsNotFree))
	return nil
}

// graceOptions are the flags of settings deletion-grace.
type graceOptions struct {
	org            string
	days           int
	dryRun, asJSON bool
}

type settingsGraceOptions struct {
	f *factory
	o graceOptions
}

func newSettingsGraceCmd(f *factory) *cobra.Command {
	o := &settingsGraceOptions{f: f}
	cmd := &cobra.Command{
		Use:   "deletion-grace --days N",
		Short: "Set how long people stay pending deletion before a year's turn deletes them",
		Long: `Set, for one of your schools (or "all"), how many days a person stays pending deletion before
'rollcall year close' deletes them (default 30; 0 deletes everyone pending; at most 3650).`,
		Example: `  rollcall settings deletion-grace --org 1 --days 60`,
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, _ []string) error { return runSettingsGrace(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.o.org, "org", "", `the school's organization id or UAI (default: your only one; "all": each of yours)`)
	fl.IntVar(&o.o.days, "days", model.DefaultDeletionGraceDays, "days pending before deletion (0 to 3650)")
	fl.BoolVar(&o.o.dryRun, "dry-run", false, "check the value without saving it")
	fl.BoolVar(&o.o.asJSON, "json", false, "print the schools' new setting as JSON")
	_ = cmd.MarkFlagRequired("days")
	return cmd
}

func runSettingsGrace(ctx context.Context, o *settingsGraceOptions) error {
	f := o.f
	sess, orgs, err := signedInSettings(ctx, f, o.o.org)
	if err != nil {
		return err
	}
	cat := f.Catalog()
	type graceJSON struct {
		OrgID     model.ID `json:"org_id"`
		OrgName   string   `json:"org_name"`
		GraceDays int      `json:"deletion_grace_days"`
		DryRun    bool     `json:"dry_run"`
	}
	out := []graceJSON{}
	for _, org := range orgs {
		school, err := sess.SetDeletionGrace(ctx, org, o.o.days, o.o.dryRun)
		if err != nil {
			return err
		}
		out = append(out, graceJSON{school.ID, school.Name, o.o.days, o.o.dryRun})
		if !o.o.asJSON && !o.o.dryRun {
			f.say(cat.Year.GraceSaved, model.Printable(school.Name), cat.Int(o.o.days))
		}
	}
	if o.o.asJSON {
		return f.printJSON(out)
	}
	if o.o.dryRun {
		sayDryRun(f)
	}
	return nil
}

// yearRecordJSON is one closed year of a person's history: the classes and groups they left.
type yearRecordJSON struct {
	Year    string   `json:"year"`
	Classes []string `json:"classes"`
	Groups  []string `json:"groups"`
}

func toHistoryJSON(h []model.YearRecord) []yearRecordJSON {
	out := []yearRecordJSON{}
	for _, y := range h {
		out = append(out, yearRecordJSON{Year: y.Year, Classes: append([]string{}, y.Classes...), Groups: append([]string{}, y.Groups...)})
	}
	return out
}

// printHistory lists what a person left at each year's turn.
func printHistory(w io.Writer, cat *i18n.Catalog, h []model.YearRecord) {
	if len(h) == 0 {
		return
	}
	fmt.Fprintf(w, "%s\n", cat.Year.PastClasses)
	for _, y := range h {
		fmt.Fprintf(w, "  %s\n", model.Printable(fmt.Sprintf(cat.Year.PastYear, y.Year, strings.Join(append(slices.Clone(y.Classes), y.Groups...), ", "))))
	}
}
