package main

import (
	"context"
	"errors"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"rollcall/app"
	"rollcall/model"
)

// userFieldFlags are the editable fields of a user; only flags given on the command line count.
type userFieldFlags struct {
	profile, last, first, email, birth, lang string
	classes, groups                          []string
	flags                                    *pflag.FlagSet // says which were given
}

func (u *userFieldFlags) register(fl *pflag.FlagSet) {
	u.flags = fl
	fl.StringVar(&u.profile, "profile", "", "student, teacher, parent, staff or guest")
	fl.StringVar(&u.last, "last-name", "", "last name")
	fl.StringVar(&u.first, "first-name", "", "first name")
	fl.StringVar(&u.email, "email", "", "email address (empty to remove)")
	fl.StringVar(&u.birth, "birth-date", "", "birth date, YYYY-MM-DD")
	fl.StringVar(&u.lang, "language", "", "the person's language: fr or en")
	fl.StringSliceVar(&u.classes, "class", nil, "class codes (replaces the list)")
	fl.StringSliceVar(&u.groups, "group", nil, "group codes (replaces the list)")
}

// fields builds app.UserFields from the flags that were set; classes and groups are the school
// org's (any of the admin's when 0).
func (u *userFieldFlags) fields(ctx context.Context, sess *app.Session, org model.ID) (app.UserFields, error) {
	var out app.UserFields
	var scope []model.ID
	if org != 0 {
		scope = []model.ID{org}
	}
	changed := u.flags.Changed
	if changed("profile") {
		p, ok := model.ParseProfile(u.profile)
		if !ok {
			return out, flagError("profile", u.profile)
		}
		out.Profile = &p
	}
	if changed("last-name") {
		out.LastName = &u.last
	}
	if changed("first-name") {
		out.FirstName = &u.first
	}
	if changed("email") {
		out.Email = &u.email
	}
	if changed("birth-date") {
		d, err := parseDateFlag("birth-date", u.birth)
		if err != nil {
			return out, err
		}
		out.BirthDate = &d
	}
	if changed("language") {
		l, ok := model.ParseLanguage(u.lang)
		if !ok {
			return out, flagError("language", u.lang)
		}
		out.Language = &l
	}
	if changed("class") {
		ids, err := resolveSets(ctx, sess, app.Classes, "class", u.classes, scope)
		if err != nil {
			return out, err
		}
		out.ClassIDs = &ids
	}
	if changed("group") {
		ids, err := resolveSets(ctx, sess, app.Groups, "group", u.groups, scope)
		if err != nil {
			return out, err
		}
		out.GroupIDs = &ids
	}
	return out, nil
}

// printUser reports a changed user: JSON on stdout, or a sentence on stderr.
func printUser(ctx context.Context, f *factory, sess *app.Session, u model.User, asJSON, dryRun bool, msg string, args ...any) error {
	if dryRun {
		sayDryRun(f)
	}
	if asJSON {
		names, err := loadSetNames(ctx, sess)
		if err != nil {
			return err
		}
		return f.printJSON(names.userJSON(u))
	}
	if !dryRun {
		f.say(msg, args...)
	}
	return nil
}

type usersAddOptions struct {
	f                        *factory
	uf                       userFieldFlags
	org                      string
	dryRun, asJSON, allowDup bool
}

func newUsersAddCmd(f *factory) *cobra.Command {
	o := &usersAddOptions{f: f}
	cmd := &cobra.Command{
		Use:     "add --profile P --last-name N --first-name F",
		Short:   "Create a user by hand (its fields are then protected from imports)",
		Example: `  rollcall users add --profile student --last-name Lefèvre --first-name Élodie --class "6e A"`,
		RunE:    func(cmd *cobra.Command, _ []string) error { return runUsersAdd(cmd.Context(), o) },
	}
	o.uf.register(cmd.Flags())
	cmd.Flags().StringVar(&o.org, "org", "", "organization id or UAI (needed when you administer several)")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check and show the user without creating it")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the user as JSON")
	cmd.Flags().BoolVar(&o.allowDup, "allow-duplicate", false, "create them even if they look like someone of the school (same email, or same names and birth date)")
	cmd.Flags().BoolVar(&o.allowDup, "yes", false, "the same as --allow-duplicate")
	return cmd
}

func runUsersAdd(ctx context.Context, o *usersAddOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	var orgID model.ID
	if orgID, err = orgFlag(ctx, sess, o.org); err != nil {
		return err
	}
	fields, err := o.uf.fields(ctx, sess, orgID)
	if err != nil {
		return err
	}
	fields.AllowDuplicate = o.allowDup
	u, err := sess.CreateUser(ctx, orgID, fields, o.dryRun)
	var de *model.DuplicateError
	if errors.As(err, &de) { // the exit code of a conflict (5), the sentence with its way out
		cat := f.Catalog()
		f.say("rollcall: %s\n%s", cat.Error(err), cat.Accounts.DuplicateHint)
		return errors.Join(errSilent, err)
	}
	if err != nil {
		return err
	}
	return printUser(ctx, f, sess, u, o.asJSON, o.dryRun, f.Catalog().Users.Created, u.FullName(), u.Login)
}

type usersEditOptions struct {
	f              *factory
	uf             userFieldFlags
	dryRun, asJSON bool
	user           string
}

func newUsersEditCmd(f *factory) *cobra.Command {
	o := &usersEditOptions{f: f}
	cmd := &cobra.Command{
		Use:   "edit LOGIN|ID [--field value ...]",
		Short: "Change a user's fields (each changed field is protected from imports)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.user = args[0]
			return runUsersEdit(cmd.Context(), o)
		},
	}
	o.uf.register(cmd.Flags())
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "show the result without saving it")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the user as JSON")
	return cmd
}

func runUsersEdit(ctx context.Context, o *usersEditOptions) error {
	f := o.f
	sess, u, err := signedInUser(ctx, f, o.user)
	if err != nil {
		return err
	}
	fields, err := o.uf.fields(ctx, sess, u.OrgID)
	if err != nil {
		return err
	}
	if u, err = sess.EditUser(ctx, u.ID, fields, o.dryRun); err != nil {
		return err
	}
	return printUser(ctx, f, sess, u, o.asJSON, o.dryRun, f.Catalog().Users.Updated, u.Login)
}

// usersSetAdminOptions marks user (a login or an id) as a local admin of their school, or
// unmarks them (off).
type usersSetAdminOptions struct {
	f                   *factory
	user                string
	off, dryRun, asJSON bool
}

func newUsersSetAdminCmd(f *factory) *cobra.Command {
	o := &usersSetAdminOptions{f: f}
	cmd := &cobra.Command{
		Use: "set-admin LOGIN|ID", Short: "Mark a user as a local admin of their school (--off to unmark)", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.user = args[0]
			return runUsersSetAdmin(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.off, "off", false, "unmark instead")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "show the result without saving it")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the user as JSON")
	return cmd
}

func runUsersSetAdmin(ctx context.Context, o *usersSetAdminOptions) error {
	f := o.f
	sess, u, err := signedInUser(ctx, f, o.user)
	if err != nil {
		return err
	}
	if u, err = sess.SetLocalAdmin(ctx, u.ID, !o.off, o.dryRun); err != nil {
		return err
	}
	return printUser(ctx, f, sess, u, o.asJSON, o.dryRun, f.Catalog().Users.Updated, u.Login)
}

// usersDeleteOptions deletes users (logins or ids) already pending deletion (predelete and
// restore are bulk actions, cmd_users_bulk.go).
type usersDeleteOptions struct {
	f      *factory
	refs   []string
	dryRun bool
}

func newUsersDeleteCmd(f *factory) *cobra.Command {
	o := &usersDeleteOptions{f: f}
	cmd := &cobra.Command{
		Use: "delete LOGIN|ID...", Short: "Delete users for good (only users already pending deletion)", Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.refs = args
			return runUsersDelete(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check without changing anything")
	return cmd
}

func runUsersDelete(ctx context.Context, o *usersDeleteOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	ids := make([]model.ID, len(o.refs))
	for i, ref := range o.refs {
		u, err := findUser(ctx, sess, ref)
		if err != nil {
			return err
		}
		ids[i] = u.ID
	}
	users, err := sess.DeleteUsers(ctx, ids, o.dryRun)
	if err != nil {
		return err
	}
	cat := f.Catalog()
	if o.dryRun {
		sayDryRun(f)
		return nil
	}
	f.say(cat.Users.Deleted, cat.Count(len(users), cat.Nouns.User))
	return nil
}
