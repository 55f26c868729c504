package main

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

// recipientJSON is the stable --json shape of a dry run's recipient.
type recipientJSON struct {
	Login    string `json:"login"`
	Name     string `json:"name"`
	Email    string `json:"email"`
	Language string `json:"language"`
	Variant  string `json:"variant"` // activation or reset
}

// messageJSON is the stable --json shape of a rendered email.
type messageJSON struct {
	To       string `json:"to"`
	Language string `json:"language"`
	Subject  string `json:"subject"`
	Text     string `json:"text"`
	HTML     string `json:"html"`
}

// emailDryRunJSON is the stable --json shape of merge email --dry-run.
type emailDryRunJSON struct {
	DryRun       bool            `json:"dry_run"`
	Selected     int             `json:"selected"`
	WithEmail    int             `json:"with_email"`
	Activated    int             `json:"activated"`
	Suspended    int             `json:"suspended"` // suspended accounts of the selection, who get no email
	SMTP         bool            `json:"smtp_configured"`
	Recipients   []recipientJSON `json:"recipients"`
	FirstCard    string          `json:"first_card,omitempty"`
	FirstMessage *messageJSON    `json:"first_message,omitempty"`
}

type mergeEmailOptions struct {
	f              *factory
	sel            selectionFlags
	templates      string
	rate, conns    int
	dryRun, asJSON bool
}

func newMergeEmailCmd(f *factory) *cobra.Command {
	o := &mergeEmailOptions{f: f}
	cmd := &cobra.Command{
		Use:   "email",
		Short: "Email their account to every person of a selection who has an address",
		Long: `Create an email campaign for the selection's people who have an email address and send it.
Accounts not activated get their login, activation code and how to activate; activated ones
get the password-reset procedure with a single-use reset code. Each person's status is saved
as the message is handed to the SMTP server, so 'rollcall merge resume' after a crash, a
cancel or an outage sends only what is missing and nobody gets two.`,
		Example: `  rollcall merge email --class "6e A" --dry-run
  rollcall merge email --profile teacher --rate 60`,
		RunE: func(cmd *cobra.Command, _ []string) error { return runMergeEmail(cmd.Context(), o) },
	}
	o.sel.register(cmd.Flags())
	fl := cmd.Flags()
	fl.StringVar(&o.templates, "templates", "", "directory of edited templates for this campaign (default: the settings')")
	fl.IntVar(&o.rate, "rate", 0, "at most this many messages a minute (0: no limit)")
	fl.IntVar(&o.conns, "connections", 0, "parallel SMTP connections (default 4)")
	fl.BoolVar(&o.dryRun, "dry-run", false, "list the recipients and show the first card and email without sending")
	fl.BoolVar(&o.asJSON, "json", false, "print the result as JSON")
	return cmd
}

func runMergeEmail(ctx context.Context, o *mergeEmailOptions) error {
	f := o.f
	if o.rate < 0 || o.conns < 0 {
		return usageError{errors.New(o.f.Catalog().CLIUsage.NegativeRate)}
	}
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	sel, err := o.sel.selection(ctx, sess)
	if err != nil {
		return err
	}
	if o.dryRun {
		return mergeEmailDryRun(ctx, f, sess, sel, o)
	}
	c, err := sess.CreateCampaign(ctx, sel, app.CampaignOptions{RatePerMinute: o.rate, TemplateDir: o.templates})
	if err != nil {
		return err
	}
	cat := f.Catalog()
	f.say(cat.MailMerge.CampaignCreated, c.ID, cat.Int(c.Counts.Total()))
	if c.Suspended > 0 {
		f.say(cat.Accounts.SuspendedSkipped, cat.Count(c.Suspended, cat.Nouns.User))
	}
	return runCampaign(ctx, f, sess, c.ID, app.RunOptions{Connections: o.conns}, o.asJSON)
}

func mergeEmailDryRun(ctx context.Context, f *factory, sess *app.Session, sel model.Selection, o *mergeEmailOptions) error {
	cat := f.Catalog()
	out := emailDryRunJSON{DryRun: true, Recipients: []recipientJSON{}}
	tw := tabwriter.NewWriter(f.env.stdout, 0, 4, 2, ' ', 0)
	list := func(r app.RecipientPreview) error {
		j := recipientJSON{Login: r.Login, Name: r.FullName, Email: r.Email, Language: string(r.Language), Variant: string(r.Variant)}
		if o.asJSON {
			out.Recipients = append(out.Recipients, j)
			return nil
		}
		_, err := fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", j.Login, j.Name, j.Email, j.Language, cat.Variant(r.Variant))
		return err
	}
	p, err := sess.PreviewCampaign(ctx, sel, app.CampaignOptions{TemplateDir: o.templates},
		app.MergeOptions{ProfileLabel: profileLabel}, list)
	if err != nil {
		return err
	}
	out.Selected, out.WithEmail, out.Activated, out.SMTP = p.Counts.Total, p.Counts.WithEmail, p.Counts.Activated, !p.NoSMTP
	out.Suspended = p.Counts.Suspended
	out.FirstCard = p.CardText
	if m := p.Message; m != nil {
		out.FirstMessage = &messageJSON{To: m.To, Language: string(m.Language), Subject: m.Subject, Text: m.Text, HTML: m.HTML}
	}
	if o.asJSON {
		return f.printJSON(out)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	f.say(cat.MailMerge.DryRunHeader, cat.Int(p.Counts.WithEmail))
	if p.Counts.Suspended > 0 {
		f.say(cat.Accounts.SuspendedSkipped, cat.Count(p.Counts.Suspended, cat.Nouns.User))
	}
	for _, warn := range []struct {
		on   bool
		text string
	}{{p.NoSMTP, cat.MailMerge.NoSMTP}, {p.NoActivationURL, cat.MailMerge.ErrNoActivationURL}} {
		if warn.on {
			f.say("%s", warn.text)
		}
	}
	if out.FirstCard != "" {
		fmt.Fprintf(f.env.stdout, "\n# %s\n%s\n", cat.MailMerge.FirstCard, out.FirstCard)
	}
	if m := out.FirstMessage; m != nil {
		fmt.Fprintf(f.env.stdout, "\n# %s\n%s\n%s\n\n%s\n", cat.MailMerge.FirstMessage,
			cat.Label(cat.MailMerge.To, m.To), cat.Label(cat.MailMerge.Subject, m.Subject), m.Text)
	}
	return nil
}

// runCampaign sends a campaign, showing progress on a terminal, and prints how it ended.
func runCampaign(ctx context.Context, f *factory, sess *app.Session, id model.ID, opts app.RunOptions, asJSON bool) error {
	cat := f.Catalog()
	opts.Merge.ProfileLabel = profileLabel
	var progress func(app.CampaignProgress)
	if f.env.stdoutTTY {
		progress = func(p app.CampaignProgress) {
			fmt.Fprintf(f.env.stderr, "\r"+cat.MailMerge.CampaignLine, cat.Int(p.Sent), cat.Int(p.Failed), cat.Int(p.Left))
		}
	}
	st, runErr := sess.RunCampaign(ctx, id, opts, progress)
	f.endProgress()
	if st.ID == 0 {
		return runErr
	}
	if asJSON {
		st.Live = false
		if err := printCampaign(ctx, f, sess, st); err != nil {
			return err
		}
	} else {
		f.say(cat.MailMerge.CampaignDone, st.ID, cat.Int(st.Counts.Sent), cat.Int(st.Counts.Failed+st.Counts.Uncertain))
		if st.Counts.Uncertain > 0 {
			f.say("%s", cat.MailMerge.UncertainHint)
		}
	}
	if runErr != nil && st.State != model.CampaignDone {
		f.say(cat.MailMerge.ResumeWith, st.ID)
	}
	return runErr
}
