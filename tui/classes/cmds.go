package classes

import (
	"context"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// setsMsg carries the admin's classes, groups and schools.
type setsMsg struct {
	id   screen.RequestID
	sets [2][]app.ClassInfo
	orgs []model.Organization
	err  error
}

func (m *Model) loadSets() tea.Cmd {
	m.listReq = m.sess.NewRequest()
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.listReq
	return func() tea.Msg {
		msg := setsMsg{id: id}
		for _, set := range []app.Set{app.Classes, app.Groups} {
			if msg.sets[set], msg.err = as.ListSets(ctx, set); msg.err != nil {
				return msg
			}
		}
		msg.orgs, msg.err = as.ListOrgs(ctx)
		return msg
	}
}

func (m *Model) setsLoaded(msg setsMsg) tea.Cmd {
	if msg.id != m.listReq {
		return nil
	}
	if msg.err != nil {
		m.fail(msg.err)
		return nil
	}
	m.sets, m.orgs, m.loaded = msg.sets, msg.orgs, true
	for set := range m.sets {
		m.cursor[set] = max(min(m.cursor[set], len(m.sets[set])-1), 0)
	}
	names := map[model.ID]string{}
	for _, c := range m.sets[app.Classes] {
		names[c.ID] = c.Name
	}
	m.members.SetClassNames(names)
	m.pick.SetClassNames(names)
	for i, s := range m.sets[m.tab] {
		if s.ID == m.open.ID {
			m.open = s // its count changed
		}
		if s.ID == m.pendingCursor {
			m.cursor[m.tab] = i
		}
	}
	m.pendingCursor = 0
	return nil
}

// actionKind is what a running action does, for its notice and what follows it.
type actionKind int

const (
	actCreate actionKind = iota
	actRename
	actDelete
	actAdd
	actRemove
)

// actionMsg is the result of an action on a class or group.
type actionMsg struct {
	id   screen.RequestID
	kind actionKind
	info app.ClassInfo
	user model.User // the member added or removed
	err  error
}

// run starts an action in a command.
func (m *Model) run(kind actionKind, job func(ctx context.Context, as *app.Session) actionMsg) tea.Cmd {
	if m.focus != focusForm && m.focus != focusBusy {
		m.back = m.focus
	}
	m.forms.Close()
	m.setFocus(focusBusy)
	m.actionReq = m.sess.NewRequest()
	ctx, cancel := context.WithCancel(m.sess.Ctx)
	m.cancel = cancel
	as, id := m.sess.Acting, m.actionReq
	return tea.Batch(m.busy.Start(), func() tea.Msg {
		defer cancel()
		msg := job(ctx, as)
		msg.id, msg.kind = id, kind
		return msg
	})
}

func (m *Model) actionDone(msg actionMsg) tea.Cmd {
	if msg.id != m.actionReq {
		return nil
	}
	m.busy.Stop()
	m.cancel = nil
	var notEmpty *model.NotEmptyError
	switch {
	case msg.kind == actDelete && errors.As(msg.err, &notEmpty):
		msg.info.Members = notEmpty.Members // more members than the list knew: ask first
		m.focus = m.back
		return m.confirmDelete(msg.info)
	case msg.err != nil:
		m.fail(msg.err)
		return m.setFocus(m.back)
	}
	m.notice = m.noticeFor(msg)
	cmds := []tea.Cmd{m.loadSets()}
	switch msg.kind {
	case actCreate, actRename: // the cursor follows it to its place in the order
		m.selectSet(msg.info.ID)
	case actAdd, actRemove:
		cmds = append(cmds, m.members.Reload())
		if m.back == focusPicker {
			cmds = append(cmds, m.pick.Reload())
		}
	}
	cmds = append(cmds, m.setFocus(m.back))
	return tea.Batch(cmds...)
}

func (m *Model) noticeFor(msg actionMsg) string {
	t := m.sess.Cat.Directory.Sets
	switch msg.kind {
	case actCreate:
		return fmt.Sprintf(t.Created, msg.info.Name)
	case actRename:
		return fmt.Sprintf(t.Renamed, msg.info.Name)
	case actDelete:
		return fmt.Sprintf(t.Deleted, msg.info.Name)
	case actAdd:
		return fmt.Sprintf(t.Added, msg.user.FullName(), m.open.Name)
	}
	return fmt.Sprintf(t.Removed, msg.user.FullName(), m.open.Name)
}

// selectSet puts the cursor on a class or group once the list has it.
func (m *Model) selectSet(id model.ID) { m.pendingCursor = id }

// deleteSet deletes a class or group; force is set once the admin confirmed a non-empty one.
func (m *Model) deleteSet(info app.ClassInfo, force bool) tea.Cmd {
	set := m.tab
	return m.run(actDelete, func(ctx context.Context, as *app.Session) actionMsg {
		out, err := as.DeleteSet(ctx, set, info.ID, force, false)
		if err != nil {
			out = info
		}
		return actionMsg{info: out, err: err}
	})
}

// changeMember adds a user to the open class or group, or removes them.
func (m *Model) changeMember(u model.User, add bool) tea.Cmd {
	set, open, kind := m.tab, m.open, actRemove
	if add {
		kind = actAdd
	}
	return m.run(kind, func(ctx context.Context, as *app.Session) actionMsg {
		_, err := as.ChangeMembers(ctx, set, open.ID, []model.ID{u.ID}, add, false)
		return actionMsg{info: open, user: u, err: err}
	})
}
