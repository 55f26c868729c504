package admins

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/tui/screen"
)

// Update routes keys to the focused part and results to whoever asked for them.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case loadedMsg:
		return m, m.onLoaded(msg)
	case actionMsg:
		return m, m.actionDone(msg)
	case screen.DataChangedMsg, screen.ResumeMsg:
		return m, m.load()
	}
	if m.focus == focusForm && m.forms.Form != nil {
		return m, m.updateForm(msg)
	}
	return m, m.busy.Update(msg)
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	switch m.focus {
	case focusForm:
		return m.updateForm(k)
	case focusBusy:
		return nil
	}
	m.notice, m.errText = "", ""
	km := m.keys
	switch {
	case key.Matches(k, km.tabs):
		step := tab(1)
		if k.String() == "shift+tab" || k.String() == "left" {
			step = tabCount - 1
		}
		m.tab = (m.tab + step) % tabCount
	case key.Matches(k, km.up):
		m.cursor[m.tab] = max(m.cursor[m.tab]-1, 0)
	case key.Matches(k, km.down):
		m.cursor[m.tab] = max(min(m.cursor[m.tab]+1, m.count(m.tab)-1), 0)
	case key.Matches(k, km.refresh):
		return m.load()
	case !m.loaded:
		return nil
	case key.Matches(k, km.invite):
		return m.inviteForm()
	case key.Matches(k, km.join):
		return m.joinForm()
	case key.Matches(k, km.addKey):
		m.tab = tabKeys
		return m.addKeyForm()
	case key.Matches(k, km.remove):
		return m.confirmRemove()
	case key.Matches(k, km.newSchool):
		m.tab = tabSchools
		return m.schoolForm(nil)
	case key.Matches(k, km.editSchool) && m.tab == tabSchools && m.cursor[m.tab] < len(m.data.order):
		o := m.data.order[m.cursor[m.tab]]
		return m.schoolForm(&o)
	}
	return nil
}
