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

func setListCmd(f *factory, set app.Set) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use: "list", Short: "List them, sorted the French way, with member counts",
		RunE: func(cmd *cobra.Command, _ []string) error {
			sess, err := signedIn(cmd.Context(), f)
			if err != nil {
				return err
			}
			infos, err := sess.ListSets(cmd.Context(), set)
			if err != nil {
				return err
			}
			if asJSON {
				out := []setJSON{}
				for _, c := range infos {
					out = append(out, toSetJSON(c))
				}
				return f.printJSON(out)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 2, 4, 2, ' ', 0)
			for _, c := range infos {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", c.Code, c.Name, c.Level, c.Members, c.OrgName)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func setCreateCmd(f *factory, set app.Set) *cobra.Command {
	var in app.SetInput
	var org string
	var dryRun, asJSON bool
	cmd := &cobra.Command{
		Use: "create --code CODE [--name NAME]", Short: "Create one (the code is unique in its organization)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			sess, err := signedIn(cmd.Context(), f)
			if err != nil {
				return err
			}
			if in.OrgID, err = orgFlag(cmd.Context(), sess, org); err != nil {
				return err
			}
			info, err := sess.CreateSet(cmd.Context(), set, in, dryRun)
			if err != nil {
				return err
			}
			return reportSet(f, info, asJSON, dryRun)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&in.Code, "code", "", "code, e.g. \"6e A\" (required)")
	fl.StringVar(&in.Name, "name", "", "name (default: the code)")
	if set == app.Classes {
		fl.StringVar(&in.Level, "level", "", "level, e.g. 6e or CM2")
	}
	fl.StringVar(&org, "org", "", "organization id or UAI (needed when you administer several)")
	fl.BoolVar(&dryRun, "dry-run", false, "check without creating")
	fl.BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func reportSet(f *factory, info app.ClassInfo, asJSON, dryRun bool) error {
	if dryRun {
		sayDryRun(f)
	}
	if asJSON {
		return f.printJSON(toSetJSON(info))
	}
	return nil
}

func setRenameCmd(f *factory, set app.Set) *cobra.Command {
	var name, level string
	var dryRun, asJSON bool
	cmd := &cobra.Command{
		Use: "rename CODE --name NAME", Short: "Rename one", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			sess, info, err := signedInSet(cmd.Context(), f, set, args[0])
			if err != nil {
				return err
			}
			if info, err = sess.RenameSet(cmd.Context(), set, info.ID, name, level, dryRun); err != nil {
				return err
			}
			return reportSet(f, info, asJSON, dryRun)
		},
	}
	cmd.Flags().StringVar(&name, "name", "", "the new name")
	if set == app.Classes {
		cmd.Flags().StringVar(&level, "level", "", "the new level")
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check without renaming")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func setDeleteCmd(f *factory, set app.Set) *cobra.Command {
	var force, dryRun bool
	cmd := &cobra.Command{
		Use: "delete CODE", Short: "Delete one (one with members needs --force; they just leave it)", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			sess, info, err := signedInSet(cmd.Context(), f, set, args[0])
			if err != nil {
				return err
			}
			if _, err := sess.DeleteSet(cmd.Context(), set, info.ID, force, dryRun); err != nil {
				return err
			}
			if dryRun {
				sayDryRun(f)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "delete even with members")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check without deleting")
	return cmd
}

func setMembersCmd(f *factory, set app.Set, add bool) *cobra.Command {
	use, short := "add-members CODE LOGIN|ID...", "Add users"
	if !add {
		use, short = "remove-members CODE LOGIN|ID...", "Remove users"
	}
	var dryRun bool
	cmd := &cobra.Command{
		Use: use, Short: short, Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			sess, info, err := signedInSet(ctx, f, set, args[0])
			if err != nil {
				return err
			}
			var ids []model.ID
			for _, ref := range args[1:] {
				u, err := findUser(ctx, sess, ref)
				if err != nil {
					return fmt.Errorf("%s: %w", strings.TrimSpace(ref), err)
				}
				ids = append(ids, u.ID)
			}
			if _, err := sess.ChangeMembers(ctx, set, info.ID, ids, add, dryRun); err != nil {
				return err
			}
			if dryRun {
				sayDryRun(f)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check without changing anything")
	return cmd
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
