package classes

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// formKind is what the open form is for.
type formKind int

const (
	formCreate formKind = iota
	formRename
	formDelete // the question before deleting a non-empty class or group
)

// formValues are the values the open form edits.
type formValues struct {
	target            app.ClassInfo
	org               model.ID
	code, name, level string
	yes               bool
}

func (m *Model) openForm(kind formKind, f *huh.Form) tea.Cmd {
	if m.focus != focusForm && m.focus != focusBusy {
		m.back = m.focus
	}
	m.setFocus(focusForm)
	return m.forms.Open(kind, f, m.width, m.bodyHeight())
}

func (m *Model) closeForm() tea.Cmd {
	m.forms.Close()
	return m.setFocus(m.back)
}

// updateForm passes a message (esc included) to the form and acts on its completion.
func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	cmd, end := m.forms.Update(msg, m.keys.cancel)
	switch end {
	case screen.FormDone:
		return tea.Batch(cmd, m.submitForm())
	case screen.FormCancelled:
		return tea.Batch(cmd, m.closeForm())
	}
	return cmd
}

func (m *Model) submitForm() tea.Cmd {
	fv, set := m.fv, m.tab
	switch m.forms.Kind {
	case formCreate:
		in := app.SetInput{OrgID: fv.org, Code: fv.code, Name: fv.name, Level: fv.level}
		return m.run(actCreate, func(ctx context.Context, as *app.Session) actionMsg {
			info, err := as.CreateSet(ctx, set, in, false)
			return actionMsg{info: info, err: err}
		})
	case formRename:
		id := fv.target.ID
		return m.run(actRename, func(ctx context.Context, as *app.Session) actionMsg {
			info, err := as.RenameSet(ctx, set, id, fv.name, fv.level, false)
			return actionMsg{info: info, err: err}
		})
	case formDelete:
		if fv.yes {
			return m.deleteSet(fv.target, true)
		}
	}
	return m.closeForm()
}

// createForm asks for the school (admins of several), the code, the name and a class's level.
func (m *Model) createForm() tea.Cmd {
	if !m.loaded {
		return nil
	}
	t, f := m.sess.Cat.Directory.Sets, m.sess.Cat.Fields
	m.fv = &formValues{}
	title := t.NewClass
	if m.tab == app.Groups {
		title = t.NewGroup
	}
	var fields []huh.Field
	if len(m.orgs) > 1 {
		opts := make([]huh.Option[model.ID], len(m.orgs))
		for i, o := range m.orgs {
			opts[i] = huh.NewOption(o.Name, o.ID)
		}
		m.fv.org = m.orgs[0].ID
		fields = append(fields, huh.NewSelect[model.ID]().Key("school").Title(t.School).Options(opts...).Value(&m.fv.org))
	}
	fields = append(fields,
		huh.NewInput().Key("code").Title(f.ClassCode).Description(t.CodeHint).Value(&m.fv.code).Validate(m.sess.Required(f.ClassCode)),
		huh.NewInput().Key("name").Title(t.Name).Value(&m.fv.name).CharLimit(model.MaxNameLength))
	if m.tab == app.Classes {
		fields = append(fields, huh.NewInput().Key("level").Title(t.Level).Value(&m.fv.level))
	}
	return m.openForm(formCreate, m.sess.NewForm(huh.NewGroup(fields...).Title(title)))
}

// renameForm changes the name (and a class's level) of the class or group under the cursor.
func (m *Model) renameForm(info app.ClassInfo) tea.Cmd {
	t := m.sess.Cat.Directory.Sets
	m.fv = &formValues{target: info, name: info.Name, level: info.Level}
	fields := []huh.Field{huh.NewInput().Key("name").Title(t.Name).Value(&m.fv.name).
		CharLimit(model.MaxNameLength).Validate(m.sess.Required(t.Name))}
	if m.tab == app.Classes {
		fields = append(fields, huh.NewInput().Key("level").Title(t.Level).Value(&m.fv.level))
	}
	return m.openForm(formRename, m.sess.NewForm(huh.NewGroup(fields...).Title(fmt.Sprintf(t.Rename, info.Name))))
}

// confirmDelete asks before deleting a class or group that still has members; No is the default.
func (m *Model) confirmDelete(info app.ClassInfo) tea.Cmd {
	cat := m.sess.Cat
	m.fv = &formValues{target: info}
	q := fmt.Sprintf(cat.Directory.Sets.ConfirmDelete, info.Name, cat.Count(info.Members, cat.Directory.Sets.Member))
	return m.openForm(formDelete, m.sess.NewForm(huh.NewGroup(
		huh.NewConfirm().Key("yes").Title(q).Affirmative(cat.App.Yes).Negative(cat.App.No).Value(&m.fv.yes),
	)))
}
