package admins

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
)

// schoolValues are the school form's fields; id is 0 for a new school.
type schoolValues struct {
	id                        model.ID
	name, city, country, code string
}

// schoolForm opens the form of a new school (o nil) or of one of the admin's schools. The
// checks (a name, a known country, a valid and unique UAI) are app's, as for the CLI: a refusal
// comes back on the status line.
func (m *Model) schoolForm(o *model.Organization) tea.Cmd {
	t := m.sess.Cat.Admins.Schools
	m.fv = &formValues{}
	v, title := &m.fv.school, t.NewTitle
	if o != nil {
		*v, title = schoolValues{id: o.ID, name: o.Name, city: o.City, country: o.Country, code: o.Code}, t.EditTitle
	}
	return m.openForm(formSchool, m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key("name").Title(t.Name).CharLimit(120).Value(&v.name).Validate(m.sess.Required(t.Name)),
		huh.NewInput().Key("city").Title(t.City).CharLimit(80).Value(&v.city),
		huh.NewInput().Key("country").Title(t.Country).Description(t.CountryHint).CharLimit(2).Value(&v.country),
		huh.NewInput().Key("code").Title(t.Code).Description(t.CodeHint).CharLimit(32).Value(&v.code),
	).Title(title)))
}

// saveSchool creates or edits the school of the form.
func (m *Model) saveSchool(v schoolValues) tea.Cmd {
	t := m.sess.Cat.Admins.Schools
	if v.id == 0 {
		o := model.Organization{Name: v.name, City: v.city, Country: v.country, Code: v.code}
		return m.run(func(ctx context.Context, as *app.Session) actionMsg {
			o, err := as.CreateOrg(ctx, o, false)
			return actionMsg{notice: fmt.Sprintf(t.Created, model.Printable(o.Name)), err: err}
		})
	}
	edit := app.OrgEdit{Name: &v.name, City: &v.city, Country: &v.country, Code: &v.code}
	return m.run(func(ctx context.Context, as *app.Session) actionMsg {
		o, err := as.EditOrg(ctx, v.id, edit, false)
		return actionMsg{notice: fmt.Sprintf(t.Saved, model.Printable(o.Name)), err: err}
	})
}

// schoolsTable lists the admin's schools.
func (m *Model) schoolsTable() ([]string, [][]string) {
	t := m.sess.Cat.Admins.Schools
	rows := make([][]string, 0, len(m.data.order))
	for _, o := range m.data.order {
		rows = append(rows, []string{model.Printable(o.Name), model.Printable(o.City), o.Country, model.Printable(o.Code)})
	}
	return []string{t.ColName, t.ColCity, t.ColCountry, t.ColCode}, rows
}
