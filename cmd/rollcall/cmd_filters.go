package main

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
	"rollcall/storage"
)

// filterJSON is the stable --json shape of a saved filter.
type filterJSON struct {
	Name      string          `json:"name"`
	Users     int             `json:"users"` // how many it selects now
	SavedAt   time.Time       `json:"saved_at,omitzero"`
	Selection model.Selection `json:"selection"`
	DryRun    bool            `json:"dry_run,omitempty"`
}

func newFiltersCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{Use: "filters", Short: "Save a selection of users under a name, to use it again with --filter"}
	cmd.AddCommand(newFiltersSaveCmd(f), newFiltersListCmd(f), newFiltersDeleteCmd(f))
	return cmd
}

type filtersSaveOptions struct {
	f                       *factory
	sf                      selectionFlags
	dryRun, asJSON, replace bool
	name                    string
}

func newFiltersSaveCmd(f *factory) *cobra.Command {
	o := &filtersSaveOptions{f: f}
	cmd := &cobra.Command{
		Use:     "save NAME [filters]",
		Short:   "Save the selection the filters describe under NAME (a filter of that name: asks, or --replace)",
		Example: `  rollcall filters save "CE2 pas activés" --class "CE2 A" --profile student --activated no`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.name = args[0]
			return runFiltersSave(cmd.Context(), o)
		},
	}
	o.sf.register(cmd.Flags())
	cmd.Flags().BoolVar(&o.replace, "replace", false, "replace a filter of that name without asking")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check the name and the filters without saving")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the saved filter as JSON")
	return cmd
}

func runFiltersSave(ctx context.Context, o *filtersSaveOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	sel, err := o.sf.selection(ctx, sess)
	if err != nil {
		return err
	}
	if err := checkFilterReplace(ctx, f, sess, o.name, o.replace); err != nil {
		return err
	}
	saved, err := sess.SaveFilter(ctx, o.name, sel, o.dryRun)
	if err != nil {
		return err
	}
	page, err := sess.FindUsers(ctx, saved.Selection, 0, 0)
	if err != nil {
		return err
	}
	cat := f.Catalog()
	sayDone(f, o.dryRun, cat.Directory.Saved.Saved, saved.Name, cat.Count(page.Total, cat.Nouns.User))
	if o.asJSON {
		return f.printJSON(filterJSON{Name: saved.Name, Users: page.Total, SavedAt: saved.SavedAt, Selection: saved.Selection, DryRun: o.dryRun})
	}
	return nil
}

type filtersListOptions struct {
	f      *factory
	asJSON bool
}

func newFiltersListCmd(f *factory) *cobra.Command {
	o := &filtersListOptions{f: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Your saved filters, with how many users each selects now",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runFiltersList(cmd.Context(), o) },
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runFiltersList(ctx context.Context, o *filtersListOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	list, err := sess.SavedFilters(ctx)
	if err != nil {
		return err
	}
	out := make([]filterJSON, 0, len(list))
	for _, s := range list {
		page, err := sess.FindUsers(ctx, s.Selection, 0, 0)
		if err != nil {
			return err
		}
		out = append(out, filterJSON{Name: s.Name, Users: page.Total, SavedAt: s.SavedAt, Selection: s.Selection})
	}
	if o.asJSON {
		return f.printJSON(out)
	}
	cat := f.Catalog()
	if len(out) == 0 {
		f.say("%s %s", cat.Directory.Saved.None, cat.Directory.Saved.NoneHint)
		return nil
	}
	w := tabwriter.NewWriter(f.env.stdout, 0, 4, 2, ' ', 0)
	for _, s := range out {
		fmt.Fprintf(w, "%s\t%s\t%s\n", s.Name, cat.Count(s.Users, cat.Nouns.User), cat.DateTime(s.SavedAt))
	}
	return w.Flush()
}

type filtersDeleteOptions struct {
	f      *factory
	dryRun bool
	name   string
}

func newFiltersDeleteCmd(f *factory) *cobra.Command {
	o := &filtersDeleteOptions{f: f}
	cmd := &cobra.Command{
		Use:   "delete NAME",
		Short: "Delete one of your saved filters (the users stay as they are)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.name = args[0]
			return runFiltersDelete(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check that the filter exists, without deleting it")
	return cmd
}

func runFiltersDelete(ctx context.Context, o *filtersDeleteOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	gone, err := sess.DeleteFilter(ctx, o.name, o.dryRun)
	if err != nil {
		return err
	}
	sayDone(f, o.dryRun, f.Catalog().Directory.Saved.Deleted, gone.Name)
	return nil
}

// checkFilterReplace lets a save replace a filter of the same name (case and spacing ignored)
// only when asked to: --replace, or yes at the question on a terminal. Without either it says
// so and exits 5, the old filter kept.
func checkFilterReplace(ctx context.Context, f *factory, sess *app.Session, name string, replace bool) error {
	old, err := sess.SavedFilter(ctx, name)
	if errors.Is(err, storage.ErrNotFound) || replace {
		return nil
	} else if err != nil {
		return err
	}
	cat := f.Catalog()
	if f.env.stdinTTY {
		if ok, err := confirm(f, fmt.Sprintf(cat.CLI.FilterReplace, old.Name)); err != nil || ok {
			return err
		}
	}
	f.say(cat.CLI.FilterExists, old.Name)
	return errors.Join(errSilent, storage.ErrConflict)
}
