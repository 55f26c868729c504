package main

import (
	"context"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

// newUsersLinkCmds are `users link PARENT CHILD` and `users unlink PARENT CHILD`.
func newUsersLinkCmds(f *factory) []*cobra.Command {
	build := func(use, short string, on bool) *cobra.Command {
		var dryRun, asJSON bool
		cmd := &cobra.Command{
			Use: use + " PARENT CHILD", Short: short, Args: cobra.ExactArgs(2),
			RunE: func(cmd *cobra.Command, args []string) error {
				ctx := cmd.Context()
				sess, parent, err := signedInUser(ctx, f, args[0])
				if err != nil {
					return err
				}
				child, err := findUser(ctx, sess, args[1])
				if err != nil {
					return err
				}
				u, err := sess.LinkChild(ctx, parent.ID, child.ID, on, dryRun)
				if err != nil {
					return err
				}
				cat := f.Catalog()
				msg := cat.People.Linked
				if !on {
					msg = cat.People.Unlinked
				}
				if dryRun {
					sayDryRun(f)
				} else {
					f.say(msg, model.Printable(u.Login), model.Printable(child.Login))
				}
				if !asJSON {
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
				if dryRun { // the link as it would be: the index has not seen it
					rel[u.ID] = dryRelatives(ctx, sess, u)
				}
				return f.printJSON(withFamily(names.userJSON(u), u, rel[u.ID]))
			},
		}
		cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check without changing anything")
		cmd.Flags().BoolVar(&asJSON, "json", false, "print the parent as JSON, with their children")
		return cmd
	}
	return []*cobra.Command{
		build("link", "Link a parent to a child by hand (protected from imports)", true),
		build("unlink", "Unlink a parent from a child by hand (protected from imports)", false),
	}
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
