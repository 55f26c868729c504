package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

// adminInfoJSON is the stable --json shape of an admin in `admins list`.
type adminInfoJSON struct {
	ID        model.ID   `json:"id"`
	FullName  string     `json:"full_name"`
	Email     string     `json:"email"`
	Verified  bool       `json:"verified"`
	You       bool       `json:"you"`
	OrgIDs    []model.ID `json:"org_ids"`
	SSHKeys   int        `json:"ssh_keys"`
	CreatedAt time.Time  `json:"created_at"`
}

// invitationJSON is the stable --json shape of an invitation.
type invitationJSON struct {
	ID        model.ID  `json:"id"`
	OrgID     model.ID  `json:"org_id"`
	OrgName   string    `json:"org_name,omitempty"`
	Email     string    `json:"email,omitempty"`
	InvitedBy string    `json:"invited_by,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
	// Code is set only when the invitation was just made and not emailed.
	Code    string `json:"code,omitempty"`
	Emailed bool   `json:"emailed"`
	DryRun  bool   `json:"dry_run,omitempty"`
}

// adminsListJSON is the stable --json shape of `admins list`.
type adminsListJSON struct {
	Admins      []adminInfoJSON  `json:"admins"`
	Invitations []invitationJSON `json:"invitations"`
}

func newAdminsCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{Use: "admins", Short: "Invite, list and remove the administrators of your organizations; see who changed what"}
	cmd.AddCommand(newAdminsListCmd(f), newAdminsInviteCmd(f), newAdminsJoinCmd(f), newAdminsRemoveCmd(f),
		newAdminsUninviteCmd(f), newAdminsLogCmd(f))
	return cmd
}

type adminsListOptions struct {
	f      *factory
	asJSON bool
}

func newAdminsListCmd(f *factory) *cobra.Command {
	o := &adminsListOptions{f: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the admins of your organizations and the pending invitations",
		RunE:  func(cmd *cobra.Command, _ []string) error { return runAdminsList(cmd.Context(), o) },
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runAdminsList(ctx context.Context, o *adminsListOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	infos, err := sess.ListAdmins(ctx)
	if err != nil {
		return err
	}
	me, err := sess.Admin(ctx)
	if err != nil {
		return err
	}
	invs, err := sess.ListInvitations(ctx)
	if err != nil {
		return err
	}
	out := adminsListJSON{Admins: []adminInfoJSON{}, Invitations: []invitationJSON{}}
	for _, i := range infos {
		out.Admins = append(out.Admins, adminInfoJSON{ID: i.ID, FullName: i.FullName, Email: i.Email,
			Verified: i.Verified, You: i.ID == me.ID, OrgIDs: nonNil(i.OrgIDs), SSHKeys: i.SSHKeys, CreatedAt: i.CreatedAt})
	}
	for _, inv := range invs {
		out.Invitations = append(out.Invitations, invitationJSON{ID: inv.ID, OrgID: inv.OrgID, Email: inv.Email,
			InvitedBy: inv.InvitedBy, CreatedAt: inv.CreatedAt, ExpiresAt: inv.ExpiresAt})
	}
	if o.asJSON {
		return f.printJSON(out)
	}
	printAdmins(f, out)
	return nil
}

func nonNil(ids []model.ID) []model.ID {
	if ids == nil {
		return []model.ID{}
	}
	return ids
}

func printAdmins(f *factory, out adminsListJSON) {
	cat := f.Catalog()
	t := cat.Admins
	w := tabwriter.NewWriter(f.env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "ID\t%s\t%s\t%s\t%s\n", t.ColName, t.ColEmail, t.ColOrgs, t.ColKeys)
	for _, a := range out.Admins {
		name := a.FullName
		if a.You {
			name += " " + t.You
		}
		if !a.Verified {
			name += " " + t.Unverified
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%d\n", a.ID, name, a.Email, idList(a.OrgIDs), a.SSHKeys)
	}
	w.Flush()
	if len(out.Invitations) == 0 {
		return
	}
	fmt.Fprintf(f.env.stdout, "\n%s\n", t.TabInvites)
	w = tabwriter.NewWriter(f.env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "ID\t%s\t%s\t%s\t%s\n", t.ColEmail, t.ColOrgs, t.ColInvitedBy, t.ColExpires)
	for _, inv := range out.Invitations {
		email := inv.Email
		if email == "" {
			email = t.AnyEmail
		}
		fmt.Fprintf(w, "%d\t%s\t%d\t%s\t%s\n", inv.ID, email, inv.OrgID, inv.InvitedBy, cat.DateTime(inv.ExpiresAt))
	}
	w.Flush()
}

func idList(ids []model.ID) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = id.String()
	}
	return strings.Join(parts, ",")
}

type adminsInviteOptions struct {
	f              *factory
	org, email     string
	dryRun, asJSON bool
}

func newAdminsInviteCmd(f *factory) *cobra.Command {
	o := &adminsInviteOptions{f: f}
	cmd := &cobra.Command{
		Use:   "invite [--org ID] [--email EMAIL]",
		Short: "Invite an administrator for one of your organizations; prints (or emails) a single-use code",
		Example: `  rollcall admins invite --org 2 --email paul@example.fr
  rollcall admins invite --org 2   # a code for anyone you hand it to`,
		RunE: func(cmd *cobra.Command, _ []string) error { return runAdminsInvite(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.org, "org", "", "organization id or UAI (default: your only one)")
	cmd.Flags().StringVar(&o.email, "email", "", "the invitee's email: only that address may accept, and it is emailed when a mailer is set up")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check without inviting")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the invitation as JSON (with its code when not emailed)")
	return cmd
}

func runAdminsInvite(ctx context.Context, o *adminsInviteOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	in := app.InviteInput{Email: o.email}
	if in.OrgID, err = orgFlag(ctx, sess, o.org); err != nil {
		return err
	}
	res, err := sess.Invite(ctx, in, o.dryRun)
	if err != nil {
		return err
	}
	me, err := sess.Admin(ctx)
	if err != nil {
		return err
	}
	out := invitationJSON{ID: res.Invitation.ID, OrgID: res.Org.ID, OrgName: res.Org.Name, Email: res.Invitation.Email,
		InvitedBy: me.Email, CreatedAt: res.Invitation.CreatedAt, ExpiresAt: res.Invitation.ExpiresAt,
		Code: res.Code, Emailed: res.Emailed, DryRun: o.dryRun}
	if o.asJSON {
		return f.printJSON(out)
	}
	sayInvitation(f, out)
	return nil
}

func sayInvitation(f *factory, inv invitationJSON) {
	cat := f.Catalog()
	t := cat.Admins
	switch {
	case inv.DryRun:
		sayDryRun(f)
	case inv.Emailed:
		f.say(t.InviteEmailed, inv.Email)
	default:
		who := inv.Email
		if who == "" {
			who = t.AnyEmail
		}
		f.say(t.InviteShown, who, inv.Code, cat.DateTime(inv.ExpiresAt))
		f.say(t.NextSignup, inv.Code)
		// The code goes to stdout: it is the data this command produces when no mail is sent.
		f.println(inv.Code)
	}
}

type adminsJoinOptions struct {
	f              *factory
	dryRun, asJSON bool
	args           []string
}

func newAdminsJoinCmd(f *factory) *cobra.Command {
	o := &adminsJoinOptions{f: f}
	cmd := &cobra.Command{
		Use:   "join",
		Short: "Accept an invitation with your existing account: become an admin of one more organization",
		Long: `Accept an invitation with your existing account. The invitation code is typed at a prompt
or read from the first line of stdin: never from the command line.`,
		Example: `  printf '%s\n' "$INVITATION" | rollcall admins join`,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.args = args
			return runAdminsJoin(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check the code without using it")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the organization joined as JSON")
	return cmd
}

func runAdminsJoin(ctx context.Context, o *adminsJoinOptions) error {
	f := o.f
	if len(o.args) > 0 {
		return codeInArgv(f, "admins join")
	}
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	code, err := readCode(f, "Invitation")
	if err != nil {
		return err
	}
	org, err := sess.AcceptInvitation(ctx, code, o.dryRun)
	if err != nil {
		return err
	}
	sayDone(f, o.dryRun, f.Catalog().Admins.Joined, org.Name)
	if o.asJSON {
		return f.printJSON(orgJSON{ID: org.ID, Name: org.Name, City: org.City, Country: org.Country})
	}
	return nil
}

// removedJSON is the stable --json shape of `admins remove`.
type removedJSON struct {
	AdminID model.ID   `json:"admin_id"`
	Email   string     `json:"email"`
	OrgIDs  []model.ID `json:"org_ids"`
	DryRun  bool       `json:"dry_run,omitempty"`
}

type adminsRemoveOptions struct {
	f              *factory
	org            string
	dryRun, asJSON bool
	admin          string
}

func newAdminsRemoveCmd(f *factory) *cobra.Command {
	o := &adminsRemoveOptions{f: f}
	cmd := &cobra.Command{
		Use:   "remove EMAIL|ID [--org ID]",
		Short: "Stop someone administering your organizations (never the last admin of one)",
		Long: `Remove an admin from one of your organizations (--org), or from every one of yours they
administer. Their account stays, with any other organization. You may remove yourself.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.admin = args[0]
			return runAdminsRemove(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.org, "org", "", "only this organization (default: every one of yours they administer)")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check without removing")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print what was removed as JSON")
	return cmd
}

func runAdminsRemove(ctx context.Context, o *adminsRemoveOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	orgID, err := orgFlag(ctx, sess, o.org)
	if err != nil {
		return err
	}
	target, err := sess.FindAdmin(ctx, o.admin)
	if err != nil {
		return err
	}
	orgs, err := sess.RemoveAdmin(ctx, target.ID, orgID, o.dryRun)
	if err != nil {
		return err
	}
	sayDone(f, o.dryRun, f.Catalog().Admins.Removed, target.Email, idList(orgs))
	if o.asJSON {
		return f.printJSON(removedJSON{AdminID: target.ID, Email: target.Email, OrgIDs: nonNil(orgs), DryRun: o.dryRun})
	}
	return nil
}

type adminsUninviteOptions struct {
	f          *factory
	dryRun     bool
	invitation string
}

func newAdminsUninviteCmd(f *factory) *cobra.Command {
	o := &adminsUninviteOptions{f: f}
	cmd := &cobra.Command{
		Use:   "uninvite ID",
		Short: "Withdraw a pending invitation (its code stops working)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.invitation = args[0]
			return runAdminsUninvite(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check without withdrawing")
	return cmd
}

func runAdminsUninvite(ctx context.Context, o *adminsUninviteOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	id, ok := model.ParseID(o.invitation)
	if !ok {
		return &model.ValidationError{Field: "invitation", Rule: model.RuleUnknownValue, Value: o.invitation}
	}
	if _, err := sess.RevokeInvitation(ctx, id, o.dryRun); err != nil {
		return err
	}
	sayDone(f, o.dryRun, "%s", f.Catalog().Admins.Uninvited)
	return nil
}
