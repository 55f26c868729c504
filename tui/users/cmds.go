package users

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
	"rollcall/tui/screen"
)

// setsMsg carries the admin's classes, groups and schools: names for the list and the detail,
// choices for the class filter and the forms.
type setsMsg struct {
	id              screen.RequestID
	classes, groups []app.ClassInfo
	orgs            []model.Organization
	err             error
}

func (m *Model) loadSets() tea.Cmd {
	m.setsReq = m.sess.NewRequest()
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.setsReq
	return func() tea.Msg {
		msg := setsMsg{id: id}
		if msg.classes, msg.err = as.ListSets(ctx, app.Classes); msg.err != nil {
			return msg
		}
		if msg.groups, msg.err = as.ListSets(ctx, app.Groups); msg.err != nil {
			return msg
		}
		msg.orgs, msg.err = as.ListOrgs(ctx)
		return msg
	}
}

func (m *Model) setsLoaded(msg setsMsg) tea.Cmd {
	if msg.id != m.setsReq {
		return nil
	}
	if msg.err != nil {
		m.fail(msg.err)
		return nil
	}
	m.classes, m.groups, m.orgs = msg.classes, msg.groups, msg.orgs
	names := make(map[model.ID]string, len(m.classes))
	for _, c := range m.classes {
		names[c.ID] = c.Name
	}
	m.list.SetClassNames(names)
	return nil
}

// refilter shows the panel's selection; debounce while the admin types.
func (m *Model) refilter(debounce bool) tea.Cmd {
	return m.list.SetSelection(m.panel.sel, debounce)
}

// refresh reloads what another screen may have changed.
func (m *Model) refresh() tea.Cmd {
	cmds := []tea.Cmd{m.loadSets(), m.list.Reload()}
	if m.focus == focusDetail {
		cmds = append(cmds, m.loadDetail(m.detail.user.ID))
	}
	return tea.Batch(cmds...)
}

// actionKind is what a running action does, for its notice and what follows it.
type actionKind int

const (
	actEdit actionKind = iota
	actCreate
	actAdmin
	actRegen
	actPending
	actRestore
	actDelete
	actExport
	actSaveFilter   // path is the filter's name, n the users it selects
	actDeleteFilter // path is the filter's name
	actLink         // path is the child's login, n 1 for a link and 0 for an unlink
	actBulk         // bulk is what it did
	actSuspend      // one user suspended or given back; bulk is what it did
	actMerge        // user is the account kept, path the login merged into it
)

// actionMsg is the result of an action on users.
type actionMsg struct {
	id   screen.RequestID
	kind actionKind
	user model.User
	n    int
	of   int // an export: how many users were selected (n were written)
	path string
	bulk app.BulkResult
	err  error
}

// run starts an action in a command, with the spinner on and esc to cancel it.
func (m *Model) run(kind actionKind, label string, job func(ctx context.Context) actionMsg) tea.Cmd {
	if m.focus != focusForm && m.focus != focusBusy {
		m.back = m.focus
	}
	m.forms.Close()
	m.setFocus(focusBusy)
	m.actionReq = m.sess.NewRequest()
	ctx, cancel := context.WithCancel(m.sess.Ctx)
	m.cancel, m.busyLabel = cancel, label
	id := m.actionReq
	return tea.Batch(m.busy.Start(), func() tea.Msg {
		defer cancel()
		msg := job(ctx)
		msg.id, msg.kind = id, kind
		return msg
	})
}

// runOne runs an action that changes one user and returns it.
func (m *Model) runOne(kind actionKind, do func(ctx context.Context, as *app.Session) (model.User, error)) tea.Cmd {
	as := m.sess.Acting
	return m.run(kind, m.sess.Cat.App.Working, func(ctx context.Context) actionMsg {
		u, err := do(ctx, as)
		return actionMsg{user: u, err: err}
	})
}

// runMany runs a lifecycle action on one user through the app's list-taking call.
func (m *Model) runMany(kind actionKind, u model.User, do func(*app.Session, context.Context, []model.ID, bool) ([]model.User, error)) tea.Cmd {
	return m.runOne(kind, func(ctx context.Context, as *app.Session) (model.User, error) {
		out, err := do(as, ctx, []model.ID{u.ID}, false)
		if err != nil || len(out) == 0 {
			return u, err
		}
		return out[0], nil
	})
}

func (m *Model) actionDone(msg actionMsg) tea.Cmd {
	if msg.id != m.actionReq {
		return nil
	}
	m.busy.Stop()
	m.cancel = nil
	if msg.err != nil {
		return m.actionFailed(msg)
	}
	m.notice = m.noticeFor(msg)
	if msg.kind == actBulk || msg.kind == actMerge {
		m.marks = nil
	}
	if msg.user.ID != 0 && msg.kind != actDelete {
		m.list.Replace(msg.user)
		if m.detail.user.ID == msg.user.ID {
			m.detail.user = msg.user
		}
	}
	cmds := []tea.Cmd{m.list.Reload()}
	switch {
	case msg.kind == actDelete:
		m.detail = detail{}
		cmds = append(cmds, m.setFocus(focusTable))
	case msg.kind == actCreate:
		cmds = append(cmds, m.openDetail(msg.user))
	case msg.kind == actDeleteFilter:
		cmds = append(cmds, m.openSaved()) // the list without it
	case msg.kind == actMerge && m.back == focusDups:
		cmds = append(cmds, m.openDuplicates()) // the list without that group
	case m.back == focusDetail:
		cmds = append(cmds, m.setFocus(focusDetail), m.loadDetail(msg.user.ID))
	default:
		cmds = append(cmds, m.setFocus(m.back))
	}
	return tea.Batch(cmds...)
}

// actionFailed shows the error; a refused edit or creation reopens its form as it was typed.
func (m *Model) actionFailed(msg actionMsg) tea.Cmd {
	cat := m.sess.Cat
	switch {
	case errors.Is(msg.err, context.Canceled):
		m.notice = cat.App.Cancelled
	default:
		m.fail(msg.err)
	}
	var de *model.DuplicateError
	if msg.kind == actCreate && errors.As(msg.err, &de) {
		m.errText = ""
		return m.createAnyway(de)
	}
	var ve *model.ValidationError
	var ves model.ValidationErrors
	if (msg.kind == actEdit || msg.kind == actCreate) && (errors.As(msg.err, &ve) || errors.As(msg.err, &ves)) {
		kind := formEdit
		if msg.kind == actCreate {
			kind = formCreate
		}
		return m.openForm(kind, m.userForm(kind))
	}
	return m.setFocus(m.back)
}

func (m *Model) noticeFor(msg actionMsg) string {
	cat := m.sess.Cat
	u, t := &msg.user, cat.Directory.Users
	name := u.FullName()
	switch msg.kind {
	case actEdit:
		return fmt.Sprintf(cat.Users.Updated, name)
	case actCreate:
		return fmt.Sprintf(cat.Users.Created, name, u.Login)
	case actAdmin:
		if u.LocalAdmin {
			return fmt.Sprintf(t.AdminOn, name)
		}
		return fmt.Sprintf(t.AdminOff, name)
	case actRegen:
		return fmt.Sprintf(t.NewCode, name, model.FormatCode(u.ActivationCode))
	case actPending:
		return fmt.Sprintf(cat.Users.MarkedPending, name)
	case actRestore:
		return fmt.Sprintf(cat.Users.Restored, name)
	case actDelete:
		return fmt.Sprintf(cat.Users.Deleted, name)
	case actSaveFilter:
		return fmt.Sprintf(cat.Directory.Saved.Saved, msg.path, cat.Count(msg.n, cat.Nouns.User))
	case actDeleteFilter:
		return fmt.Sprintf(cat.Directory.Saved.Deleted, msg.path)
	case actBulk, actSuspend:
		return m.bulkNotice(msg.bulk)
	case actMerge:
		return fmt.Sprintf(cat.Accounts.Merged, msg.path, u.Login)
	case actLink:
		if msg.n == 0 {
			return fmt.Sprintf(cat.People.Unlinked, u.Login, msg.path)
		}
		return fmt.Sprintf(cat.People.Linked, u.Login, msg.path)
	}
	done := fmt.Sprintf(cat.Users.Exported, cat.Count(msg.n, cat.Nouns.User), msg.path)
	if msg.of > msg.n {
		done += " " + fmt.Sprintf(cat.Exports.LeftOut, cat.Count(msg.of-msg.n, cat.Nouns.User))
	}
	return done
}

// export writes the selection to path in a command; esc cancels it, leaving no file.
func (m *Model) export(format app.ExportFormat, opts app.ExportOptions, path string) tea.Cmd {
	cat := m.sess.Cat
	as, sel, labels := m.sess.Acting, m.list.Selection(), exportLabels(cat)
	total := m.list.Total()
	label := fmt.Sprintf(cat.Directory.Users.Exporting, cat.Count(total, cat.Nouns.User), path)
	local := m.sess.LocalFiles() // over SSH the path would be the server's
	return m.run(actExport, label, func(ctx context.Context) actionMsg {
		if local != nil {
			return actionMsg{err: local}
		}
		n, err := as.ExportUsersToFile(ctx, sel, format, labels, opts, path)
		return actionMsg{n: n, of: total, path: path, err: err}
	})
}

// exportLabels are the export's words in the admin's language; dates stay ISO so spreadsheets
// read them as dates. The catalogue is never changed once built, so the command may read it.
func exportLabels(cat *i18n.Catalog) app.ExportLabels {
	h := cat.Users.Columns
	return app.ExportLabels{
		Headers: [8]string{h.LastName, h.FirstName, h.Profile, h.Login, h.Code, h.Email, h.Class, h.Created},
		Profile: cat.Profile,
		Date:    func(t time.Time) string { return model.DateOf(t.Local()).String() },
	}
}
