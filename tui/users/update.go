package users

import (
	"context"

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
	case detailMsg:
		return m, m.detailLoaded(msg)
	case actionMsg:
		return m, m.actionDone(msg)
	case savedMsg:
		m.savedLoaded(msg)
		return m, nil
	case dupsMsg:
		m.dupsLoaded(msg)
		return m, nil
	case screen.DataChangedMsg, screen.ResumeMsg:
		return m, m.refresh()
	}
	return m, m.other(msg)
}

// other passes the remaining messages on: the list's pages, the spinner, the form's own steps.
func (m *Model) other(msg tea.Msg) tea.Cmd {
	cmds := []tea.Cmd{m.list.Update(msg), m.busy.Update(msg)}
	if m.focus == focusForm && m.forms.Form != nil {
		cmds = append(cmds, m.updateForm(msg))
	}
	return tea.Batch(cmds...)
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	m.notice, m.errText = "", ""
	var cmd tea.Cmd
	switch m.focus {
	case focusFilters:
		cmd = m.filterKey(k)
	case focusTable:
		cmd = m.tableKey(k)
	case focusPicker:
		cmd = m.pickerKey(k)
	case focusDetail:
		cmd = m.detailKey(k)
	case focusForm:
		cmd = m.updateForm(k)
	case focusSaved:
		cmd = m.savedKey(k)
	case focusDups:
		cmd = m.dupsKey(k)
	case focusBusy:
		if key.Matches(k, m.keys.cancel) && m.cancel != nil {
			m.cancel()
		}
	}
	// A resize may have made room for rows not loaded yet.
	return tea.Batch(cmd, m.list.Ensure())
}

func (m *Model) filterKey(k tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	switch {
	case key.Matches(k, km.focus):
		return m.setFocus(focusTable)
	case key.Matches(k, km.clear):
		m.panel.reset()
		return m.refilter(false)
	case !m.panel.typing() && key.Matches(k, km.saveFilter):
		return m.saveFilterForm()
	case !m.panel.typing() && key.Matches(k, km.openSaved):
		return m.openSaved()
	}
	ch, cmd := m.panel.key(k, km)
	switch ch {
	case changedNow:
		return tea.Batch(cmd, m.refilter(false))
	case changedTyping:
		return tea.Batch(cmd, m.refilter(true))
	case openPicker:
		return m.openPicker()
	case leavePanel:
		return m.setFocus(focusTable)
	}
	return cmd
}

func (m *Model) tableKey(k tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := m.list.Key(k); ok {
		return cmd
	}
	km := m.keys
	u, ok := m.list.Selected()
	switch {
	case key.Matches(k, km.focus):
		return m.setFocus(focusFilters)
	case key.Matches(k, km.search):
		m.panel.row = rowSearch
		return m.setFocus(focusFilters)
	case key.Matches(k, km.clear):
		m.panel.reset()
		return m.refilter(false)
	case key.Matches(k, km.add):
		return m.createUser()
	case key.Matches(k, km.export):
		return m.exportForm()
	case key.Matches(k, km.mailMerge):
		return screen.Navigate(screen.RouteMailMerge, screen.MailMergeArgs{Selection: m.Selection()}, screen.Push)
	case key.Matches(k, km.saveFilter):
		return m.saveFilterForm()
	case key.Matches(k, km.openSaved):
		return m.openSaved()
	case key.Matches(k, km.bulk):
		return m.bulkForm()
	case key.Matches(k, km.duplicates):
		return m.openDuplicates()
	case !ok:
		return nil
	case key.Matches(k, km.mark):
		m.toggleMark(u)
		return nil
	case key.Matches(k, km.details):
		return m.openDetail(u)
	}
	return m.userAction(k, u)
}

func (m *Model) detailKey(k tea.KeyPressMsg) tea.Cmd {
	if key.Matches(k, m.keys.close) {
		return m.setFocus(focusTable)
	}
	if m.detail.err != nil {
		return nil // the row it came from is still there: act on it from the list
	}
	return m.userAction(k, m.detail.user)
}

// userAction runs the action key k on user u, asking first when it cannot be undone.
func (m *Model) userAction(k tea.KeyPressMsg, u model.User) tea.Cmd {
	km, t := m.keys, m.sess.Cat.Directory.Users
	switch {
	case key.Matches(k, km.edit):
		return m.editUser(u)
	case key.Matches(k, km.link):
		return m.linkForm(u)
	case key.Matches(k, km.suspend):
		return m.suspendOne(u)
	case key.Matches(k, km.merge):
		return m.mergeForm(u)
	case key.Matches(k, km.admin):
		return m.runOne(actAdmin, func(ctx context.Context, as *app.Session) (model.User, error) {
			cur, err := as.GetUser(ctx, u.ID) // toggle what the store has, not a row shown
			if err != nil {
				return u, err
			}
			return as.SetLocalAdmin(ctx, u.ID, !cur.LocalAdmin, false)
		})
	case key.Matches(k, km.regen):
		if u.Activated() {
			m.fail(model.ErrAlreadyActivated)
			return nil
		}
		return m.confirm(formRegen, u, t.ConfirmRegen)
	case key.Matches(k, km.pending):
		return m.runMany(actPending, u, (*app.Session).MarkPendingDeletion)
	case key.Matches(k, km.restore):
		return m.runMany(actRestore, u, (*app.Session).RestoreUsers)
	case key.Matches(k, km.del):
		if !u.PendingDeletion() {
			m.fail(model.ErrNotPending)
			return nil
		}
		return m.confirm(formDelete, u, t.ConfirmDelete)
	}
	return nil
}
