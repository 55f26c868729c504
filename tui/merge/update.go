package merge

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// Update handles keys, loads, progress and the end of jobs.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case loadedMsg:
		m.loadedPreview(msg)
		return m, nil
	case screen.Progress[progress]:
		if msg.ID != m.job.id || m.step != stepRunning {
			return m, nil
		}
		m.job.p = msg.P
		return m, m.job.feed.Wait(m.job.id)
	case pdfDoneMsg:
		return m, m.pdfDone(msg)
	case campaignDoneMsg:
		return m, m.campaignDone(msg)
	case filtersMsg:
		return m, m.openFilterPicker(msg)
	case policyReadMsg:
		return m, m.policyRead(msg)
	case settingsSavedMsg:
		if msg.id != m.loadReq {
			return m, nil
		}
		if msg.err != nil {
			m.busy.Stop()
			m.err = msg.err
			return m, nil
		}
		m.notice = msg.notice
		return m, m.reload()
	case screen.ResumeMsg, screen.DataChangedMsg:
		if m.step == stepView {
			return m, m.reload()
		}
		return m, nil
	}
	if m.step == stepForm {
		return m, m.updateForm(msg)
	}
	return m, m.busy.Update(msg)
}

func (m *Model) loadedPreview(msg loadedMsg) {
	if msg.id != m.loadReq {
		return // a newer load is coming
	}
	if m.step != stepRunning {
		m.busy.Stop()
	}
	m.loaded = true
	if msg.err != nil {
		m.err = msg.err
		return
	}
	m.preview, m.noSMTP, m.campaigns = msg.preview, msg.noSMTP, msg.campaigns
	m.opts.activationURL = msg.settings.ActivationURL
	m.smtp, m.smtpPasswordSet, m.school, m.schoolName = msg.settings, msg.settings.PasswordSet(), msg.school, msg.schoolName
	m.smtp.Password = "" // the screen only needs to know one is set
	m.cursor = min(m.cursor, max(len(m.campaigns)-1, 0))
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	switch m.step {
	case stepForm:
		return m.updateForm(k)
	case stepConfirm:
		switch {
		case key.Matches(k, m.keys.confirm):
			return m.startCampaign(0)
		case key.Matches(k, m.keys.cancel):
			m.step = stepView
		}
		return nil
	case stepRunning:
		if key.Matches(k, m.keys.cancel) && !m.job.cancelling {
			m.job.cancelling = true
			m.job.cancel()
		}
		return nil
	}
	return m.viewKey(k)
}

func (m *Model) viewKey(k tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	switch {
	case key.Matches(k, km.tab):
		m.panel = 1 - m.panel
	case key.Matches(k, km.edit):
		return m.openForm()
	case key.Matches(k, km.filter):
		return m.loadFilters()
	case key.Matches(k, km.smtp) && m.panel == panelEmails && m.loaded:
		return m.openSMTPForm()
	case key.Matches(k, km.policy) && m.loaded:
		return m.openPolicyForm()
	case key.Matches(k, km.generate) && m.panel == panelCards:
		return m.startPDF()
	case key.Matches(k, km.send) && m.panel == panelEmails && m.loaded:
		m.notice, m.err = "", nil
		m.step = stepConfirm
	case key.Matches(k, km.resume) && m.panel == panelEmails && len(m.campaigns) > 0:
		return m.startCampaign(m.campaigns[m.cursor].ID)
	case key.Matches(k, km.up) && m.panel == panelEmails:
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, km.down) && m.panel == panelEmails:
		m.cursor = min(m.cursor+1, max(len(m.campaigns)-1, 0))
	}
	return nil
}

// startJob prepares the state of a new job and returns its context and feed.
func (m *Model) startJob(kind jobKind) (context.Context, *screen.Feed[progress]) {
	ctx, cancel := context.WithCancel(m.sess.Ctx)
	f := screen.NewFeed[progress]()
	m.job = job{id: m.sess.NewRequest(), kind: kind, cancel: cancel, feed: f}
	m.step, m.notice, m.err = stepRunning, "", nil
	return ctx, f
}

func (m *Model) startPDF() tea.Cmd {
	if err := m.sess.LocalFiles(); err != nil { // over SSH the PDF would be written on the server
		m.err = err
		return nil
	}
	ctx, f := m.startJob(jobPDF)
	return tea.Batch(m.busy.Start(),
		pdfCmd(ctx, m.sess.Acting, m.sel, m.opts, m.mergeOptions(), f, m.job.id), f.Wait(m.job.id))
}

// startCampaign sends a new campaign on the selection (id 0) or resumes campaign id.
func (m *Model) startCampaign(id model.ID) tea.Cmd {
	kind := jobSend
	if id != 0 {
		kind = jobResume
	}
	rate, _ := strconv.Atoi(strings.TrimSpace(m.opts.rate))
	ctx, f := m.startJob(kind)
	return tea.Batch(m.busy.Start(), campaignCmd(ctx, m.sess.Acting, m.sel, id,
		app.CampaignOptions{RatePerMinute: max(rate, 0)}, m.mergeOptions(), f, m.job.id), f.Wait(m.job.id))
}

// endJob closes a finished job; the next load refreshes counts and campaigns.
func (m *Model) endJob() tea.Cmd {
	m.job.cancel()
	m.busy.Stop()
	m.step = stepView
	return m.reload()
}

func (m *Model) pdfDone(msg pdfDoneMsg) tea.Cmd {
	if msg.id != m.job.id || m.step != stepRunning {
		return nil
	}
	cat := m.sess.Cat
	cmd := m.endJob()
	switch {
	case errors.Is(msg.err, context.Canceled):
		m.notice = cat.App.Cancelled
	case msg.err != nil:
		m.err = msg.err
	case m.opts.split:
		m.notice = cat.WrittenSplit(msg.res.Cards, msg.res.Pages, len(msg.res.Files), msg.path)
	default:
		m.notice = cat.Written(msg.res.Cards, msg.res.Pages, msg.path)
	}
	return cmd
}

func (m *Model) campaignDone(msg campaignDoneMsg) tea.Cmd {
	if msg.id != m.job.id || m.step != stepRunning {
		return nil
	}
	cat := m.sess.Cat
	cmd := m.endJob()
	st := msg.status
	if st.ID != 0 {
		m.notice = fmt.Sprintf(cat.MailMerge.CampaignDone, st.ID, cat.Int(st.Counts.Sent), cat.Int(st.Counts.Failed+st.Counts.Uncertain))
		m.showCampaign(st) // at once: the reload under way will bring the same
	}
	switch {
	case errors.Is(msg.err, context.Canceled):
		m.notice = strings.TrimSpace(cat.App.Cancelled + " " + m.notice)
	case msg.err != nil:
		m.err = msg.err
	}
	return cmd
}

// showCampaign puts a campaign's latest status in the list, under the cursor.
func (m *Model) showCampaign(st app.CampaignStatus) {
	for i, c := range m.campaigns {
		if c.ID == st.ID {
			m.campaigns[i], m.cursor = st, i
			return
		}
	}
	m.campaigns = append([]app.CampaignStatus{st}, m.campaigns...) // newest first
	m.cursor = 0
}
