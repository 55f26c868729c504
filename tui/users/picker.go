package users

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// picker chooses the classes the selection shows: a text field narrows the alphabetical list,
// enter ticks or unticks the class under the cursor, and the preview follows at once.
type picker struct {
	query  textinput.Model
	cursor int
}

func newPicker(sess *screen.Session) picker {
	return picker{query: newInput(sess, sess.Cat.Directory.Filters.SearchHint, 40)}
}

// matches lists the classes whose label contains the query (accents and case ignored), in the
// French order ListSets gave them.
func (p *picker) matches(classes []app.ClassInfo, labels map[model.ID]string) []app.ClassInfo {
	q := model.Fold(strings.TrimSpace(p.query.Value()))
	var out []app.ClassInfo
	for _, c := range classes {
		if q == "" || strings.Contains(model.Fold(labels[c.ID]+" "+c.Code), q) {
			out = append(out, c)
		}
	}
	return out
}

// openPicker shows the class picker with an empty query.
func (m *Model) openPicker() tea.Cmd {
	m.picker.query.SetValue("")
	m.picker.cursor = 0
	cmd := m.setFocus(focusPicker)
	return tea.Batch(cmd, m.picker.query.Focus())
}

func (m *Model) pickerKey(k tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	list := m.picker.matches(m.classes, m.classLabels())
	switch {
	case key.Matches(k, km.close), key.Matches(k, km.focus):
		m.picker.query.Blur()
		return m.setFocus(focusFilters)
	case key.Matches(k, km.rowUp):
		m.picker.cursor = max(m.picker.cursor-1, 0)
		return nil
	case key.Matches(k, km.rowDown):
		m.picker.cursor = min(m.picker.cursor+1, max(len(list)-1, 0))
		return nil
	case key.Matches(k, km.choose):
		if m.picker.cursor >= len(list) {
			return nil
		}
		id := list[m.picker.cursor].ID
		s := &m.panel.sel
		if slices.Contains(s.ClassIDs, id) {
			s.ClassIDs = slices.DeleteFunc(slices.Clone(s.ClassIDs), func(x model.ID) bool { return x == id })
		} else {
			s.ClassIDs = append(slices.Clone(s.ClassIDs), id)
		}
		return m.refilter(false)
	}
	var cmd tea.Cmd
	m.picker.query, cmd = m.picker.query.Update(k)
	m.picker.cursor = min(m.picker.cursor, max(len(m.picker.matches(m.classes, m.classLabels()))-1, 0))
	return cmd
}

// classLabels names each class, adding the school when two classes share a name.
func (m *Model) classLabels() map[model.ID]string {
	seen := map[string]int{}
	for _, c := range m.classes {
		seen[c.Name]++
	}
	orgs := map[model.ID]string{}
	for _, o := range m.orgs {
		orgs[o.ID] = o.Name
	}
	out := make(map[model.ID]string, len(m.classes))
	for _, c := range m.classes {
		out[c.ID] = c.Name
		if seen[c.Name] > 1 && orgs[c.OrgID] != "" {
			out[c.ID] = c.Name + " · " + orgs[c.OrgID]
		}
	}
	return out
}

// pickerView lists the matching classes with their member counts, around the cursor.
func (m *Model) pickerView(height int) string {
	cat, st := m.sess.Cat, m.sess.Styles
	f := cat.Directory.Filters
	labels := m.classLabels()
	list := m.picker.matches(m.classes, labels)
	lines := []string{st.Title.Render(f.PickerTitle) + "  " + st.Muted.Render(f.PickerHint), "› " + m.picker.query.View()}
	rows := max(height-len(lines), 1)
	if len(list) == 0 {
		return strings.Join(append(lines, st.Muted.Render(f.NoClass)), "\n")
	}
	top := max(min(m.picker.cursor-rows/2, len(list)-rows), 0)
	width := 0
	for _, c := range list {
		width = max(width, lipgloss.Width(labels[c.ID]))
	}
	for i := top; i < min(top+rows, len(list)); i++ {
		c := list[i]
		box := "[ ] "
		if slices.Contains(m.panel.sel.ClassIDs, c.ID) {
			box = "[x] "
		}
		label := labels[c.ID] + strings.Repeat(" ", width-lipgloss.Width(labels[c.ID]))
		text := box + label + "  " + st.Muted.Render(cat.Count(c.Members, cat.Nouns.User))
		if i == m.picker.cursor {
			text = st.Selected.Render("› "+box+label) + "  " + st.Muted.Render(cat.Count(c.Members, cat.Nouns.User))
		} else {
			text = "  " + text
		}
		lines = append(lines, text)
	}
	return strings.Join(lines, "\n")
}
