package users

import (
	"context"
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
)

// Bulk actions (b) act on the rows marked with v, or on the whole filtered list when none is:
// the admin picks the action, then confirms with the number of people it reaches.

// toggleMark marks or unmarks a row for the next bulk action.
func (m *Model) toggleMark(u model.User) {
	if m.marks == nil {
		m.marks = map[model.ID]bool{}
	}
	if m.marks[u.ID] {
		delete(m.marks, u.ID)
	} else {
		m.marks[u.ID] = true
	}
	cat := m.sess.Cat
	m.notice = fmt.Sprintf(cat.Accounts.Marked, cat.Count(len(m.marks), cat.Nouns.User))
}

// bulkTarget says whom a bulk action reaches: the marked rows, else the filtered list.
func (m *Model) bulkTarget() (ids []model.ID, label string) {
	cat := m.sess.Cat
	if len(m.marks) > 0 {
		for id := range m.marks {
			ids = append(ids, id)
		}
		return ids, fmt.Sprintf(cat.Accounts.ActOnMarked, cat.Count(len(ids), cat.Nouns.User))
	}
	return nil, fmt.Sprintf(cat.Accounts.ActOnFiltered, cat.Count(m.list.Total(), cat.Nouns.User))
}

// bulkForm asks which action to take.
func (m *Model) bulkForm() tea.Cmd {
	cat := m.sess.Cat
	_, target := m.bulkTarget()
	m.fv = &formValues{action: app.BulkSuspend}
	opts := make([]huh.Option[app.BulkAction], len(app.BulkActions))
	for i, a := range app.BulkActions {
		opts[i] = huh.NewOption(cat.Accounts.Actions[a-1], a)
	}
	return m.openForm(formBulk, m.sess.NewForm(huh.NewGroup(
		huh.NewSelect[app.BulkAction]().Key("action").Title(cat.Accounts.BulkTitle).Description(target).
			Options(opts...).Value(&m.fv.action),
	)))
}

// bulkConfirm asks before the action chosen, telling how many it reaches.
func (m *Model) bulkConfirm() tea.Cmd {
	cat := m.sess.Cat
	ids, _ := m.bulkTarget()
	n := len(ids)
	if ids == nil {
		n = m.list.Total()
	}
	q := fmt.Sprintf(cat.Accounts.Confirm, cat.Accounts.Actions[m.fv.action-1], cat.Count(n, cat.Nouns.User))
	return m.yesNo(formBulkConfirm, q)
}

// yesNo asks a question about the open form's values (kept as they are); No is the default.
func (m *Model) yesNo(kind formKind, question string) tea.Cmd {
	cat := m.sess.Cat
	m.fv.yes = false
	return m.openForm(kind, m.sess.NewForm(huh.NewGroup(
		huh.NewConfirm().Key("yes").Title(question).Affirmative(cat.App.Yes).Negative(cat.App.No).Value(&m.fv.yes),
	)))
}

// runBulk runs the action chosen on the marked rows or the filtered list.
func (m *Model) runBulk() tea.Cmd {
	action := m.fv.action
	ids, _ := m.bulkTarget()
	sel := m.list.Selection()
	as := m.sess.Acting
	return m.run(actBulk, m.sess.Cat.App.Working, func(ctx context.Context) actionMsg {
		var res app.BulkResult
		var err error
		if ids != nil {
			res, err = as.Bulk(ctx, action, ids, false)
		} else {
			res, err = as.BulkSelection(ctx, action, sel, false)
		}
		return actionMsg{bulk: res, err: err}
	})
}

// bulkNotice says what a bulk action did.
func (m *Model) bulkNotice(res app.BulkResult) string {
	cat := m.sess.Cat
	s := fmt.Sprintf(cat.Accounts.Done[res.Action-1], cat.Count(len(res.Changed), cat.Nouns.User))
	if res.Skipped > 0 {
		s += " " + fmt.Sprintf(cat.Accounts.Skipped, cat.Count(res.Skipped, cat.Nouns.User))
	}
	return s
}

// suspendOne suspends a user, or gives a suspended one back.
func (m *Model) suspendOne(u model.User) tea.Cmd {
	action := app.BulkSuspend
	if u.Suspended() {
		action = app.BulkUnsuspend
	}
	as := m.sess.Acting
	return m.run(actSuspend, m.sess.Cat.App.Working, func(ctx context.Context) actionMsg {
		res, err := as.Bulk(ctx, action, []model.ID{u.ID}, false)
		if err != nil {
			return actionMsg{user: u, err: err}
		}
		fresh, err := as.GetUser(ctx, u.ID)
		return actionMsg{user: fresh, bulk: res, err: err}
	})
}

// mergeForm asks for the other account of the person u is (u is kept).
func (m *Model) mergeForm(u model.User) tea.Cmd {
	cat := m.sess.Cat
	m.fv = &formValues{target: u}
	return m.openForm(formMerge, m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key("other").Title(cat.Accounts.MergeWith).Description(cat.Accounts.MergeHint).
			Value(&m.fv.childLogin).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New(cat.Validation(&model.ValidationError{Field: "user", Rule: model.RuleRequired}))
			}
			return nil
		}),
	).Title(fmt.Sprintf(cat.Accounts.MergeTitle, u.FullName()))))
}

// mergeConfirm asks before merging the account typed (or the duplicate chosen) into the target.
func (m *Model) mergeConfirm() tea.Cmd {
	other := strings.TrimSpace(m.fv.childLogin)
	return m.yesNo(formMergeConfirm, fmt.Sprintf(m.sess.Cat.Accounts.MergeConfirm, other, m.fv.target.Login))
}

// runMerge merges the other account into the target.
func (m *Model) runMerge() tea.Cmd {
	keep, other := m.fv.target, strings.TrimSpace(m.fv.childLogin)
	as := m.sess.Acting
	return m.run(actMerge, m.sess.Cat.App.Working, func(ctx context.Context) actionMsg {
		o, err := as.FindUserByLogin(ctx, other)
		if err != nil {
			return actionMsg{user: keep, err: err}
		}
		res, err := as.MergeUsers(ctx, keep.ID, o.ID, false)
		if err != nil {
			return actionMsg{user: keep, err: err}
		}
		return actionMsg{user: res.Kept, path: res.Removed.Login}
	})
}

// createAnyway asks, after a refusal naming likely duplicates, whether to add the person
// anyway; yes creates them with the values typed.
func (m *Model) createAnyway(de *model.DuplicateError) tea.Cmd {
	cat := m.sess.Cat
	return m.yesNo(formCreateAnyway, fmt.Sprintf(cat.Accounts.DuplicateAsk, cat.DuplicateMatches(de.Matches)))
}

func (m *Model) runCreateAnyway() tea.Cmd {
	fields, _ := m.fv.fields(model.User{})
	fields.AllowDuplicate = true
	org := m.fv.org
	return m.runOne(actCreate, func(ctx context.Context, as *app.Session) (model.User, error) {
		return as.CreateUser(ctx, org, fields, false)
	})
}
