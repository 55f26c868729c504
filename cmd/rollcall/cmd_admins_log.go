package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

// auditJSON is the stable --json shape of one `admins log` entry.
type auditJSON struct {
	ID         model.ID  `json:"id"`
	At         time.Time `json:"at"`
	AdminID    model.ID  `json:"admin_id"`
	AdminEmail string    `json:"admin_email"`
	Action     string    `json:"action"`
	OrgID      model.ID  `json:"org_id,omitempty"`
	SubjectID  model.ID  `json:"subject_id,omitempty"`
	Detail     string    `json:"detail"`
}

type adminsLogOptions struct {
	f       *factory
	q       app.AuditQuery
	org, by string
	asJSON  bool
}

func newAdminsLogCmd(f *factory) *cobra.Command {
	o := &adminsLogOptions{f: f}
	cmd := &cobra.Command{
		Use:   "log",
		Short: "Show who changed what in your organizations, newest first",
		Example: `  rollcall admins log --limit 20
  rollcall admins log --action users. --admin paul@example.fr --json`,
		RunE: func(cmd *cobra.Command, _ []string) error { return runAdminsLog(cmd.Context(), o) },
	}
	cmd.Flags().IntVar(&o.q.Limit, "limit", 100, "most entries shown")
	cmd.Flags().StringVar(&o.org, "org", "", "only this organization")
	cmd.Flags().StringVar(&o.by, "admin", "", "only changes by this admin (email or id)")
	cmd.Flags().StringVar(&o.q.Action, "action", "", `only this action, or a prefix ending in "." (users., admins., seats.)`)
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runAdminsLog(ctx context.Context, o *adminsLogOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	if o.q.OrgID, err = orgFlag(ctx, sess, o.org); err != nil {
		return err
	}
	if o.by != "" {
		who, err := sess.FindAdmin(ctx, o.by)
		if err != nil {
			return fmt.Errorf("--admin %q: %w", o.by, err)
		}
		o.q.AdminID = who.ID
	}
	records, err := sess.AuditLog(ctx, o.q)
	if err != nil {
		return err
	}
	out := make([]auditJSON, len(records))
	for i, r := range records {
		out[i] = auditJSON{ID: r.ID, At: r.At, AdminID: r.AdminID, AdminEmail: r.AdminEmail, Action: string(r.Action),
			OrgID: r.OrgID, SubjectID: r.SubjectID, Detail: r.Detail}
	}
	if o.asJSON {
		return f.printJSON(out)
	}
	cat := f.Catalog()
	t := cat.Admins
	w := tabwriter.NewWriter(f.env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", t.ColWhen, t.ColWho, t.ColAction, t.ColOrgs, t.ColTarget)
	for _, e := range out {
		orgCol := ""
		if e.OrgID != 0 {
			orgCol = e.OrgID.String()
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", cat.DateTime(e.At), cat.AuditAuthor(e.AdminEmail), cat.AuditAction(model.AuditAction(e.Action)), orgCol, cat.AuditDetail(model.AuditAction(e.Action), e.Detail))
	}
	return w.Flush()
}

// importAuthors names who ran each import, for the history (several admins share a school).
func importAuthors(ctx context.Context, sess *app.Session, runs []model.ImportRun) (map[model.ID]string, error) {
	ids := make([]model.ID, len(runs))
	for i, r := range runs {
		ids[i] = r.AdminID
	}
	return sess.AuthorEmails(ctx, ids)
}
