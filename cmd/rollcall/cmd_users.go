package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

// userJSON is the stable --json shape of a user.
type userJSON struct {
	ID             model.ID  `json:"id"`
	OrgID          model.ID  `json:"org_id"`
	Profile        string    `json:"profile"`
	LastName       string    `json:"last_name"`
	FirstName      string    `json:"first_name"`
	Login          string    `json:"login"`
	Email          string    `json:"email,omitempty"`
	BirthDate      string    `json:"birth_date,omitempty"`
	Classes        []string  `json:"classes"`
	Groups         []string  `json:"groups"`
	Activated      bool      `json:"activated"`
	ActivationCode string    `json:"activation_code,omitempty"`
	LocalAdmin     bool      `json:"local_admin"`
	PendingSince   time.Time `json:"pending_since,omitzero"`
	Suspended      bool      `json:"suspended"`
	SuspendedAt    time.Time `json:"suspended_at,omitzero"`
	CreatedAt      time.Time `json:"created_at"`
	Source         string    `json:"source,omitempty"`
	ExternalID     string    `json:"external_id,omitempty"`
	Children       []string  `json:"children,omitzero"` // a parent's children's logins
	Parents        []string  `json:"parents,omitzero"`  // a pupil's parents' logins
	// Functions are the académie's or STS-Web's, family first ("DIR$DIRECTION$D0011$CHEF
	// D'ETABLISSEMENT ADJOINT"); Subjects a teacher's subjects.
	Functions []string `json:"functions,omitempty"`
	Subjects  []string `json:"subjects,omitempty"`
}

// withFamily adds a user's children (for a parent) and parents (for a pupil) by login.
func withFamily(j userJSON, u model.User, r app.Relatives) userJSON {
	logins := func(us []model.User) []string {
		out := []string{}
		for _, x := range us {
			out = append(out, x.Login)
		}
		return out
	}
	if u.Profile == model.Parent || len(r.Children) > 0 {
		j.Children = logins(r.Children)
	}
	if u.Profile == model.Student || len(r.Parents) > 0 {
		j.Parents = logins(r.Parents)
	}
	return j
}

// setNames maps class and group ids to their codes (what --class accepts, and JSON shows) and
// class ids to their names (what tables show: a OneRoster class code is a source id).
type setNames struct{ classes, groups, classNames map[model.ID]string }

func loadSetNames(ctx context.Context, sess *app.Session) (setNames, error) {
	n := setNames{classes: map[model.ID]string{}, groups: map[model.ID]string{}, classNames: map[model.ID]string{}}
	for set, m := range map[app.Set]map[model.ID]string{app.Classes: n.classes, app.Groups: n.groups} {
		infos, err := sess.ListSets(ctx, set)
		if err != nil {
			return n, err
		}
		for _, c := range infos {
			m[c.ID] = c.Code
			if set == app.Classes {
				n.classNames[c.ID] = c.Name
			}
		}
	}
	return n, nil
}

func (n setNames) classList(ids []model.ID) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = n.classNames[id]
	}
	return strings.Join(names, ", ")
}

func (n setNames) userJSON(u model.User) userJSON {
	j := userJSON{ID: u.ID, OrgID: u.OrgID, Profile: u.Profile.String(), LastName: u.LastName, FirstName: u.FirstName,
		Login: u.Login, Email: u.Email, BirthDate: u.BirthDate.String(), Classes: []string{}, Groups: []string{},
		Activated: u.Activated(), LocalAdmin: u.LocalAdmin, PendingSince: u.PendingSince, CreatedAt: u.CreatedAt,
		Suspended: u.Suspended(), SuspendedAt: u.SuspendedAt,
		Source: u.Source, ExternalID: u.ExternalID, Functions: u.Functions, Subjects: u.Subjects}
	if !u.Activated() {
		j.ActivationCode = model.FormatCode(u.ActivationCode)
	}
	for _, id := range u.ClassIDs {
		j.Classes = append(j.Classes, n.classes[id])
	}
	for _, id := range u.GroupIDs {
		j.Groups = append(j.Groups, n.groups[id])
	}
	return j
}

func newUsersCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{Use: "users", Short: "Find, show, export and edit directory users"}
	cmd.AddCommand(newUsersListCmd(f), newUsersShowCmd(f), newUsersExportCmd(f), newUsersAddCmd(f), newUsersEditCmd(f),
		newUsersSetAdminCmd(f))
	cmd.AddCommand(newUsersDeleteCmd(f))
	cmd.AddCommand(newUsersBulkCmds(f)...)
	cmd.AddCommand(newUsersDuplicatesCmd(f), newUsersMergeCmd(f))
	cmd.AddCommand(newUsersLinkCmds(f)...)
	return cmd
}

type usersListOptions struct {
	f             *factory
	sf            selectionFlags
	asJSON        bool
	limit, offset int
}

func newUsersListCmd(f *factory) *cobra.Command {
	o := &usersListOptions{f: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the users a selection picks (all filters combine)",
		Example: `  rollcall users list --profile student --class "6e A" --activated no
  rollcall users list --search "marie dupont" --json`,
		RunE: func(cmd *cobra.Command, _ []string) error { return runUsersList(cmd.Context(), o) },
	}
	o.sf.register(cmd.Flags())
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON: {total, users: [...]}")
	cmd.Flags().IntVar(&o.limit, "limit", 0, "at most this many users (default: all); the list streams either way")
	cmd.Flags().IntVar(&o.offset, "offset", 0, "skip this many users first")
	return cmd
}

func runUsersList(ctx context.Context, o *usersListOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	sel, err := o.sf.selection(ctx, sess)
	if err != nil {
		return err
	}
	names, err := loadSetNames(ctx, sess)
	if err != nil {
		return err
	}
	if o.asJSON {
		return streamUsersJSON(ctx, f, sess, names, sel, o.offset, o.limit)
	}
	return streamUserTable(ctx, f, sess, names, sel, o.offset, o.limit)
}

func userTableHeader(w io.Writer, cat *i18n.Catalog) {
	h := cat.Users.Columns
	fmt.Fprintln(w, strings.Join([]string{h.LastName, h.FirstName, h.Profile, h.Login, h.Code, h.Email, h.Class, h.Created}, "\t"))
}

func userTableRow(w io.Writer, cat *i18n.Catalog, names setNames, u model.User) {
	j := names.userJSON(u)
	profile := cat.Profile(u.Profile)
	if u.Suspended() {
		profile += " (" + cat.Accounts.SuspendedMark + ")"
	}
	fmt.Fprintln(w, strings.Join([]string{u.LastName, u.FirstName, profile, u.Login, j.ActivationCode,
		u.Email, names.classList(u.ClassIDs), cat.Date(model.DateOf(u.CreatedAt.Local()))}, "\t"))
}

// printUserTable prints one user as the list does (users show).
func printUserTable(w io.Writer, cat *i18n.Catalog, names setNames, u model.User) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	userTableHeader(tw, cat)
	userTableRow(tw, cat, names, u)
	tw.Flush()
}

// streamUsersJSON prints {"total": N, "users": [...]} a batch of users at a time, as the store
// gives them: the first users are out before the last are read, and memory stays flat.
func streamUsersJSON(ctx context.Context, f *factory, sess *app.Session, names setNames, sel model.Selection, offset, limit int) error {
	w := bufio.NewWriterSize(f.env.stdout, 64<<10)
	first, started := true, false
	err := sess.EachUserBatch(ctx, sel, offset, limit, func(total int, users []model.User) error {
		if !started {
			fmt.Fprintf(w, "{\n  \"total\": %d,\n  \"users\": [", total)
			started = true
		}
		rel, err := sess.Relatives(ctx, users)
		if err != nil {
			return err
		}
		for _, u := range users {
			raw, err := json.MarshalIndent(withFamily(names.userJSON(u), u, rel[u.ID]), "    ", "  ")
			if err != nil {
				return err
			}
			if !first {
				w.WriteString(",")
			}
			first = false
			w.WriteString("\n    ")
			w.Write(raw)
		}
		return w.Flush()
	})
	if err != nil {
		return err
	}
	if first {
		w.WriteString("]\n}\n")
	} else {
		w.WriteString("\n  ]\n}\n")
	}
	return w.Flush()
}

// streamUserTable prints the users as a table, a batch at a time: columns line up within each
// batch of a few hundred rows.
func streamUserTable(ctx context.Context, f *factory, sess *app.Session, names setNames, sel model.Selection, offset, limit int) error {
	cat := f.Catalog()
	tw := tabwriter.NewWriter(f.env.stdout, 2, 4, 2, ' ', 0)
	userTableHeader(tw, cat)
	count := 0
	err := sess.EachUserBatch(ctx, sel, offset, limit, func(total int, users []model.User) error {
		count = total
		for _, u := range users {
			userTableRow(tw, cat, names, u)
		}
		return tw.Flush()
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(f.env.stderr, cat.Count(count, cat.Nouns.User))
	return nil
}

// signedInUser opens the app for the signed-in admin and finds one of their users.
func signedInUser(ctx context.Context, f *factory, ref string) (*app.Session, model.User, error) {
	sess, err := signedIn(ctx, f)
	if err != nil {
		return nil, model.User{}, err
	}
	u, err := findUser(ctx, sess, ref)
	return sess, u, err
}

// findUser accepts a login or a numeric id.
func findUser(ctx context.Context, sess *app.Session, ref string) (model.User, error) {
	if id, ok := model.ParseID(ref); ok {
		if u, err := sess.GetUser(ctx, id); err == nil {
			return u, nil
		}
	}
	return sess.FindUserByLogin(ctx, ref)
}

type usersExportOptions struct {
	f              *factory
	sf             selectionFlags
	format, output string
	dryRun, asJSON bool
	opts           app.ExportOptions
}

func newUsersExportCmd(f *factory) *cobra.Command {
	o := &usersExportOptions{f: f}
	cmd := &cobra.Command{
		Use:   "export -o FILE",
		Short: "Export the selection to CSV, XLSX or a platform's import file (cells neutralised against formula injection)",
		Example: `  rollcall users export --format google --email-template "{login}@college.example" --org-unit-template "/{school}/{profile}" -o google.csv
  rollcall users export --format ent-export --fields nom,prenom,profil,identifiant,classe --charset utf-8 -o ent.csv
  rollcall users export --format edulib-xlsx --profile student,teacher -o manuels.xlsx`,
		RunE: func(cmd *cobra.Command, _ []string) error { return runUsersExport(cmd.Context(), o) },
	}
	o.sf.register(cmd.Flags())
	fl := cmd.Flags()
	fl.StringVar(&o.format, "format", "csv", "csv (Excel, UTF-8), csv-fr (semicolons, French Excel), xlsx, or a platform's import file (moodle, google, ent-export, edulib-xlsx; OneRoster and SDS roster sets, a zip); one of "+
		strings.Join(app.ExportFormatNames(), ", "))
	fl.StringVarP(&o.output, "output", "o", "", "file to write (-: stdout)")
	fl.BoolVar(&o.dryRun, "dry-run", false, "count the users the export would write, writing nothing")
	fl.BoolVar(&o.asJSON, "json", false, "print a summary as JSON (format, output, users, dry_run)")
	fl.StringVar(&o.opts.EmailTemplate, "email-template", "",
		"google: the address of users without an email, on your domain: {login}@college.example; placeholders {login} {first} {last} {uai} (none: a user without an email is an error)")
	fl.StringVar(&o.opts.OrgUnitTemplate, "org-unit-template", app.DefaultGoogleOrgUnitTemplate,
		"google: each user's organizational unit (/ is the top level); placeholders {school} {uai} {profile} {class} {level}")
	fl.StringSliceVar(&o.opts.Fields, "fields", app.DefaultENTFields, "ent-export: the columns, in order, among "+strings.Join(app.ENTFields(), ", "))
	fl.StringVar(&o.opts.Charset, "charset", app.CharsetWindows1252, "ent-export: "+strings.Join(app.ExportCharsets, " or "))
	return cmd
}

func runUsersExport(ctx context.Context, o *usersExportOptions) error {
	f := o.f
	info, ok := app.ParseExportFormat(o.format)
	if !ok {
		return flagError("format", o.format)
	}
	if o.output == "" {
		return usageError{errors.New(o.f.Catalog().CLIUsage.OutputRequired)}
	}
	if o.output == "-" && f.env.stdoutTTY && !o.dryRun && (info.Ext == ".zip" || info.Ext == ".xlsx") {
		return usageError{fmt.Errorf(o.f.Catalog().CLIUsage.BinaryToTerminal, info.Ext)}
	}
	cat := f.Catalog()
	o.opts.Fields = splitList(o.opts.Fields)
	var oe *model.ExportOptionError
	if err := app.CheckExportOptions(info.Format, o.opts); errors.As(err, &oe) {
		return usageError{errors.New(cat.UnknownExportOption(oe))}
	}
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	sel, err := o.sf.selection(ctx, sess)
	if err != nil {
		return err
	}
	var n int
	switch {
	case o.dryRun:
		n, err = sess.CountExport(ctx, sel, info.Format, o.opts)
	case o.output == "-": // the file itself on stdout (ssh server users export -o - > users.csv)
		n, err = sess.ExportUsers(ctx, sel, info.Format, exportLabels(cat), o.opts, f.env.rawStdout)
	default:
		n, err = sess.ExportUsersToFile(ctx, sel, info.Format, exportLabels(cat), o.opts, o.output)
	}
	if err != nil {
		return err
	}
	if o.asJSON && o.output != "-" {
		return f.printJSON(exportSummary{Format: info.Name, Output: o.output, Users: n, DryRun: o.dryRun})
	}
	if o.dryRun {
		f.say(cat.Directory.Forms.ExportDryRun, cat.Count(n, cat.Nouns.User), o.output, info.Name)
	} else {
		f.say(cat.Users.Exported, cat.Count(n, cat.Nouns.User), o.output)
	}
	if ids, err := sess.SelectUserIDs(ctx, sel); err == nil && len(ids) > n {
		f.say(cat.Exports.LeftOut, cat.Count(len(ids)-n, cat.Nouns.User))
	}
	return nil
}

// exportSummary is users export --json.
type exportSummary struct {
	Format string `json:"format"`
	Output string `json:"output"`
	Users  int    `json:"users"`
	DryRun bool   `json:"dry_run"`
}

func exportLabels(cat *i18n.Catalog) app.ExportLabels {
	h := cat.Users.Columns
	return app.ExportLabels{
		Headers: [8]string{h.LastName, h.FirstName, h.Profile, h.Login, h.Code, h.Email, h.Class, h.Created},
		Profile: cat.Profile,
		Date:    func(t time.Time) string { return model.DateOf(t.Local()).String() },
	}
}
