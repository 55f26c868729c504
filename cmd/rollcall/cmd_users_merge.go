package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"rollcall/model"
)

// duplicatesJSON is users duplicates --json.
type duplicatesJSON struct {
	Groups []duplicateGroupJSON `json:"groups"`
}

type duplicateGroupJSON struct {
	Reason string     `json:"reason"` // email or names_birth_date
	Users  []userJSON `json:"users"`  // the oldest first
}

type usersDuplicatesOptions struct {
	f      *factory
	orgs   []string
	asJSON bool
}

func newUsersDuplicatesCmd(f *factory) *cobra.Command {
	o := &usersDuplicatesOptions{f: f}
	cmd := &cobra.Command{
		Use:   "duplicates [--org ID] [--json]",
		Short: "List accounts that are likely one person (same email, or same names and birth date), whatever their source",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runUsersDuplicates(cmd.Context(), o) },
	}
	cmd.Flags().StringSliceVar(&o.orgs, "org", nil, "only this school (an id or a UAI; repeatable)")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON: {groups: [{reason, users}]}")
	return cmd
}

func runUsersDuplicates(ctx context.Context, o *usersDuplicatesOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	var ids []model.ID
	for _, o := range splitList(o.orgs) {
		id, err := orgFlag(ctx, sess, o)
		if err != nil {
			return err
		}
		ids = append(ids, id)
	}
	groups, err := sess.Duplicates(ctx, ids)
	if err != nil {
		return err
	}
	names, err := loadSetNames(ctx, sess)
	if err != nil {
		return err
	}
	if o.asJSON {
		out := duplicatesJSON{Groups: []duplicateGroupJSON{}}
		for _, g := range groups {
			j := duplicateGroupJSON{Reason: g.Reason.String()}
			for _, u := range g.Users {
				j.Users = append(j.Users, names.userJSON(u))
			}
			out.Groups = append(out.Groups, j)
		}
		return f.printJSON(out)
	}
	cat := f.Catalog()
	if len(groups) == 0 {
		f.say("%s", cat.Accounts.NoDuplicates)
		return nil
	}
	tw := tabwriter.NewWriter(f.env.stdout, 2, 4, 2, ' ', 0)
	for _, g := range groups {
		fmt.Fprintln(tw, fmt.Sprintf(cat.Accounts.DuplicateGroup, cat.DuplicateReason(g.Reason)))
		for _, u := range g.Users {
			source := u.Source
			if u.CreatedByHand && source == "" {
				source = cat.Users.ByHand
			}
			fmt.Fprintln(tw, "  "+strings.Join([]string{model.Printable(u.FullName()), u.Login, u.Email, u.BirthDate.String(),
				cat.Profile(u.Profile), names.classList(u.ClassIDs), model.Printable(source)}, "\t"))
		}
	}
	return tw.Flush()
}

// mergeJSON is users merge --json.
type mergeJSON struct {
	Kept       userJSON `json:"kept"`
	Removed    string   `json:"removed"` // the login merged in, now deleted
	Fields     []string `json:"fields"`  // taken from the removed account
	SeatsMoved int      `json:"seats_moved"`
	SeatsFreed int      `json:"seats_freed"`
	Parents    int      `json:"parents_relinked"`
	DryRun     bool     `json:"dry_run"`
}

type usersMergeOptions struct {
	f              *factory
	dryRun, asJSON bool
	keep, other    string
}

func newUsersMergeCmd(f *factory) *cobra.Command {
	o := &usersMergeOptions{f: f}
	cmd := &cobra.Command{
		Use:   "merge KEEP OTHER [--dry-run] [--json]",
		Short: "Merge OTHER into KEEP, two accounts of one person in one school (KEEP's login stays, OTHER is deleted)",
		Long: `Merge OTHER into KEEP: KEEP takes OTHER's fields where its own are empty (with where they came from),
its source id when KEEP has none, its classes, groups, children and parents, and its seats (never
two seats of one subscription); OTHER is deleted. One transaction, in the audit log.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.keep, o.other = args[0], args[1]
			return runUsersMerge(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "say what the merge would do, changing nothing")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON: {kept, removed, fields, seats_moved, seats_freed, parents_relinked, dry_run}")
	return cmd
}

func runUsersMerge(ctx context.Context, o *usersMergeOptions) error {
	f := o.f
	sess, keep, err := signedInUser(ctx, f, o.keep)
	if err != nil {
		return err
	}
	other, err := findUser(ctx, sess, o.other)
	if err != nil {
		return err
	}
	res, err := sess.MergeUsers(ctx, keep.ID, other.ID, o.dryRun)
	if err != nil {
		return err
	}
	names, err := loadSetNames(ctx, sess)
	if err != nil {
		return err
	}
	if o.asJSON {
		fields := res.Fields
		if fields == nil {
			fields = []string{}
		}
		return f.printJSON(mergeJSON{Kept: names.userJSON(res.Kept), Removed: res.Removed.Login, Fields: fields,
			SeatsMoved: res.SeatsMoved, SeatsFreed: res.SeatsFreed, Parents: res.Parents, DryRun: o.dryRun})
	}
	cat := f.Catalog()
	sayDone(f, o.dryRun, cat.Accounts.Merged, res.Removed.Login, res.Kept.Login)
	shown := make([]string, len(res.Fields))
	for i, name := range res.Fields {
		shown[i] = cat.FieldName(name)
	}
	fields := strings.Join(shown, ", ")
	if fields == "" {
		fields = "-"
	}
	f.say(cat.Accounts.MergeDetail, fields, cat.Int(res.SeatsMoved), cat.Int(res.SeatsFreed), cat.Int(res.Parents))
	return nil
}
