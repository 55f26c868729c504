package users

import (
	"context"
	"errors"
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
	"rollcall/tui/screen"
)

// formKind is what the open form is for.
type formKind int

const (
	formEdit         formKind = iota // a user's fields
	formCreateOrg                    // the school of a user created by hand (admins of several)
	formCreate                       // a user created by hand
	formExport                       // format and file of the export
	formDelete                       // yes/no before deleting for good
	formRegen                        // yes/no before a new activation code
	formSaveFilter                   // the name to save the filters under
	formLink                         // a child to link a parent to, or unlink (family.go)
	formBulk                         // the action to take on the marked rows or the filtered list
	formBulkConfirm                  // yes/no before it, with how many it reaches
	formMerge                        // the other account to merge into a user
	formMergeConfirm                 // yes/no before a merge
	formCreateAnyway                 // yes/no: add someone who looks like a person of the school
)

// formValues are the values the open form edits; the fields point into them.
type formValues struct {
	target          model.User // the user edited, deleted or given a new code
	org             model.ID
	profile         model.Profile
	last, first     string
	email, birth    string
	lang            model.Language
	classes, groups []model.ID
	format          app.ExportFormat
	path            string
	export          exportValues // the platforms' options (export_form.go)
	yes             bool
	filterName      string
	childLogin      string // formLink
	unlink          bool   // formLink
	action          app.BulkAction
}

// openForm shows a form in place of the list or the detail; esc or completion returns there.
func (m *Model) openForm(kind formKind, f *huh.Form) tea.Cmd {
	if m.focus != focusForm && m.focus != focusBusy {
		m.back = m.focus
	}
	m.setFocus(focusForm)
	return m.forms.Open(kind, f, m.width, m.formHeight())
}

// closeForm drops the form and goes back to where it was opened.
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
	fv := m.fv
	switch m.forms.Kind {
	case formSaveFilter:
		return m.saveFilter()
	case formLink:
		return m.link()
	case formBulk:
		return m.bulkConfirm()
	case formBulkConfirm:
		if fv.yes {
			return m.runBulk()
		}
	case formMerge:
		return m.mergeConfirm()
	case formMergeConfirm:
		if fv.yes {
			return m.runMerge()
		}
	case formCreateAnyway:
		if fv.yes {
			return m.runCreateAnyway()
		}
	case formEdit:
		fields, changed := fv.fields(fv.target)
		if !changed {
			m.notice = m.sess.Cat.Directory.Users.NothingChanged
			return m.closeForm()
		}
		id := fv.target.ID
		return m.runOne(actEdit, func(ctx context.Context, as *app.Session) (model.User, error) {
			return as.EditUser(ctx, id, fields, false)
		})
	case formCreateOrg:
		return m.openForm(formCreate, m.userForm(formCreate))
	case formCreate:
		fields, _ := fv.fields(model.User{})
		org := fv.org
		return m.runOne(actCreate, func(ctx context.Context, as *app.Session) (model.User, error) {
			return as.CreateUser(ctx, org, fields, false)
		})
	case formExport:
		return m.export(fv.format, fv.export.options(), exportPath(fv.path, fv.format))
	case formDelete:
		if fv.yes {
			return m.runMany(actDelete, fv.target, (*app.Session).DeleteUsers)
		}
	case formRegen:
		if fv.yes {
			id := fv.target.ID
			return m.runOne(actRegen, func(ctx context.Context, as *app.Session) (model.User, error) {
				return as.RegenerateActivationCode(ctx, id, false)
			})
		}
	}
	return m.closeForm()
}

// editUser opens the edit form on a user's current values.
func (m *Model) editUser(u model.User) tea.Cmd {
	m.fv = &formValues{target: u, org: u.OrgID, profile: u.Profile, last: u.LastName, first: u.FirstName,
		email: u.Email, lang: u.Language, classes: slices.Clone(u.ClassIDs), groups: slices.Clone(u.GroupIDs)}
	if !u.BirthDate.IsZero() {
		m.fv.birth = u.BirthDate.String()
	}
	return m.openForm(formEdit, m.userForm(formEdit))
}

// createUser asks for the school first when the admin has several.
func (m *Model) createUser() tea.Cmd {
	if m.orgs == nil {
		return nil // the schools are still loading: which one to ask is not known yet
	}
	m.fv = &formValues{profile: model.Student}
	if len(m.orgs) == 1 {
		m.fv.org = m.orgs[0].ID
	}
	if len(m.orgs) <= 1 {
		return m.openForm(formCreate, m.userForm(formCreate))
	}
	m.fv.org = m.orgs[0].ID
	opts := make([]huh.Option[model.ID], len(m.orgs))
	for i, o := range m.orgs {
		opts[i] = huh.NewOption(o.Name, o.ID)
	}
	cat := m.sess.Cat
	return m.openForm(formCreateOrg, m.sess.NewForm(huh.NewGroup(
		huh.NewSelect[model.ID]().Key("school").Title(cat.Directory.Forms.School).Options(opts...).Value(&m.fv.org),
	).Title(cat.Directory.Forms.NewTitle)))
}

// userForm is the edit and create form: who the person is, then their classes and groups.
func (m *Model) userForm(kind formKind) *huh.Form {
	cat, fv := m.sess.Cat, m.fv
	f, t := cat.Fields, cat.Directory.Forms
	title := t.NewTitle
	if kind == formEdit {
		title = fmt.Sprintf(t.EditTitle, fv.target.FullName())
	}
	profiles := make([]huh.Option[model.Profile], len(model.Profiles))
	for i, p := range model.Profiles {
		profiles[i] = huh.NewOption(cat.Profile(p), p)
	}
	langs := []huh.Option[model.Language]{huh.NewOption(t.DefaultLanguage, model.Language("")),
		huh.NewOption(i18n.For(model.French).LangName, model.French), huh.NewOption(i18n.For(model.English).LangName, model.English)}
	groups := []*huh.Group{huh.NewGroup(
		huh.NewSelect[model.Profile]().Key("profile").Title(f.Profile).Options(profiles...).Value(&fv.profile).Inline(true),
		huh.NewInput().Key("last").Title(f.LastName).Value(&fv.last).CharLimit(model.MaxNameLength),
		huh.NewInput().Key("first").Title(f.FirstName).Value(&fv.first).CharLimit(model.MaxNameLength),
		huh.NewInput().Key("email").Title(f.Email).Value(&fv.email).Validate(m.checkEmail),
		huh.NewInput().Key("birth").Title(f.BirthDate).Description(t.DateHint).Value(&fv.birth).Validate(m.checkDate),
		huh.NewSelect[model.Language]().Key("language").Title(f.Language).Options(langs...).Value(&fv.lang).Inline(true),
	).Title(title)}
	var sets []huh.Field
	d := cat.Directory.Detail
	if opts := setOptions(m.classes, fv.org); len(opts) > 0 {
		sets = append(sets, huh.NewMultiSelect[model.ID]().Key("classes").Title(d.Classes).Options(opts...).Value(&fv.classes).Height(min(len(opts)+1, 9)))
	}
	if opts := setOptions(m.groups, fv.org); len(opts) > 0 {
		sets = append(sets, huh.NewMultiSelect[model.ID]().Key("groups").Title(d.Groups).Options(opts...).Value(&fv.groups).Height(min(len(opts)+1, 6)))
	}
	if len(sets) > 0 {
		groups = append(groups, huh.NewGroup(sets...).Title(t.Memberships))
	}
	return m.sess.NewForm(groups...)
}

// setOptions are the classes or groups of one school, as form choices.
func setOptions(sets []app.ClassInfo, org model.ID) []huh.Option[model.ID] {
	var out []huh.Option[model.ID]
	for _, s := range sets {
		if s.OrgID == org {
			out = append(out, huh.NewOption(s.Name, s.ID))
		}
	}
	return out
}

func (m *Model) checkEmail(s string) error {
	if s = model.NormalizeEmail(s); s != "" && !model.ValidEmail(s) {
		return errors.New(m.sess.Cat.Validation(&model.ValidationError{Field: "email", Rule: model.RuleEmail}))
	}
	return nil
}

func (m *Model) checkDate(s string) error {
	if _, bad := parseDate(s); bad {
		return errors.New(m.sess.Cat.Validation(&model.ValidationError{Field: "birth_date", Rule: model.RuleDate}))
	}
	return nil
}

// fields are the values that differ from orig, each of which becomes protected from imports.
// For a new user (orig is zero) every value typed counts.
func (fv *formValues) fields(orig model.User) (app.UserFields, bool) {
	var out app.UserFields
	changed := false
	set := func(diff bool, apply func()) {
		if diff {
			apply()
			changed = true
		}
	}
	birth, _ := parseDate(fv.birth)
	set(fv.profile != orig.Profile, func() { out.Profile = &fv.profile })
	set(model.CleanName(fv.last) != orig.LastName, func() { out.LastName = &fv.last })
	set(model.CleanName(fv.first) != orig.FirstName, func() { out.FirstName = &fv.first })
	set(model.NormalizeEmail(fv.email) != orig.Email, func() { out.Email = &fv.email })
	set(birth != orig.BirthDate, func() { out.BirthDate = &birth })
	set(fv.lang != orig.Language, func() { out.Language = &fv.lang })
	set(!sameIDs(fv.classes, orig.ClassIDs), func() { out.ClassIDs = &fv.classes })
	set(!sameIDs(fv.groups, orig.GroupIDs), func() { out.GroupIDs = &fv.groups })
	return out, changed
}

func sameIDs(a, b []model.ID) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// confirm asks a yes/no question about a user; No is the default answer.
func (m *Model) confirm(kind formKind, u model.User, question string) tea.Cmd {
	cat := m.sess.Cat
	m.fv = &formValues{target: u}
	return m.openForm(kind, m.sess.NewForm(huh.NewGroup(
		huh.NewConfirm().Key("yes").Title(fmt.Sprintf(question, u.FullName())).
			Affirmative(cat.App.Yes).Negative(cat.App.No).Value(&m.fv.yes),
	)))
}
