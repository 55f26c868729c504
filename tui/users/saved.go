package users

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/model"
	"rollcall/tui/screen"
)

// saved is the list of the admin's saved filters (F): enter applies one, x deletes it.
type saved struct {
	back   focus // where esc returns: the panel or the list
	req    screen.RequestID
	list   []model.SavedFilter
	cursor int
	loaded bool
}

// savedMsg is the admin's saved filters, as the store has them now.
type savedMsg struct {
	id   screen.RequestID
	list []model.SavedFilter
	err  error
}

// openSaved shows the saved filters in place of the list.
func (m *Model) openSaved() tea.Cmd {
	if m.focus == focusFilters || m.focus == focusTable { // not when it comes back after a delete
		m.saved.back = m.focus
	}
	m.saved.req, m.saved.loaded = m.sess.NewRequest(), false
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.saved.req
	return tea.Batch(m.setFocus(focusSaved), func() tea.Msg {
		list, err := as.SavedFilters(ctx)
		return savedMsg{id: id, list: list, err: err}
	})
}

func (m *Model) savedLoaded(msg savedMsg) {
	if msg.id != m.saved.req {
		return
	}
	m.saved.loaded, m.saved.list = true, msg.list
	m.saved.cursor = max(min(m.saved.cursor, len(msg.list)-1), 0)
	m.fail(msg.err)
}

func (m *Model) savedKey(k tea.KeyPressMsg) tea.Cmd {
	km, s := m.keys, &m.saved
	switch {
	case key.Matches(k, km.close):
		return m.setFocus(m.saved.back)
	case key.Matches(k, km.rowUp):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(k, km.rowDown):
		s.cursor = max(min(s.cursor+1, len(s.list)-1), 0)
	case s.cursor >= len(s.list):
		return nil
	case key.Matches(k, km.choose):
		f := s.list[s.cursor]
		m.panel.apply(f.Selection)
		m.notice = fmt.Sprintf(m.sess.Cat.Directory.Saved.Applied, f.Name)
		return tea.Batch(m.refilter(false), m.setFocus(focusTable))
	case key.Matches(k, km.deleteFilter):
		name := s.list[s.cursor].Name
		as := m.sess.Acting
		return m.run(actDeleteFilter, m.sess.Cat.App.Working, func(ctx context.Context) actionMsg {
			_, err := as.DeleteFilter(ctx, name, false)
			return actionMsg{path: name, err: err}
		})
	}
	return nil
}

// saveFilterForm asks for the name to save the panel's filters under.
func (m *Model) saveFilterForm() tea.Cmd {
	t := m.sess.Cat.Directory.Saved
	m.fv = &formValues{}
	check := func(s string) error {
		if _, err := model.CleanFilterName(s); err != nil {
			return errors.New(m.sess.Cat.Error(err))
		}
		return nil
	}
	return m.openForm(formSaveFilter, m.sess.NewForm(huh.NewGroup(
		huh.NewInput().Key("name").Title(t.NameField).Description(t.NameHint).CharLimit(model.MaxFilterName).
			Value(&m.fv.filterName).Validate(check),
	).Title(t.SaveTitle)))
}

// saveFilter saves the panel's selection under the form's name.
func (m *Model) saveFilter() tea.Cmd {
	as, sel, name, n := m.sess.Acting, m.panel.sel, m.fv.filterName, m.list.Total()
	return m.run(actSaveFilter, m.sess.Cat.App.Working, func(ctx context.Context) actionMsg {
		f, err := as.SaveFilter(ctx, name, sel, false)
		return actionMsg{path: f.Name, n: n, err: err}
	})
}

// savedView lists the saved filters, or says there is none and how to make one.
func (m *Model) savedView(height int) string {
	st, t := m.sess.Styles, m.sess.Cat.Directory.Saved
	var b strings.Builder
	b.WriteString(st.Title.Render(t.PickTitle) + "  " + st.Muted.Render(t.PickHint) + "\n")
	switch {
	case !m.saved.loaded:
		b.WriteString(st.Muted.Render(m.sess.Cat.App.Working))
	case len(m.saved.list) == 0:
		b.WriteString(st.Muted.Render(screen.Paragraph(t.None+" "+m.sess.Cat.SavedFiltersHint(), m.width)))
	}
	first := max(0, m.saved.cursor-height+2)
	for i := first; i < len(m.saved.list) && i < first+height-1; i++ {
		line := "  " + m.saved.list[i].Name
		if i == m.saved.cursor {
			line = st.Selected.Render("› " + m.saved.list[i].Name)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// apply shows a saved selection in the panel, its text fields included.
func (p *panel) apply(sel model.Selection) {
	p.sel = sel
	p.search.SetValue(sel.Text)
	p.from.SetValue(sel.CreatedFrom.String())
	p.to.SetValue(sel.CreatedTo.String())
	p.function.SetValue(strings.Join(sel.Functions, ", "))
	p.level.SetValue(strings.Join(sel.Levels, ", "))
	p.fromBad, p.toBad = false, false
}
