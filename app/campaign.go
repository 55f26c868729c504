package app

import (
	"context"
	"fmt"
	"slices"

	"rollcall/model"
)

// Audit actions of email campaigns.
const (
	AuditCampaignCreate model.AuditAction = "mailmerge.campaign"
	AuditCampaignRun    model.AuditAction = "mailmerge.send"
)

// CampaignOptions are chosen when a campaign is created and kept with it.
type CampaignOptions struct {
	// RatePerMinute caps the messages sent per minute; 0: no cap.
	RatePerMinute int
	// TemplateDir holds edited templates for this campaign ("": the settings' directory, else
	// the defaults).
	TemplateDir string
}

// CampaignStatus is a campaign as the admin sees it.
type CampaignStatus struct {
	model.Campaign
	// Live is true while a run sends it, in this process or another.
	Live bool
	// Suspended, when the campaign is created, counts the selection's suspended accounts,
	// left out of it.
	Suspended int
}

// Interrupted reports a campaign stored as running that nobody is running: the process that
// sent it stopped. Resuming it continues where it was.
func (s CampaignStatus) Interrupted() bool { return s.State == model.CampaignRunning && !s.Live }

// CreateCampaign fixes the recipients of an email campaign: the selection's users who have an
// email address now. It sends nothing (RunCampaign does). The SMTP server and the activation
// address must be configured: model.ErrNoSMTP, model.ErrNoActivationURL.
func (s *Session) CreateCampaign(ctx context.Context, sel model.Selection, opts CampaignOptions) (_ CampaignStatus, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.createCampaign(ctx, admin, sel, opts)
}

func (a *App) createCampaign(ctx context.Context, admin model.Admin, sel model.Selection, opts CampaignOptions) (CampaignStatus, error) {
	if opts.RatePerMinute < 0 {
		return CampaignStatus{}, &model.ValidationError{Field: "rate", Rule: model.RuleUnknownValue, Value: fmt.Sprint(opts.RatePerMinute)}
	}
	rows, err := a.selectForMerge(ctx, admin, sel, nil)
	if err != nil {
		return CampaignStatus{}, err
	}
	m, err := a.newMerger(ctx, admin.Language, MergeOptions{}, opts.TemplateDir, rows.schools(admin))
	if err != nil {
		return CampaignStatus{}, err
	}
	switch {
	case !m.settings.SMTPConfigured():
		return CampaignStatus{}, model.ErrNoSMTP
	case m.noBase:
		return CampaignStatus{}, model.ErrNoActivationURL
	}
	ids := rows.withEmail()
	if len(ids) == 0 {
		return CampaignStatus{}, model.ErrNoRecipients
	}
	now := a.now()
	c := model.Campaign{AdminID: admin.ID, OrgIDs: rows.orgs, Selection: sel, Language: admin.Language,
		TemplateDir: opts.TemplateDir, RatePerMinute: opts.RatePerMinute, CreatedAt: now, UpdatedAt: now,
		State: model.CampaignNew}
	if err := a.store.CreateCampaign(ctx, &c, ids); err != nil {
		return CampaignStatus{}, err
	}
	detail := fmt.Sprintf("campaign %d: %d recipients", c.ID, c.Counts.Total())
	return CampaignStatus{Campaign: c, Suspended: rows.counts.Suspended}, a.audit(ctx, admin, AuditCampaignCreate, detail, c.OrgIDs...)
}

// Campaign returns a campaign the admin may see: one they created or one about an
// organization they administer. Others are storage.ErrNotFound.
func (s *Session) Campaign(ctx context.Context, id model.ID) (_ CampaignStatus, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.campaign(ctx, admin, id)
}

func (a *App) campaign(ctx context.Context, admin model.Admin, id model.ID) (CampaignStatus, error) {
	c, err := a.store.Campaign(ctx, id)
	if err != nil {
		return CampaignStatus{}, orNotFound(err, model.ThingCampaign, id)
	}
	if !campaignVisible(admin, c) {
		return CampaignStatus{}, notFound(model.ThingCampaign, id)
	}
	return CampaignStatus{Campaign: c, Live: a.campaignLive(c)}, nil
}

// Campaigns lists the campaigns the admin may see, newest first.
func (s *Session) Campaigns(ctx context.Context) (_ []CampaignStatus, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.campaigns(ctx, admin)
}

func (a *App) campaigns(ctx context.Context, admin model.Admin) ([]CampaignStatus, error) {
	all, err := a.store.ListCampaigns(ctx)
	if err != nil {
		return nil, err
	}
	var out []CampaignStatus
	for _, c := range slices.Backward(all) {
		if campaignVisible(admin, c) {
			out = append(out, CampaignStatus{Campaign: c, Live: a.campaignLive(c)})
		}
	}
	return out, nil
}

func campaignVisible(admin model.Admin, c model.Campaign) bool {
	if c.AdminID == admin.ID {
		return true
	}
	for _, o := range c.OrgIDs {
		if adminOf(admin, o) {
			return true
		}
	}
	return false
}

// RecipientStatus is one recipient with who they are.
type RecipientStatus struct {
	model.CampaignRecipient
	Login    string
	FullName string
}

// CampaignRecipients returns a page of a campaign's recipients in user id order, after the
// given user id; with only set, just those in that status.
func (s *Session) CampaignRecipients(ctx context.Context, id, after model.ID, limit int, only model.DeliveryStatus) (_ []RecipientStatus, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.campaignRecipients(ctx, admin, id, after, limit, only)
}

func (a *App) campaignRecipients(ctx context.Context, admin model.Admin, id, after model.ID, limit int,
	only model.DeliveryStatus) ([]RecipientStatus, error) {
	if _, err := a.campaign(ctx, admin, id); err != nil {
		return nil, err
	}
	var out []RecipientStatus
	for len(out) < limit {
		page, err := a.store.Recipients(ctx, id, after, 512)
		if err != nil || len(page) == 0 {
			return out, err
		}
		after = page[len(page)-1].UserID
		for _, r := range page {
			if (only != "" && r.Status != only) || len(out) == limit {
				continue
			}
			rs := RecipientStatus{CampaignRecipient: r}
			if u, err := a.store.User(ctx, r.UserID); err == nil {
				rs.Login, rs.FullName = u.Login, u.FullName()
			}
			out = append(out, rs)
		}
	}
	return out, nil
}

// CampaignDue counts the recipients a run with these options would send to: what a resume
// dry run shows.
func (s *Session) CampaignDue(ctx context.Context, id model.ID, opts RunOptions) (_ int, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.campaignDue(ctx, admin, id, opts)
}

func (a *App) campaignDue(ctx context.Context, admin model.Admin, id model.ID, opts RunOptions) (int, error) {
	st, err := a.campaign(ctx, admin, id)
	if err != nil {
		return 0, err
	}
	n := 0
	var after model.ID
	for {
		page, err := a.store.Recipients(ctx, id, after, 1024)
		if err != nil || len(page) == 0 {
			return n, err
		}
		after = page[len(page)-1].UserID
		for _, r := range page {
			if r.Status == model.DeliverySending && !st.Live {
				r.Status = model.DeliveryUncertain // what the next run will make of it
			}
			if opts.eligible(r) {
				n++
			}
		}
	}
}
