package seats

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// Update routes keys to what has focus and results to whoever asked for them.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case loadedMsg:
		return m, m.loadedSeats(msg)
	case doneMsg:
		return m, m.changed(msg)
	case screen.Progress[app.SyncProgress]:
		return m, m.progressed(msg)
	case screen.DataChangedMsg, screen.ResumeMsg:
		if m.focus == focusList {
			return m, m.load()
		}
		return m, nil
	}
	if m.focus == focusForm && m.forms.Form != nil {
		return m, tea.Batch(m.updateForm(msg), m.busy.Update(msg))
	}
	return m, m.busy.Update(msg)
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	switch m.focus {
	case focusForm:
		return m.updateForm(k)
	case focusSyncing:
		if key.Matches(k, m.keys.cancel) {
			m.cancelSync()
		}
		return nil
	case focusBusy:
		return nil
	}
	return m.listKey(k)
}

func (m *Model) listKey(k tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	if !m.loaded || m.list.Sub.ID == 0 {
		return nil
	}
	m.notice, m.err = "", nil
	switch {
	case key.Matches(k, km.up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, km.down):
		m.cursor = max(min(m.cursor+1, len(m.list.Seats)-1), 0)
	case m.ended() && (key.Matches(k, km.add) || key.Matches(k, km.file) || key.Matches(k, km.sync)):
		m.err = &model.SubscriptionEndedError{EndedOn: m.list.State.Date} // says why, rather than a form that would fail
	case key.Matches(k, km.add):
		return m.emailsForm()
	case key.Matches(k, km.file):
		return m.fileForm()
	case key.Matches(k, km.sync):
		return m.syncForm()
	case key.Matches(k, km.remove):
		if m.cursor < len(m.list.Seats) {
			m.fv = &formValues{target: m.list.Seats[m.cursor]}
			cat := m.sess.Cat
			q := fmt.Sprintf(cat.Licensing.Seats.ConfirmRemoveOne, m.fv.target.Label())
			if !m.fv.target.ByHand() {
				q = fmt.Sprintf(cat.People.ConfirmDetach, m.fv.target.Label(), cat.SeatSource(m.fv.target))
			}
			return m.confirmForm(formRemoveOne, q)
		}
	case key.Matches(k, km.removeHand):
		n := m.handSeats()
		if n == 0 {
			m.notice = m.sess.Cat.Licensing.Seats.NothingByHand
			return nil
		}
		m.fv = &formValues{}
		cat := m.sess.Cat
		return m.confirmForm(formRemoveHand, fmt.Sprintf(cat.Licensing.Seats.ConfirmRemoveHand, cat.Count(n, cat.Licensing.Seat)))
	}
	return nil
}
