package claim

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/tui/screen"
)

// Update routes keys to the form of the step and handles the results.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case orgsMsg:
		if msg.id == m.req || msg.err != nil {
			m.orgs = msg.orgs
			if msg.err != nil {
				m.err = msg.err
			}
		}
		return m, nil
	case demoMsg:
		return m, m.demoLoaded(msg)
	case checkedMsg:
		return m, m.checked(msg)
	case claimedMsg:
		return m, m.claimedDone(msg)
	case tea.KeyPressMsg:
		if cmd, ok := m.key(msg); ok {
			return m, cmd
		}
	}
	if !m.isFormStep() {
		return m, m.busy.Update(msg)
	}
	cmd, state := screen.UpdateForm(m.form, msg)
	if state == huh.StateCompleted {
		return m, tea.Batch(cmd, m.completed())
	}
	return m, cmd
}

// key handles esc (one step back) and the done step's keys; ok is false for keys the form
// should see.
func (m *Model) key(k tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case m.step == stepDone && key.Matches(k, m.seats):
		return screen.Navigate(screen.RouteSeats, m.claimed.ID, screen.Replace), true
	case !key.Matches(k, m.sess.Keys.Back) || !m.HandlesBack():
		return nil, false
	}
	switch m.step {
	case stepVendor:
		return m.goTo(stepMethod), true
	case stepOrg:
		return m.goTo(stepVendor), true
	case stepReview:
		return m.goTo(stepOrg), true
	}
	return nil, true // checking or claiming: wait for the answer
}

// goTo opens a step's form, with the values typed so far.
func (m *Model) goTo(s step) tea.Cmd {
	m.step = s
	switch s {
	case stepMethod:
		m.form = m.methodForm()
	case stepVendor:
		m.form = m.vendorForm()
	case stepOrg:
		m.form = m.orgForm()
	case stepReview:
		m.form = m.reviewForm()
	}
	m.SetSize(m.width, m.height)
	return m.form.Init()
}

// completed moves on once the step's form is done.
func (m *Model) completed() tea.Cmd {
	switch m.step {
	case stepMethod:
		if m.v.method == methodDemo {
			m.useDemo()
		}
		m.step, m.err = stepChecking, nil
		m.req = m.sess.NewRequest()
		return tea.Batch(m.busy.Start(), checkCmd(m.sess.Ctx, m.sess.Acting, m.input(false), m.req))
	case stepVendor:
		return m.goTo(stepOrg)
	case stepOrg:
		return m.goTo(stepReview)
	}
	return m.reviewed()
}

func (m *Model) reviewed() tea.Cmd {
	switch m.v.choice {
	case choiceCode:
		return m.goTo(stepMethod)
	case choiceVendor:
		return m.goTo(stepVendor)
	case choiceOrg:
		return m.goTo(stepOrg)
	case choiceCancel:
		return screen.Emit(screen.BackMsg{})
	}
	m.step, m.err = stepClaiming, nil
	m.req = m.sess.NewRequest()
	return tea.Batch(m.busy.Start(), claimCmd(m.sess.Ctx, m.sess.Acting, m.input(true), m.req))
}

func (m *Model) checked(msg checkedMsg) tea.Cmd {
	if msg.id != m.req || m.step != stepChecking {
		return nil
	}
	m.busy.Stop()
	if msg.err != nil {
		m.err = msg.err
		cmd := m.goTo(stepMethod)
		return tea.Batch(cmd, m.form.NextGroup()) // straight back to the code or serial
	}
	m.preview, m.today = msg.preview, msg.today
	if m.v.vendor == "" {
		m.v.vendor = msg.preview.Subscription.Vendor
	}
	return m.goTo(stepVendor)
}

func (m *Model) claimedDone(msg claimedMsg) tea.Cmd {
	if msg.id != m.req || m.step != stepClaiming {
		return nil
	}
	m.busy.Stop()
	if msg.err != nil {
		m.err = msg.err
		return m.goTo(stepReview)
	}
	m.step, m.claimed, m.form = stepDone, msg.claimed, nil
	return tea.Batch(screen.Emit(screen.AdminMsg{Admin: msg.admin}), screen.Emit(screen.DataChangedMsg{}))
}
