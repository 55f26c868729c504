package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

// bulkJSON is the --json shape of a bulk action: what it did (or would do, dry) and to whom.
type bulkJSON struct {
	Action  string   `json:"action"`
	DryRun  bool     `json:"dry_run"`
	Changed int      `json:"changed"`
	Skipped int      `json:"skipped"`
	Users   []string `json:"users"` // the logins changed
}

// bulkNames are the actions' names in --json, in app.BulkActions order.
var bulkNames = map[app.BulkAction]string{app.BulkSuspend: "suspend", app.BulkUnsuspend: "unsuspend",
	app.BulkPending: "predelete", app.BulkRestore: "restore", app.BulkNewCodes: "regen-code"}

// newUsersBulkCmds are suspend, unsuspend, predelete, restore and regen-code: each acts on the
// users named (logins or ids) or on a selection (the filters of users list, or --all), at once
// and all or nothing. On a selection it asks first (--yes without a terminal); regen-code of
// one user prints that user, as it always did.
func newUsersBulkCmds(f *factory) []*cobra.Command {
	type verb struct {
		use, short string
		action     app.BulkAction
	}
	verbs := []verb{
		{"suspend", "Suspend accounts: they keep their data, get no card or email and cannot sign in", app.BulkSuspend},
		{"unsuspend", "Give suspended accounts back", app.BulkUnsuspend},
		{"predelete", "Mark users for deletion (they can be restored)", app.BulkPending},
		{"restore", "Take users out of pending deletion", app.BulkRestore},
		{"regen-code", "Give users not yet activated new activation codes (their old cards stop working)", app.BulkNewCodes},
	}
	out := make([]*cobra.Command, 0, len(verbs))
	for _, v := range verbs {
		out = append(out, newBulkCmd(f, v.use, v.short, v.action))
	}
	return out
}

// bulkOptions acts on the users named (args) or on a selection (sf, or all).
type bulkOptions struct {
	f                        *factory
	action                   app.BulkAction
	sf                       selectionFlags
	dryRun, asJSON, yes, all bool
	refs                     []string
}

func newBulkCmd(f *factory, use, short string, action app.BulkAction) *cobra.Command {
	o := &bulkOptions{f: f, action: action}
	cmd := &cobra.Command{
		Use:   use + " [LOGIN|ID...] [--class C --profile P --level L … | --all]",
		Short: short,
		Args:  cobra.ArbitraryArgs,
		Example: fmt.Sprintf(`  rollcall users %[1]s marie.curie jean.dupont
  rollcall users %[1]s --class "3e A" --profile student --dry-run --json`, use),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.refs = args
			return runBulk(cmd.Context(), o)
		},
	}
	o.sf.register(cmd.Flags())
	cmd.Flags().BoolVar(&o.all, "all", false, "every user of your schools (or of --org)")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "say what would change, changing nothing")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON: {action, dry_run, changed, skipped, users}")
	cmd.Flags().BoolVar(&o.yes, "yes", false, "act on a selection without asking (needed without a terminal)")
	return cmd
}

func runBulk(ctx context.Context, o *bulkOptions) error {
	f := o.f
	cat := f.Catalog()
	bySelection := o.sf.given() || o.all
	if len(o.refs) == 0 && !bySelection || len(o.refs) > 0 && bySelection {
		return usageError{fmt.Errorf("%s", cat.Accounts.NeedSelection)}
	}
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	if o.action == app.BulkNewCodes && len(o.refs) == 1 { // one user: the user, as before
		return regenOne(ctx, f, sess, o.refs[0], o.dryRun, o.asJSON)
	}
	ids, err := bulkTargets(ctx, sess, &o.sf, o.action, o.refs)
	if err != nil {
		return err
	}
	if bySelection && !o.dryRun && !o.yes {
		q := fmt.Sprintf(cat.Accounts.Confirm, cat.Accounts.Actions[o.action-1], cat.Count(len(ids), cat.Nouns.User))
		if err := confirmOrCancel(f, q); err != nil {
			return err
		}
	}
	res, err := sess.Bulk(ctx, o.action, ids, o.dryRun)
	if err != nil {
		return err
	}
	return printBulk(f, res, o.asJSON)
}

// bulkTargets are the users named, or those the selection picks. Restoring picks among users
// pending deletion, and giving back among suspended ones, unless the flags say otherwise.
func bulkTargets(ctx context.Context, sess *app.Session, sf *selectionFlags, action app.BulkAction, args []string) ([]model.ID, error) {
	if len(args) > 0 {
		ids := make([]model.ID, 0, len(args))
		for _, ref := range args {
			u, err := findUser(ctx, sess, ref)
			if err != nil {
				return nil, err
			}
			ids = append(ids, u.ID)
		}
		return ids, nil
	}
	sel, err := sf.selection(ctx, sess)
	if err != nil {
		return nil, err
	}
	if action == app.BulkRestore && !sf.fl.Changed("pending") {
		sel.Pending = model.PendingOnly
	}
	if action == app.BulkUnsuspend && !sf.fl.Changed("suspended") {
		sel.Suspended = model.TriYes
	}
	return sess.SelectUserIDs(ctx, sel)
}

func printBulk(f *factory, res app.BulkResult, asJSON bool) error {
	cat := f.Catalog()
	if asJSON {
		out := bulkJSON{Action: bulkNames[res.Action], DryRun: res.DryRun, Changed: len(res.Changed), Skipped: res.Skipped, Users: []string{}}
		for _, u := range res.Changed {
			out.Users = append(out.Users, u.Login)
		}
		slices.Sort(out.Users)
		return f.printJSON(out)
	}
	n := cat.Count(len(res.Changed), cat.Nouns.User)
	if res.DryRun {
		f.say(cat.Accounts.DryRun, n)
	} else {
		f.say(cat.Accounts.Done[res.Action-1], n)
	}
	if res.Skipped > 0 {
		f.say(cat.Accounts.Skipped, cat.Count(res.Skipped, cat.Nouns.User))
	}
	return nil
}

// regenOne gives one user a new code and prints them (their new code in --json).
func regenOne(ctx context.Context, f *factory, sess *app.Session, ref string, dryRun, asJSON bool) error {
	u, err := findUser(ctx, sess, ref)
	if err != nil {
		return err
	}
	if u, err = sess.RegenerateActivationCode(ctx, u.ID, dryRun); err != nil {
		return err
	}
	return printUser(ctx, f, sess, u, asJSON, dryRun, f.Catalog().Users.Updated, u.Login)
}
