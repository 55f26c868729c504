package main

import (
	"context"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

// newUsersLinkCmds are `users link PARENT CHILD` and `users unlink PARENT CHILD`.
func newUsersLinkCmds(f *factory) []*cobra.Command {
	return []*cobra.Command{
		newUsersLinkCmd(f, "link", "Link a parent to a child by hand (protected from imports)", true),
		newUsersLinkCmd(f, "unlink", "Unlink a parent from a child by hand (protected from imports)", false),
	}
}

// usersLinkOptions links (on) or unlinks parent and child, each a login or an id.
type usersLinkOptions struct {
	f              *factory
	on             bool
	parent, child  string
	dryRun, asJSON bool
}

func newUsersLinkCmd(f *factory, use, short string, on bool) *cobra.Command {
	o := &usersLinkOptions{f: f, on: on}
	cmd := &cobra.Command{
		Use: use + " PARENT CHILD", Short: short, Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.parent, o.child = args[0], args[1]
			return runUsersLink(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check without changing anything")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the parent as JSON, with their children")
	return cmd
}

func runUsersLink(ctx context.Context, o *usersLinkOptions) error {
	f := o.f
	sess, parent, err := signedInUser(ctx, f, o.parent)
	if err != nil {
		return err
	}
	child, err := findUser(ctx, sess, o.child)
	if err != nil {
		return err
	}
	u, err := sess.LinkChild(ctx, parent.ID, child.ID, o.on, o.dryRun)
	if err != nil {
		return err
	}
	cat := f.Catalog()
	msg := cat.People.Linked
	if !o.on {
		msg = cat.People.Unlinked
	}
	sayDone(f, o.dryRun, msg, model.Printable(u.Login), model.Printable(child.Login))
	if !o.asJSON {
		return nil
	}
	names, err := loadSetNames(ctx, sess)
	if err != nil {
		return err
	}
	rel, err := sess.Relatives(ctx, []model.User{u})
	if err != nil {
		return err
	}
	if o.dryRun { // the link as it would be: the index has not seen it
		rel[u.ID] = dryRelatives(ctx, sess, u)
	}
	return f.printJSON(withFamily(names.userJSON(u), u, rel[u.ID]))
}

// dryRelatives are the children u lists, read one by one.
func dryRelatives(ctx context.Context, sess *app.Session, u model.User) app.Relatives {
	var r app.Relatives
	for _, id := range u.ChildIDs {
		if c, err := sess.GetUser(ctx, id); err == nil {
			r.Children = append(r.Children, c)
		}
	}
	return r
}
