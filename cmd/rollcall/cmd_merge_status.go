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

// campaignJSON is the stable --json shape of a campaign.
type campaignJSON struct {
	ID            model.ID             `json:"id"`
	State         string               `json:"state"` // new, running, paused, cancelled, done
	Interrupted   bool                 `json:"interrupted"`
	CreatedAt     time.Time            `json:"created_at"`
	UpdatedAt     time.Time            `json:"updated_at"`
	AdminID       model.ID             `json:"admin_id"`
	LastRunBy     model.ID             `json:"last_run_by,omitempty"`
	Runs          int                  `json:"runs"`
	RatePerMinute int                  `json:"rate_per_minute"`
	Recipients    int                  `json:"recipients"`
	Counts        model.CampaignCounts `json:"counts"`
	Pause         *pauseJSON           `json:"pause,omitempty"`
	Problems      []problemJSON        `json:"problems"` // failed and uncertain recipients
}

type pauseJSON struct {
	At        time.Time `json:"at"`
	Phase     string    `json:"phase"`
	Code      int       `json:"code"`
	Reply     string    `json:"reply"`
	Temporary bool      `json:"temporary"`
}

// problemJSON is a recipient whose message failed or may not have left.
type problemJSON struct {
	Login     string    `json:"login"`
	Email     string    `json:"email"`
	Status    string    `json:"status"`
	Phase     string    `json:"phase,omitempty"`
	Code      int       `json:"code,omitempty"`
	Reply     string    `json:"reply,omitempty"`
	Temporary bool      `json:"temporary"`
	Attempts  int       `json:"attempts"`
	LastTry   time.Time `json:"last_try,omitzero"`
}

// maxProblems bounds the failures a status lists.
const maxProblems = 1000

func campaignToJSON(ctx context.Context, sess *app.Session, st app.CampaignStatus, problems bool) (campaignJSON, error) {
	j := campaignJSON{ID: st.ID, State: string(st.State), Interrupted: st.Interrupted(), CreatedAt: st.CreatedAt,
		UpdatedAt: st.UpdatedAt, AdminID: st.AdminID, LastRunBy: st.LastBy, Runs: st.Runs, RatePerMinute: st.RatePerMinute,
		Recipients: st.Counts.Total(), Counts: st.Counts, Problems: []problemJSON{}}
	if p := st.Pause; p != nil {
		j.Pause = &pauseJSON{At: p.At, Phase: p.Phase, Code: p.Code, Reply: p.Reply, Temporary: p.Temporary}
	}
	if !problems || st.Counts.Failed+st.Counts.Uncertain == 0 {
		return j, nil
	}
	for _, status := range []model.DeliveryStatus{model.DeliveryFailed, model.DeliveryUncertain} {
		rs, err := sess.CampaignRecipients(ctx, st.ID, 0, maxProblems, status)
		if err != nil {
			return j, err
		}
		for _, r := range rs {
			j.Problems = append(j.Problems, problemJSON{Login: r.Login, Email: r.Email, Status: string(r.Status),
				Phase: r.Phase, Code: r.Code, Reply: r.Reply, Temporary: r.Temporary, Attempts: r.Attempts, LastTry: r.LastTry})
		}
	}
	return j, nil
}

// printCampaign writes one campaign as JSON.
func printCampaign(ctx context.Context, f *factory, sess *app.Session, st app.CampaignStatus) error {
	j, err := campaignToJSON(ctx, sess, st, true)
	if err != nil {
		return err
	}
	return f.printJSON(j)
}

type mergeStatusOptions struct {
	f      *factory
	asJSON bool
	args   []string
}

func newMergeStatusCmd(f *factory) *cobra.Command {
	o := &mergeStatusOptions{f: f}
	cmd := &cobra.Command{
		Use:   "status [CAMPAIGN]",
		Short: "Show an email campaign (sent, failed, left, why it paused), or list them all",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.args = args
			return runMergeStatus(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runMergeStatus(ctx context.Context, o *mergeStatusOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	if len(o.args) == 0 {
		return listCampaigns(ctx, f, sess, o.asJSON)
	}
	id, err := parseCampaignID(f, o.args[0])
	if err != nil {
		return err
	}
	st, err := sess.Campaign(ctx, id)
	if err != nil {
		return err
	}
	if o.asJSON {
		return printCampaign(ctx, f, sess, st)
	}
	return showCampaign(ctx, f, sess, st)
}

func parseCampaignID(f *factory, s string) (model.ID, error) {
	id, ok := model.ParseID(s)
	if !ok {
		return 0, usageError{fmt.Errorf(f.Catalog().CLIUsage.NotCampaign, s)}
	}
	return id, nil
}

func listCampaigns(ctx context.Context, f *factory, sess *app.Session, asJSON bool) error {
	list, err := sess.Campaigns(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		out := []campaignJSON{}
		for _, st := range list {
			j, err := campaignToJSON(ctx, sess, st, false)
			if err != nil {
				return err
			}
			out = append(out, j)
		}
		return f.printJSON(out)
	}
	cat := f.Catalog()
	if len(list) == 0 {
		f.say("%s", cat.MailMerge.NoCampaigns)
		return nil
	}
	tw := tabwriter.NewWriter(f.env.stdout, 0, 4, 2, ' ', 0)
	for _, st := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", st.ID, cat.DateTime(st.CreatedAt), cat.CampaignState(st.State, st.Interrupted()),
			fmt.Sprintf(cat.MailMerge.CampaignLine, cat.Int(st.Counts.Sent), cat.Int(st.Counts.Failed+st.Counts.Uncertain),
				cat.Int(st.Counts.Left())))
	}
	return tw.Flush()
}

func showCampaign(ctx context.Context, f *factory, sess *app.Session, st app.CampaignStatus) error {
	cat := f.Catalog()
	mm := cat.MailMerge
	out := f.env.stdout
	fmt.Fprintf(out, "%d\t%s\t%s\n", st.ID, cat.DateTime(st.CreatedAt), cat.CampaignState(st.State, st.Interrupted()))
	c := st.Counts
	fmt.Fprintln(out, strings.Join([]string{cat.Label(mm.Recipients, cat.Int(c.Total())), cat.Label(mm.Sent, cat.Int(c.Sent)),
		cat.Label(mm.Failed, cat.Int(c.Failed)), cat.Label(mm.Uncertain, cat.Int(c.Uncertain)), cat.Label(mm.Left, cat.Int(c.Left()))}, " · "))
	if st.Pause != nil {
		fmt.Fprintf(out, mm.CampaignPaused+"\n", st.ID, cat.PauseReason(*st.Pause))
	}
	j, err := campaignToJSON(ctx, sess, st, true)
	if err != nil {
		return err
	}
	for _, p := range j.Problems {
		reason := p.Phase
		if p.Code != 0 || p.Reply != "" {
			reason = fmt.Sprintf("%s %d %s", p.Phase, p.Code, p.Reply)
		}
		if p.Status == string(model.DeliveryUncertain) {
			reason = mm.Uncertain
		}
		fmt.Fprintf(out, mm.FailedLine+"\n", p.Login, p.Email, reason)
	}
	if c.Uncertain > 0 {
		f.say("%s", mm.UncertainHint)
	}
	if c.Left() > 0 && !st.Live {
		f.say(mm.ResumeWith, st.ID)
	}
	return nil
}

type mergeResumeOptions struct {
	f                                            *factory
	retryFailed, resendUncertain, dryRun, asJSON bool
	conns                                        int
	campaign                                     string
}

func newMergeResumeCmd(f *factory) *cobra.Command {
	o := &mergeResumeOptions{f: f}
	cmd := &cobra.Command{
		Use:   "resume CAMPAIGN",
		Short: "Send what an email campaign has left (after a cancel, a crash or an SMTP outage)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.campaign = args[0]
			return runMergeResume(cmd.Context(), o)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&o.retryFailed, "retry-failed", false, "also retry recipients refused for good (after fixing their address)")
	fl.BoolVar(&o.resendUncertain, "resend-uncertain", false, "also resend messages that may have left when the program stopped")
	fl.IntVar(&o.conns, "connections", 0, "parallel SMTP connections (default 4)")
	fl.BoolVar(&o.dryRun, "dry-run", false, "count what would be sent, without sending")
	fl.BoolVar(&o.asJSON, "json", false, "print the result as JSON")
	return cmd
}

func runMergeResume(ctx context.Context, o *mergeResumeOptions) error {
	f := o.f
	id, err := parseCampaignID(f, o.campaign)
	if err != nil {
		return err
	}
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	opts := app.RunOptions{Connections: o.conns, RetryFailed: o.retryFailed, ResendUncertain: o.resendUncertain}
	if o.dryRun {
		n, err := sess.CampaignDue(ctx, id, opts)
		if err != nil {
			return err
		}
		if o.asJSON {
			return f.printJSON(struct {
				DryRun bool `json:"dry_run"`
				Due    int  `json:"due"`
			}{true, n})
		}
		cat := f.Catalog()
		sayDryRun(f)
		f.say(cat.MailMerge.DryRunHeader, cat.Int(n))
		return nil
	}
	return runCampaign(ctx, f, sess, id, opts, o.asJSON)
}
