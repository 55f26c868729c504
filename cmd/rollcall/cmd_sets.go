package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

// setJSON is the stable --json shape of a class or group.
type setJSON struct {
	ID      model.ID `json:"id"`
	OrgID   model.ID `json:"org_id"`
	Code    string   `json:"code"`
	Name    string   `json:"name"`
	Level   string   `json:"level,omitempty"`
	Members int      `json:"members"`
	Org     string   `json:"org"` // the school's name: a code is unique per school only
	// Archived is the school year a year's turn archived the class at (classes only).
	Archived string `json:"archived,omitempty"`
}

func toSetJSON(c app.ClassInfo) setJSON {
	return setJSON{ID: c.ID, OrgID: c.OrgID, Code: c.Code, Name: c.Name, Level: c.Level, Members: c.Members, Org: c.OrgName, Archived: c.Archived}
}

// newSetCmd builds `rollcall classes` or `rollcall groups`: the two share every subcommand.
func newSetCmd(f *factory, set app.Set, use, short string) *cobra.Command {
	cmd := &cobra.Command{Use: use, Short: short}
	cmd.AddCommand(setListCmd(f, set), setCreateCmd(f, set), setRenameCmd(f, set), setDeleteCmd(f, set),
		setMembersCmd(f, set, true), setMembersCmd(f, set, false))
	return cmd
}

type setListOptions struct {
	f      *factory
	set    app.Set
	asJSON bool
}

func setListCmd(f *factory, set app.Set) *cobra.Command {
	o := &setListOptions{f: f, set: set}
	cmd := &cobra.Command{
		Use: "list", Short: "List them, sorted the French way, with member counts",
		RunE: func(cmd *cobra.Command, _ []string) error { return runSetList(cmd.Context(), o) },
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runSetList(ctx context.Context, o *setListOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	infos, err := sess.ListSets(ctx, o.set)
	if err != nil {
		return err
	}
	if o.asJSON {
		out := []setJSON{}
		for _, c := range infos {
			out = append(out, toSetJSON(c))
		}
		return f.printJSON(out)
	}
	tw := tabwriter.NewWriter(f.env.stdout, 2, 4, 2, ' ', 0)
	for _, c := range infos {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", c.Code, c.Name, c.Level, c.Members, c.OrgName)
	}
	return tw.Flush()
}

type setCreateOptions struct {
	f              *factory
	set            app.Set
	in             app.SetInput
	org            string
	dryRun, asJSON bool
}

func setCreateCmd(f *factory, set app.Set) *cobra.Command {
	o := &setCreateOptions{f: f, set: set}
	cmd := &cobra.Command{
		Use: "create --code CODE [--name NAME]", Short: "Create one (the code is unique in its organization)",
		RunE: func(cmd *cobra.Command, _ []string) error { return runSetCreate(cmd.Context(), o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.in.Code, "code", "", "code, e.g. \"6e A\" (required)")
	fl.StringVar(&o.in.Name, "name", "", "name (default: the code)")
	if set == app.Classes {
		fl.StringVar(&o.in.Level, "level", "", "level, e.g. 6e or CM2")
	}
	fl.StringVar(&o.org, "org", "", "organization id or UAI (needed when you administer several)")
	fl.BoolVar(&o.dryRun, "dry-run", false, "check without creating")
	fl.BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runSetCreate(ctx context.Context, o *setCreateOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	if o.in.OrgID, err = orgFlag(ctx, sess, o.org); err != nil {
		return err
	}
	info, err := sess.CreateSet(ctx, o.set, o.in, o.dryRun)
	if err != nil {
		return err
	}
	return reportSet(f, info, o.asJSON, o.dryRun)
}

func reportSet(f *factory, info app.ClassInfo, asJSON, dryRun bool) error {
	return reportOutcome(f, dryRun, asJSON, toSetJSON(info))
}

type setRenameOptions struct {
	f              *factory
	set            app.Set
	name, level    string
	dryRun, asJSON bool
	code           string
}

func setRenameCmd(f *factory, set app.Set) *cobra.Command {
	o := &setRenameOptions{f: f, set: set}
	cmd := &cobra.Command{
		Use: "rename CODE --name NAME", Short: "Rename one", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.code = args[0]
			return runSetRename(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.name, "name", "", "the new name")
	if set == app.Classes {
		cmd.Flags().StringVar(&o.level, "level", "", "the new level")
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check without renaming")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runSetRename(ctx context.Context, o *setRenameOptions) error {
	f := o.f
	sess, info, err := signedInSet(ctx, f, o.set, o.code)
	if err != nil {
		return err
	}
	if info, err = sess.RenameSet(ctx, o.set, info.ID, o.name, o.level, o.dryRun); err != nil {
		return err
	}
	return reportSet(f, info, o.asJSON, o.dryRun)
}

type setDeleteOptions struct {
	f             *factory
	set           app.Set
	force, dryRun bool
	code          string
}

func setDeleteCmd(f *factory, set app.Set) *cobra.Command {
	o := &setDeleteOptions{f: f, set: set}
	cmd := &cobra.Command{
		Use: "delete CODE", Short: "Delete one (one with members needs --force; they just leave it)", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.code = args[0]
			return runSetDelete(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.force, "force", false, "delete even with members")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check without deleting")
	return cmd
}

func runSetDelete(ctx context.Context, o *setDeleteOptions) error {
	f := o.f
	sess, info, err := signedInSet(ctx, f, o.set, o.code)
	if err != nil {
		return err
	}
	if _, err := sess.DeleteSet(ctx, o.set, info.ID, o.force, o.dryRun); err != nil {
		return err
	}
	if o.dryRun {
		sayDryRun(f)
	}
	return nil
}

type setMembersOptions struct {
	dryRun bool
	f      *factory
	set    app.Set
	add    bool
	code   string
	users  []string
}

func setMembersCmd(f *factory, set app.Set, add bool) *cobra.Command {
	o := &setMembersOptions{f: f, set: set, add: add}
	use, short := "add-members CODE LOGIN|ID...", "Add users"
	if !add {
		use, short = "remove-members CODE LOGIN|ID...", "Remove users"
	}
	cmd := &cobra.Command{
		Use: use, Short: short, Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.code = args[0]
			o.users = args[1:]
			return runSetMembers(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check without changing anything")
	return cmd
}

func runSetMembers(ctx context.Context, o *setMembersOptions) error {
	f := o.f
	sess, info, err := signedInSet(ctx, f, o.set, o.code)
	if err != nil {
		return err
	}
	var ids []model.ID
	for _, ref := range o.users {
		u, err := findUser(ctx, sess, ref)
		if err != nil {
			return fmt.Errorf("%s: %w", strings.TrimSpace(ref), err)
		}
		ids = append(ids, u.ID)
	}
	if _, err := sess.ChangeMembers(ctx, o.set, info.ID, ids, o.add, o.dryRun); err != nil {
		return err
	}
	if o.dryRun {
		sayDryRun(f)
	}
	return nil
}

// signedInSet opens the app for the signed-in admin and finds one of their classes or groups by
// code or id.
func signedInSet(ctx context.Context, f *factory, set app.Set, ref string) (*app.Session, app.ClassInfo, error) {
	sess, err := signedIn(ctx, f)
	if err != nil {
		return nil, app.ClassInfo{}, err
	}
	info, err := sess.FindSet(ctx, set, ref)
	return sess, info, err
}
