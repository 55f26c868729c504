package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

func newYearCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{Use: "year", Short: "The school year's turn: close a school's year, list and undo the turns"}
	cmd.AddCommand(newYearCloseCmd(f), newYearUndoCmd(f), newYearHistoryCmd(f))
	return cmd
}

// yearCloseOptions are the flags of year close.
type yearCloseOptions struct {
	f                           *factory
	org, year, classes, pattern string
	dryRun, asJSON, yes         bool
}

func newYearCloseCmd(f *factory) *cobra.Command {
	o := &yearCloseOptions{f: f}
	cmd := &cobra.Command{
		Use:   "close --org ID [--classes archive|rename|keep] [--rename-pattern P] [--dry-run] [--yes]",
		Short: "Close a school's year: pupils leave their classes, classes are archived, leavers go (asks first)",
		Long: `Close the school year of one of your schools, in one transaction that 'rollcall year undo RUN'
reverts:

  - every member leaves the school's classes, and pupils leave its groups; what each person
    left is kept in their history ('rollcall users show'), and their classes and groups are no
    longer protected from imports, so the new year's files fill them again;
  - classes are archived (the default: out of use, renamed by --rename-pattern, by default
    "{code} ({year})", so the new year's files can create "3e A" again), renamed and kept in
    use (--classes rename, a --rename-pattern required), or kept as they are, empty
    (--classes keep); {code} is the class's code (or name), {year} the year closed;
  - people pending deletion for longer than the school's grace period (30 days unless set with
    'rollcall settings deletion-grace') are deleted, their seats freed and parents unlinked;
  - the activation codes of the other people pending deletion stop working.

The whole plan is printed first; without --dry-run it asks before writing (--yes without a
terminal).`,
		Example: `  rollcall year close --org 0750654D --dry-run
  rollcall year close --org 1 --classes rename --rename-pattern "{code} {year}" --yes --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runYearClose(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.org, "org", "", "the school's organization id or UAI (default: your only one)")
	fl.StringVar(&o.year, "year", "", "the school year closed, as the history shows it (default: the one running today, "+model.SchoolYearAt(time.Now())+")")
	fl.StringVar(&o.classes, "classes", "archive", "what becomes of the classes: archive, rename or keep")
	fl.StringVar(&o.pattern, "rename-pattern", "", `how classes are renamed: {code} and {year} (default for archive: "{code} ({year})")`)
	fl.BoolVar(&o.dryRun, "dry-run", false, "print the plan without changing anything")
	fl.BoolVar(&o.asJSON, "json", false, "print the plan (and the run) as JSON")
	yesFlag(fl, &o.yes)
	return cmd
}

func runYearClose(ctx context.Context, o *yearCloseOptions) error {
	f := o.f
	mode, err := model.ParseClassesMode(o.classes)
	if err != nil {
		return flagError("classes", o.classes)
	}
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	org, err := orgFlag(ctx, sess, o.org)
	if err != nil {
		return err
	}
	opts := app.YearCloseOptions{OrgID: org, Year: o.year, Classes: mode, Pattern: o.pattern}
	cat := f.Catalog()
	if !o.dryRun && !o.yes {
		plan, err := sess.CloseYear(ctx, opts, true)
		if err != nil {
			return err
		}
		printYearPlan(f, cat, plan, f.env.stderr)
		if err := confirmOrCancel(f, fmt.Sprintf(cat.Year.Question, plan.Summary.Year, plan.OrgName)); err != nil {
			return err
		}
	}
	plan, err := sess.CloseYear(ctx, opts, o.dryRun)
	if err != nil {
		return err
	}
	if o.asJSON {
		return f.printJSON(toYearPlanJSON(plan, o.dryRun))
	}
	if o.dryRun || o.yes {
		printYearPlan(f, cat, plan, f.env.stdout)
	}
	if o.dryRun {
		f.say("%s", cat.Year.Dry)
		return nil
	}
	f.say(cat.Year.Done, plan.Summary.Year, plan.OrgName, plan.RunID.String(), plan.RunID.String())
	return nil
}

// yearListMax is how many classes and deleted people the text plan names; --json lists all.
const yearListMax = 20

func printYearPlan(f *factory, cat *i18n.Catalog, p app.YearClosePlan, w interface{ Write([]byte) (int, error) }) {
	fmt.Fprintf(w, cat.Year.PlanTitle+"\n", p.Summary.Year, p.OrgName)
	for _, line := range cat.YearPlanLines(p.Summary) {
		fmt.Fprintf(w, "- %s\n", line)
	}
	for i, c := range p.Classes {
		if i == yearListMax {
			fmt.Fprintf(w, cat.Year.More+"\n", cat.Int(len(p.Classes)-i))
			break
		}
		fmt.Fprintf(w, cat.Year.ClassLine+"\n", model.Printable(c.OldCode), model.Printable(c.NewCode))
	}
	for i, d := range p.Deleted {
		if i == yearListMax {
			fmt.Fprintf(w, cat.Year.More+"\n", cat.Int(len(p.Deleted)-i))
			break
		}
		fmt.Fprintf(w, cat.Year.DeletedLine+"\n", model.Printable(d.Login), model.Printable(d.Name), cat.Date(model.DateOf(d.PendingSince)))
	}
}

// yearPlanJSON is the stable --json shape of a year's turn, planned (dry_run) or applied.
type yearPlanJSON struct {
	RunID         model.ID          `json:"run_id,omitempty"`
	Applied       bool              `json:"applied"`
	DryRun        bool              `json:"dry_run"`
	OrgID         model.ID          `json:"org_id"`
	OrgName       string            `json:"org_name"`
	Year          string            `json:"year"`
	ClassesMode   string            `json:"classes_mode"`
	RenamePattern string            `json:"rename_pattern"`
	GraceDays     int               `json:"grace_days"`
	Counts        yearCountsJSON    `json:"counts"`
	Leavers       []yearLeaverJSON  `json:"leavers"`
	Classes       []yearClassJSON   `json:"classes"`
	Deleted       []yearDeletedJSON `json:"deleted"`
}

type yearCountsJSON struct {
	LeftClasses     int `json:"left_classes"`
	ClassesChanged  int `json:"classes_changed"`
	Deleted         int `json:"deleted"`
	SeatsFreed      int `json:"seats_freed"`
	CodesVoided     int `json:"codes_voided"`
	ParentsUnlinked int `json:"parents_unlinked"`
}

type yearLeaverJSON struct {
	ID         model.ID `json:"id"`
	Login      string   `json:"login"`
	Name       string   `json:"name"`
	Profile    string   `json:"profile"`
	Classes    []string `json:"classes"`
	Groups     []string `json:"groups"`
	CodeVoided bool     `json:"code_voided"`
}

type yearClassJSON struct {
	ID       model.ID `json:"id"`
	Code     string   `json:"code"`
	NewCode  string   `json:"new_code"`
	Name     string   `json:"name"`
	NewName  string   `json:"new_name"`
	Archived bool     `json:"archived"`
}

type yearDeletedJSON struct {
	ID           model.ID  `json:"id"`
	Login        string    `json:"login"`
	Name         string    `json:"name"`
	Profile      string    `json:"profile"`
	PendingSince time.Time `json:"pending_since"`
	Seats        int       `json:"seats"`
}

func toYearCounts(s model.YearCloseSummary) yearCountsJSON {
	return yearCountsJSON{s.LeftClasses, s.ClassesChanged, s.Deleted, s.SeatsFreed, s.CodesVoided, s.ParentsUnlinked}
}

func toYearPlanJSON(p app.YearClosePlan, dryRun bool) yearPlanJSON {
	s := p.Summary
	out := yearPlanJSON{RunID: p.RunID, Applied: p.Applied, DryRun: dryRun, OrgID: p.OrgID, OrgName: p.OrgName,
		Year: s.Year, ClassesMode: string(s.Classes), RenamePattern: s.Pattern, GraceDays: s.GraceDays,
		Counts: toYearCounts(s), Leavers: []yearLeaverJSON{}, Classes: []yearClassJSON{}, Deleted: []yearDeletedJSON{}}
	orEmpty := func(l []string) []string {
		if l == nil {
			return []string{}
		}
		return l
	}
	for _, l := range p.Leavers {
		out.Leavers = append(out.Leavers, yearLeaverJSON{l.UserID, l.Login, l.Name, l.Profile.String(),
			orEmpty(l.Classes), orEmpty(l.Groups), l.CodeVoided})
	}
	for _, c := range p.Classes {
		out.Classes = append(out.Classes, yearClassJSON{c.ClassID, c.OldCode, c.NewCode, c.OldName, c.NewName, c.Archived})
	}
	for _, d := range p.Deleted {
		out.Deleted = append(out.Deleted, yearDeletedJSON{d.UserID, d.Login, d.Name, d.Profile.String(), d.PendingSince, d.Seats})
	}
	return out
}
