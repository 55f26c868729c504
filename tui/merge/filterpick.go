package merge

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// filtersMsg is the admin's saved filters, for the picker.
type filtersMsg struct {
	id   screen.RequestID
	list []model.SavedFilter
	err  error
}

// loadFilters asks for the saved filters; the picker opens when they arrive.
func (m *Model) loadFilters() tea.Cmd {
	m.filtersReq = m.sess.NewRequest()
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.filtersReq
	return func() tea.Msg { return savedFilters(ctx, as, id) }
}

func savedFilters(ctx context.Context, as *app.Session, id screen.RequestID) filtersMsg {
	list, err := as.SavedFilters(ctx)
	return filtersMsg{id: id, list: list, err: err}
}

// openFilterPicker offers the saved filters, and everyone first; none saved says how to save one.
func (m *Model) openFilterPicker(msg filtersMsg) tea.Cmd {
	if msg.id != m.filtersReq || m.step != stepView {
		return nil
	}
	t := m.sess.Cat.Directory.Saved
	if msg.err != nil {
		m.err = msg.err
		return nil
	}
	if len(msg.list) == 0 {
		m.notice = t.None + " " + m.sess.Cat.SavedFiltersHint()
		return nil
	}
	m.filters = msg.list
	opts := []huh.Option[int]{huh.NewOption(m.sess.Cat.MailMerge.Everyone, -1)}
	for i, f := range msg.list {
		opts = append(opts, huh.NewOption(f.Name, i))
	}
	m.pick = -1
	return m.openAs(formFilter, m.sess.NewForm(huh.NewGroup(huh.NewSelect[int]().Key("filter").Title(t.PickTitle).Options(opts...).Value(&m.pick))))
}

// applyFilter makes the chosen filter the selection, and reloads the counts and previews.
func (m *Model) applyFilter() tea.Cmd {
	m.closeForm()
	if m.pick < 0 || m.pick >= len(m.filters) {
		m.sel, m.filterName, m.fromHome = model.Selection{}, "", true // the header says "everyone"
	} else {
		f := m.filters[m.pick]
		m.sel, m.filterName = f.Selection, f.Name
		m.notice = fmt.Sprintf(m.sess.Cat.Directory.Saved.Applied, f.Name)
	}
	return m.reload()
}
