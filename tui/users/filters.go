package users

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"rollcall/model"
	"rollcall/tui/screen"
)

// filterRow is one line of the filter panel, in the order the cursor walks them.
type filterRow int

const (
	rowSearch filterRow = iota
	rowProfiles
	rowClasses
	rowActivation
	rowEmail
	rowLocalAdmins
	rowFunction
	rowCreatedFrom
	rowCreatedTo
	rowPending
	rowSort
	rowLevel // last, so the rows above keep their places for those who learnt them
	rowCount // not a row: the number of rows
)

// panel is the filter panel: it edits a model.Selection, one row per filter.
type panel struct {
	row     filterRow
	profile int // the profile under the cursor on the profiles row
	sel     model.Selection

	search, from, to textinput.Model
	function         textinput.Model // function families, "DIR, ENS"
	level            textinput.Model // class levels, "6e, 5e"
	fromBad, toBad   bool            // the text typed is not a date (yet): that bound is not applied
}

// change says what a key did to the selection.
type change int

const (
	unchanged     change = iota
	changedNow           // a discrete choice: filter at once
	changedTyping        // a keystroke in a text field: debounce
	openPicker           // the classes row asks for the class picker
	leavePanel           // enter on a row with nothing to open: go to the list
)

func newPanel(sess *screen.Session) panel {
	f := sess.Cat.Directory.Filters
	return panel{search: newInput(sess, f.SearchHint, 64), from: newInput(sess, f.DateHint, 10),
		to: newInput(sess, f.DateHint, 10), function: newInput(sess, sess.Cat.Schools.FunctionHint, 32),
		level: newInput(sess, "6e, 5e", 32)}
}

func newInput(sess *screen.Session, placeholder string, limit int) textinput.Model {
	st := sess.Styles
	in := textinput.New()
	in.Prompt, in.Placeholder, in.CharLimit = "", placeholder, limit
	s := in.Styles()
	s.Focused.Placeholder, s.Blurred.Placeholder = st.Muted, st.Muted
	s.Cursor.Blink = false // a steady cursor: no timer messages while the admin reads
	in.SetStyles(s)
	in.SetWidth(min(limit, 40))
	return in
}

// input is the text field of the row under the cursor, nil on other rows.
func (p *panel) input() *textinput.Model {
	switch p.row {
	case rowSearch:
		return &p.search
	case rowCreatedFrom:
		return &p.from
	case rowCreatedTo:
		return &p.to
	case rowFunction:
		return &p.function
	case rowLevel:
		return &p.level
	}
	return nil
}

// typing reports whether printable keys go to a text field.
func (p *panel) typing() bool { return p.input() != nil }

// focus gives the cursor row's text field the keyboard, and takes it from the others.
func (p *panel) focus(on bool) tea.Cmd {
	for _, in := range []*textinput.Model{&p.search, &p.from, &p.to, &p.function, &p.level} {
		in.Blur()
	}
	if in := p.input(); in != nil && on {
		return in.Focus()
	}
	return nil
}

// moveTo puts the cursor on a row.
func (p *panel) moveTo(row filterRow) tea.Cmd {
	p.row = (row + rowCount) % rowCount
	return p.focus(true)
}

// key handles a key while the panel has the focus.
func (p *panel) key(k tea.KeyPressMsg, km keyMap) (change, tea.Cmd) {
	switch {
	case key.Matches(k, km.rowUp):
		return unchanged, p.moveTo(p.row - 1)
	case key.Matches(k, km.rowDown):
		return unchanged, p.moveTo(p.row + 1)
	}
	if in := p.input(); in != nil {
		return p.typed(k, km, in)
	}
	step := 0
	switch {
	case key.Matches(k, km.left):
		step = -1
	case key.Matches(k, km.right), key.Matches(k, km.toggle):
		step = 1
	case key.Matches(k, km.choose):
		if p.row == rowClasses {
			return openPicker, nil
		}
		return leavePanel, nil
	default:
		return unchanged, nil
	}
	return p.step(step, key.Matches(k, km.toggle)), nil
}

// typed passes a key to a text field and applies what it now holds.
func (p *panel) typed(k tea.KeyPressMsg, km keyMap, in *textinput.Model) (change, tea.Cmd) {
	if key.Matches(k, km.choose) {
		return leavePanel, nil
	}
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(k)
	if in.Value() == before {
		return unchanged, cmd
	}
	old := p.sel
	p.sel.Text = p.search.Value()
	p.sel.CreatedFrom, p.fromBad = parseDate(p.from.Value())
	p.sel.CreatedTo, p.toBad = parseDate(p.to.Value())
	p.sel.Functions = parseFunctions(p.function.Value())
	p.sel.Levels = parseLevels(p.level.Value())
	if old.Text == p.sel.Text && old.CreatedFrom == p.sel.CreatedFrom && old.CreatedTo == p.sel.CreatedTo &&
		slices.Equal(old.Functions, p.sel.Functions) && slices.Equal(old.Levels, p.sel.Levels) {
		return unchanged, cmd // "2026-0" is not a date yet: nothing to filter again
	}
	return changedTyping, cmd
}

// parseFunctions reads the function families typed ("dir, ens"), as the CLI's --function does.
func parseFunctions(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		out = append(out, model.FunctionCode(w))
	}
	return out
}

// parseLevels reads the class levels typed ("6e, 5e"), as the CLI's --level does.
func parseLevels(s string) []string {
	var out []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// parseDate reads a date bound; an empty field is no bound, a partial one is a bad one.
func parseDate(s string) (model.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return model.Date{}, false
	}
	d, ok := model.ParseDate(s, model.ISODate)
	return d, !ok
}

// step changes the value of a choice row: space toggles, left and right cycle.
func (p *panel) step(step int, toggle bool) change {
	s := &p.sel
	switch p.row {
	case rowProfiles:
		if !toggle {
			p.profile = (p.profile + step + len(model.Profiles)) % len(model.Profiles)
			return unchanged
		}
		s.Profiles = toggled(s.Profiles, model.Profiles[p.profile])
	case rowClasses:
		if toggle {
			return openPicker
		}
		return unchanged
	case rowActivation:
		s.Activation = model.Tri(cycle(int(s.Activation), step, 3))
	case rowEmail:
		s.Email = model.Tri(cycle(int(s.Email), step, 3))
	case rowLocalAdmins:
		s.LocalAdmins = !s.LocalAdmins
	case rowPending:
		s.Pending = model.PendingMode(cycle(int(s.Pending), step, 3))
	case rowSort:
		s.Sort = model.SortOrder(cycle(int(s.Sort), step, 3))
	default:
		return unchanged
	}
	return changedNow
}

func cycle(v, step, n int) int { return ((v+step)%n + n) % n }

// toggled adds v to list, or removes it, keeping the canonical order of model.Profiles.
func toggled(list []model.Profile, v model.Profile) []model.Profile {
	if slices.Contains(list, v) {
		return slices.DeleteFunc(slices.Clone(list), func(x model.Profile) bool { return x == v })
	}
	out := append(slices.Clone(list), v)
	slices.Sort(out)
	return out
}

// reset clears every filter but the sort order.
func (p *panel) reset() {
	p.sel = model.Selection{Sort: p.sel.Sort}
	p.search.SetValue("")
	p.from.SetValue("")
	p.to.SetValue("")
	p.function.SetValue("")
	p.level.SetValue("")
	p.fromBad, p.toBad = false, false
}
