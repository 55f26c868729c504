package merge

import (
	"context"
	"os"
	"path/filepath"
	"sync"

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

// feed carries a job's latest progress to the screen without ever blocking the job (Bubble
// Tea's "realtime" pattern): the job's callback keeps the latest figures and raises a flag; a
// waiting command takes them and is issued again after each message.
type feed struct {
	mu       sync.Mutex
	progress progress
	ready    chan struct{} // capacity 1: newer figures are there
	done     chan struct{} // closed when the job returned
}

// progress is what a running job shows: pages for cards, counts for emails.
type progress struct {
	pages, total int
	campaign     app.CampaignProgress
}

func newFeed() *feed { return &feed{ready: make(chan struct{}, 1), done: make(chan struct{})} }

func (f *feed) set(change func(*progress)) {
	f.mu.Lock()
	change(&f.progress)
	f.mu.Unlock()
	select {
	case f.ready <- struct{}{}:
	default:
	}
}

func (f *feed) pages(done, total int) { f.set(func(p *progress) { p.pages, p.total = done, total }) }

func (f *feed) campaign(c app.CampaignProgress) { f.set(func(p *progress) { p.campaign = c }) }

// progressMsg is a job's latest figures.
type progressMsg struct {
	id screen.RequestID
	p  progress
}

func (f *feed) waitCmd(id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		select {
		case <-f.ready:
			f.mu.Lock()
			defer f.mu.Unlock()
			return progressMsg{id: id, p: f.progress}
		case <-f.done:
			return nil
		}
	}
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
	feed       *feed
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
	f *feed, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		defer close(f.done)
		path, err := filepath.Abs(o.output)
		if err != nil {
			return pdfDoneMsg{id: id, err: err}
		}
		msg := pdfDoneMsg{id: id, path: path}
		if o.split {
			if msg.err = os.MkdirAll(path, 0o755); msg.err == nil {
				msg.res, msg.err = as.MergePDFSplit(ctx, sel, o.layout(), mo, path, "", f.pages)
			}
			return msg
		}
		msg.res, msg.err = as.MergePDFFile(ctx, sel, o.layout(), mo, path, f.pages)
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
	copts app.CampaignOptions, mo app.MergeOptions, f *feed, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		defer close(f.done)
		if campaign == 0 {
			c, err := as.CreateCampaign(ctx, sel, copts)
			if err != nil {
				return campaignDoneMsg{id: id, err: err}
			}
			campaign = c.ID
		}
		st, err := as.RunCampaign(ctx, campaign, app.RunOptions{Merge: mo}, f.campaign)
		return campaignDoneMsg{id: id, status: st, err: err}
	}
}

// settingsSavedMsg says a change of the mail settings was saved (or why not).
type settingsSavedMsg struct {
	id     screen.RequestID
	err    error
	notice string // said once saved, if any
}
