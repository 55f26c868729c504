package classes

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// Update routes keys to the focused part and results to whoever asked for them.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case setsMsg:
		return m, m.setsLoaded(msg)
	case actionMsg:
		return m, m.actionDone(msg)
	case screen.DataChangedMsg, screen.ResumeMsg:
		return m, tea.Batch(m.loadSets(), m.members.Reload())
	}
	cmds := []tea.Cmd{m.members.Update(msg), m.pick.Update(msg), m.busy.Update(msg)}
	if m.focus == focusForm && m.forms.Form != nil {
		cmds = append(cmds, m.updateForm(msg))
	}
	return m, tea.Batch(cmds...)
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	m.notice, m.errText = "", ""
	switch m.focus {
	case focusList:
		return m.listKey(k)
	case focusMembers:
		return m.membersKey(k)
	case focusPicker:
		return m.pickerKey(k)
	case focusForm:
		return m.updateForm(k)
	}
	return nil
}

func (m *Model) listKey(k tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	n := len(m.sets[m.tab])
	switch {
	case key.Matches(k, km.tabs):
		m.tab = 1 - m.tab
		return nil
	case key.Matches(k, km.up):
		m.cursor[m.tab] = max(m.cursor[m.tab]-1, 0)
		return nil
	case key.Matches(k, km.down):
		m.cursor[m.tab] = max(min(m.cursor[m.tab]+1, n-1), 0)
		return nil
	case key.Matches(k, km.create):
		return m.createForm()
	}
	info, ok := m.current()
	switch {
	case !ok:
		return nil
	case key.Matches(k, km.members):
		return m.openMembers(info)
	case key.Matches(k, km.rename):
		return m.renameForm(info)
	case key.Matches(k, km.del):
		if info.Members > 0 {
			return m.confirmDelete(info)
		}
		return m.deleteSet(info, false)
	}
	return nil
}

// openMembers pages through the members of a class or group, pending deletion included.
func (m *Model) openMembers(info app.ClassInfo) tea.Cmd {
	m.open = info
	sel := model.Selection{Pending: model.PendingInclude, OwnClass: true} // members: no parent through a child
	if m.tab == app.Classes {
		sel.ClassIDs = []model.ID{info.ID}
	} else {
		sel.GroupIDs = []model.ID{info.ID}
	}
	return tea.Batch(m.setFocus(focusMembers), m.members.SetSelection(sel, false))
}

func (m *Model) membersKey(k tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := m.members.Key(k); ok {
		return cmd
	}
	km := m.keys
	switch {
	case key.Matches(k, km.close):
		return m.setFocus(focusList)
	case key.Matches(k, km.add):
		m.query.SetValue("")
		return tea.Batch(m.setFocus(focusPicker), m.pick.SetSelection(m.candidates(), false))
	case key.Matches(k, km.remove):
		if u, ok := m.members.Selected(); ok {
			return m.changeMember(u, false)
		}
	}
	return nil
}

// candidates are the users who may join the open set: its school's, and for a class only
// students and teachers; the search narrows them.
func (m *Model) candidates() model.Selection {
	sel := model.Selection{OrgIDs: []model.ID{m.open.OrgID}, Text: m.query.Value()}
	if m.tab == app.Classes {
		sel.Profiles = []model.Profile{model.Student, model.Teacher}
	}
	return sel
}

func (m *Model) pickerKey(k tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := m.pick.Key(k); ok {
		return cmd
	}
	km := m.keys
	switch {
	case key.Matches(k, km.close):
		return m.setFocus(focusMembers)
	case key.Matches(k, km.addOne):
		if u, ok := m.pick.Selected(); ok {
			return m.changeMember(u, true)
		}
		return nil
	}
	before := m.query.Value()
	var cmd tea.Cmd
	m.query, cmd = m.query.Update(k)
	if m.query.Value() != before {
		return tea.Batch(cmd, m.pick.SetSelection(m.candidates(), true))
	}
	return cmd
}
