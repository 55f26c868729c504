package users

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
	"rollcall/tui/screen"
)

// detail is the user the detail view shows, as the store had them when it loaded.
type detail struct {
	req      screen.RequestID
	user     model.User
	prov     model.Provenance
	children []model.User
	parents  []model.User
	licences []app.HeldSeat
	loaded   bool
	err      error
}

// detailMsg is the result of loading a user's detail.
type detailMsg struct {
	id       screen.RequestID
	user     model.User
	prov     model.Provenance
	children []model.User
	parents  []model.User
	licences []app.HeldSeat
	err      error
}

// openDetail shows a user's detail and loads it fresh from the store.
func (m *Model) openDetail(u model.User) tea.Cmd {
	m.detail = detail{user: u}
	cmd := m.setFocus(focusDetail)
	return tea.Batch(cmd, m.loadDetail(u.ID))
}

func (m *Model) loadDetail(id model.ID) tea.Cmd {
	m.detail.req = m.sess.NewRequest()
	ctx, as, req := m.sess.Ctx, m.sess.Acting, m.detail.req
	return func() tea.Msg { return fetchDetail(ctx, as, id, req) }
}

func fetchDetail(ctx context.Context, as *app.Session, id model.ID, req screen.RequestID) detailMsg {
	u, err := as.GetUser(ctx, id)
	if err != nil {
		return detailMsg{id: req, err: err}
	}
	prov, err := as.UserProvenance(ctx, id)
	if err != nil {
		return detailMsg{id: req, err: err}
	}
	msg := detailMsg{id: req, user: u, prov: prov}
	for _, c := range u.ChildIDs {
		if child, err := as.GetUser(ctx, c); err == nil {
			msg.children = append(msg.children, child)
		}
	}
	rel, err := as.Relatives(ctx, []model.User{u})
	if err != nil {
		return detailMsg{id: req, err: err}
	}
	msg.parents = rel[u.ID].Parents
	if msg.licences, err = as.UserSeats(ctx, id); err != nil {
		return detailMsg{id: req, err: err}
	}
	return msg
}

func (m *Model) detailLoaded(msg detailMsg) tea.Cmd {
	if msg.id != m.detail.req {
		return nil
	}
	m.detail.loaded, m.detail.err = true, msg.err
	if msg.err == nil {
		m.detail.user, m.detail.prov, m.detail.children = msg.user, msg.prov, msg.children
		m.detail.parents, m.detail.licences = msg.parents, msg.licences
	}
	return nil
}

// detailView shows every field of the user, then where each value came from.
func (m *Model) detailView() string {
	cat, st := m.sess.Cat, m.sess.Styles
	d, u := cat.Directory.Detail, &m.detail.user
	if m.detail.err != nil {
		return st.Error.Render(cat.Error(m.detail.err))
	}
	title := st.Title.Render(model.Printable(strings.TrimSpace(u.LastName + " " + u.FirstName)))
	rows := m.detailRows(u)
	var b strings.Builder
	b.WriteString(title + "\n\n" + table(rows, st.Muted) + "\n")
	b.WriteString(st.Title.Render(d.Provenance) + "\n")
	if prov := provenanceRows(cat, u, m.detail.prov); len(prov) > 0 {
		b.WriteString(table(prov, st.Muted))
	} else {
		b.WriteString(st.Muted.Render(d.NoProvenance))
	}
	return b.String()
}

func (m *Model) detailRows(u *model.User) [][2]string {
	cat := m.sess.Cat
	d, f := cat.Directory.Detail, cat.Fields
	code := model.FormatCode(u.ActivationCode)
	if u.Activated() {
		code = fmt.Sprintf(d.ActivatedOn, cat.Date(model.DateOf(u.ActivatedAt.Local())))
	}
	lang := cat.Directory.Forms.DefaultLanguage
	if u.Language.Valid() {
		lang = i18n.For(u.Language).LangName
	}
	pending := cat.App.No
	if u.PendingDeletion() {
		pending = fmt.Sprintf(d.PendingSince, cat.Date(model.DateOf(u.PendingSince.Local())))
	}
	source := u.Source
	if u.CreatedByHand {
		source = d.CreatedByHand
	}
	var children, parents, licences []string
	for _, c := range m.detail.children {
		s := strings.TrimSpace(c.LastName+" "+c.FirstName) + " (" + c.Login + ")"
		if cls := m.setNames(m.classes, c.ClassIDs); cls != "" && len(c.ClassIDs) > 0 {
			s += " · " + cls
		}
		children = append(children, s)
	}
	for _, p := range m.detail.parents {
		parents = append(parents, strings.TrimSpace(p.LastName+" "+p.FirstName)+" ("+p.Login+")")
	}
	for _, l := range m.detail.licences {
		s := fmt.Sprintf(cat.People.LicenceNoKey, l.Product)
		if l.Key != "" {
			s = fmt.Sprintf(cat.People.Licence, l.Product, l.Key)
		}
		licences = append(licences, s)
	}
	rows := [][2]string{
		{f.Profile, cat.Profile(u.Profile)}, {d.Login, u.Login}, {d.Code, code}, {f.Email, u.Email},
		{f.BirthDate, cat.Date(u.BirthDate)}, {d.Language, lang},
		{d.Classes, m.setNames(m.classes, u.ClassIDs)}, {d.Groups, m.setNames(m.groups, u.GroupIDs)},
	}
	if len(children) > 0 {
		rows = append(rows, [2]string{d.Children, strings.Join(children, ", ")})
	}
	if len(parents) > 0 {
		rows = append(rows, [2]string{cat.People.Parents, strings.Join(parents, ", ")})
	}
	if len(licences) > 0 {
		rows = append(rows, [2]string{cat.People.Licences, strings.Join(licences, ", ")})
	}
	if len(m.orgs) > 1 {
		rows = append(rows, [2]string{cat.Directory.Forms.School, m.orgName(u.OrgID)})
	}
	return append(rows, [2]string{d.LocalAdmin, yesNo(cat, u.LocalAdmin)},
		[2]string{d.Created, cat.DateTime(u.CreatedAt)}, [2]string{d.Updated, cat.DateTime(u.UpdatedAt)},
		[2]string{d.Pending, pending}, [2]string{d.Source, source})
}

// provenanceFields are the fields whose origin the detail tells, in display order.
var provenanceFields = []model.Field{model.FieldLastName, model.FieldFirstName, model.FieldEmail,
	model.FieldBirthDate, model.FieldProfile, model.FieldLogin, model.FieldClasses, model.FieldGroups,
	model.FieldChildren, model.FieldLanguage}

// provenanceRows say, per field, "from import #3, eleves.csv line 12" or "set by hand".
func provenanceRows(cat *i18n.Catalog, u *model.User, prov model.Provenance) [][2]string {
	d, f := cat.Directory.Detail, cat.Fields
	names := map[model.Field]string{model.FieldLastName: f.LastName, model.FieldFirstName: f.FirstName,
		model.FieldEmail: f.Email, model.FieldBirthDate: f.BirthDate, model.FieldProfile: f.Profile,
		model.FieldLogin: d.Login, model.FieldClasses: d.Classes, model.FieldGroups: d.Groups,
		model.FieldChildren: d.Children, model.FieldLanguage: d.Language}
	var rows [][2]string
	for _, field := range provenanceFields {
		switch o, ok := prov[field]; {
		case u.ByHand.Has(field):
			rows = append(rows, [2]string{names[field], d.ByHand})
		case ok:
			rows = append(rows, [2]string{names[field], fmt.Sprintf(d.FromImport, o.Run.String(), filepath.Base(o.File), o.Line)})
		}
	}
	return rows
}

// table aligns label/value pairs in two columns.
func table(rows [][2]string, label lipgloss.Style) string {
	w := 0
	for _, r := range rows {
		w = max(w, lipgloss.Width(r[0]))
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString("  " + label.Render(r[0]) + strings.Repeat(" ", w-lipgloss.Width(r[0])) + "  " + model.Printable(r[1]) + "\n")
	}
	return b.String()
}

func yesNo(cat *i18n.Catalog, v bool) string {
	if v {
		return cat.App.Yes
	}
	return cat.App.No
}

// setNames names classes or groups by id, in the user's order.
func (m *Model) setNames(sets []app.ClassInfo, ids []model.ID) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		for _, s := range sets {
			if s.ID == id {
				names = append(names, s.Name)
			}
		}
	}
	return strings.Join(names, ", ")
}

func (m *Model) orgName(id model.ID) string {
	for _, o := range m.orgs {
		if o.ID == id {
			return o.Name
		}
	}
	return ""
}
