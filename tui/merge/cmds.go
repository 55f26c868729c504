package merge

import (
	"context"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// loadedMsg is the preview, the settings and the campaigns, for one request.
type loadedMsg struct {
	id         screen.RequestID
	preview    app.MergePreview
	noSMTP     bool
	settings   app.MailSettings
	school     model.ID // whose settings these are
	schoolName string
	campaigns  []app.CampaignStatus
	err        error
}

func loadCmd(ctx context.Context, as *app.Session, sel model.Selection, opts app.MergeOptions, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		admin, err := as.Admin(ctx)
		if err != nil {
			return loadedMsg{id: id, err: err}
		}
		msg := loadedMsg{id: id}
		if msg.preview, msg.err = as.PreviewMerge(ctx, sel, opts); msg.err != nil {
			return msg
		}
		msg.school = app.SettingsSchool(admin, msg.preview.Schools)
		org, all, err := as.SchoolSettings(ctx, msg.school)
		if err != nil {
			msg.err = err
			return msg
		}
		msg.settings, msg.schoolName = all.Mail, org.Name
		msg.noSMTP = !msg.settings.SMTPConfigured()
		msg.campaigns, msg.err = as.Campaigns(ctx)
		return msg
	}
}

// reload asks for a fresh preview, settings and campaign list.
func (m *Model) reload() tea.Cmd {
	m.loadReq = m.sess.NewRequest()
	return tea.Batch(m.busy.Start(), loadCmd(m.sess.Ctx, m.sess.Acting, m.sel, m.mergeOptions(), m.loadReq))
}

// progress is what a running job shows: pages for cards, counts for emails.
type progress struct {
	pages, total int
	campaign     app.CampaignProgress
}

// pagesTo and campaignTo are the jobs' progress callbacks, feeding f.
func pagesTo(f *screen.Feed[progress]) func(done, total int) {
	return func(done, total int) { f.Set(func(p *progress) { p.pages, p.total = done, total }) }
}

func campaignTo(f *screen.Feed[progress]) func(app.CampaignProgress) {
	return func(c app.CampaignProgress) { f.Set(func(p *progress) { p.campaign = c }) }
}

// jobKind is what a job makes.
type jobKind int

const (
	jobPDF jobKind = iota
	jobSend
	jobResume
)

// job is the PDF or campaign being made, or the last one.
type job struct {
	id         screen.RequestID
	kind       jobKind
	cancel     context.CancelFunc
	feed       *screen.Feed[progress]
	p          progress
	cancelling bool
}

// pdfDoneMsg is how a card run ended.
type pdfDoneMsg struct {
	id   screen.RequestID
	res  app.MergeResult
	path string // absolute
	err  error
}

func pdfCmd(ctx context.Context, as *app.Session, sel model.Selection, o options, mo app.MergeOptions,
	f *screen.Feed[progress], id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		defer f.Close()
		path, err := filepath.Abs(o.output)
		if err != nil {
			return pdfDoneMsg{id: id, err: err}
		}
		msg := pdfDoneMsg{id: id, path: path}
		if o.split {
			if msg.err = os.MkdirAll(path, 0o755); msg.err == nil {
				msg.res, msg.err = as.MergePDFSplit(ctx, sel, o.layout(), mo, path, "", pagesTo(f))
			}
			return msg
		}
		msg.res, msg.err = as.MergePDFFile(ctx, sel, o.layout(), mo, path, pagesTo(f))
		return msg
	}
}

// campaignDoneMsg is how a campaign run ended.
type campaignDoneMsg struct {
	id     screen.RequestID
	status app.CampaignStatus
	err    error
}

// campaignCmd creates a campaign on the selection (campaign == 0) or resumes one, and sends.
func campaignCmd(ctx context.Context, as *app.Session, sel model.Selection, campaign model.ID,
	copts app.CampaignOptions, mo app.MergeOptions, f *screen.Feed[progress], id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		defer f.Close()
		if campaign == 0 {
			c, err := as.CreateCampaign(ctx, sel, copts)
			if err != nil {
				return campaignDoneMsg{id: id, err: err}
			}
			campaign = c.ID
		}
		st, err := as.RunCampaign(ctx, campaign, app.RunOptions{Merge: mo}, campaignTo(f))
		return campaignDoneMsg{id: id, status: st, err: err}
	}
}

// settingsSavedMsg says a change of the mail settings was saved (or why not).
type settingsSavedMsg struct {
	id     screen.RequestID
	err    error
	notice string // said once saved, if any
}
