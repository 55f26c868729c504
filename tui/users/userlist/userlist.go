// Package userlist is a paged view of a user selection. It asks app.FindUsers for the rows on
// screen only (never the whole selection: a directory may hold a million users), debounces
// selection changes while the admin types, tags every request with a session-unique id so a
// stale page is dropped, and renders the preview's columns to the width it is given. The Users
// screen shows the directory with it; the Classes screen, a class's members and the users to add.
package userlist

import (
	"context"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// Debounce is how long a typed change waits for the next keystroke before the filter runs.
const Debounce = 150 * time.Millisecond

// Model is one paged list. Use it through a pointer; the screen that owns it forwards every
// message to Update (a list only accepts the results of its own requests).
type Model struct {
	sess  *screen.Session
	cols  []Column
	sel   model.Selection
	names map[model.ID]string // class names by id, for the Class column
	keys  keyMap

	total  int
	loaded bool // a page of the current selection arrived
	stale  bool // rows belong to a previous selection, shown until the new page arrives
	err    error
	cursor int // index in the selection
	top    int // index of the first row on screen
	rows   []model.User
	rowsAt int // index of rows[0] in the selection

	pageReq   screen.RequestID
	inFlight  bool
	filterReq screen.RequestID // the debounce waiting to run, 0 when none
	cancel    context.CancelFunc

	focused       bool
	empty         string // said when the selection is empty; "" for the default
	width, height int
	marked        func(model.ID) bool // rows marked for a bulk action; nil: none
}

// debounceMsg ends the wait after a typed change; only the newest one runs the filter.
type debounceMsg struct{ id screen.RequestID }

// pageMsg is one page of the selection, for the request id.
type pageMsg struct {
	id   screen.RequestID
	page app.UserPage
	err  error
}

// New builds a list showing cols (all the preview's columns when none are given). It loads
// nothing until SetSelection or Reload.
func New(sess *screen.Session, cols ...Column) *Model {
	if len(cols) == 0 {
		cols = AllColumns()
	}
	return &Model{sess: sess, cols: cols, keys: newKeyMap(sess)}
}

// SetSize gives the list its area: the header line plus height-1 rows.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.scroll()
}

// SetFocused says whether the list has the screen's focus: only then is the cursor row lit.
func (m *Model) SetFocused(on bool) { m.focused = on }

// SetEmptyText says what the list shows when the selection is empty.
func (m *Model) SetEmptyText(s string) { m.empty = s }

// SetClassNames gives the names the Class column shows.
func (m *Model) SetClassNames(names map[model.ID]string) { m.names = names }

// SetMarks tells which rows are marked (for a bulk action): they show a mark.
func (m *Model) SetMarks(marked func(model.ID) bool) { m.marked = marked }

// Selection returns a copy of the selection the list shows.
func (m *Model) Selection() model.Selection { return CloneSelection(m.sel) }

// Total is the size of the selection, as the last page said.
func (m *Model) Total() int { return m.total }

// Loaded reports whether the current selection's count is known (no filter waiting or running).
func (m *Model) Loaded() bool { return m.loaded && !m.stale }

// Err is the error of the last page, nil when it loaded.
func (m *Model) Err() error { return m.err }

// Cursor is the index of the row under the cursor in the selection.
func (m *Model) Cursor() int { return m.cursor }

// Rows returns the loaded rows and the index of the first one: what the list holds in memory.
func (m *Model) Rows() (offset int, users []model.User) { return m.rowsAt, m.rows }

// Window is the range of the selection on screen: rows from (inclusive) to to (exclusive).
func (m *Model) Window() (from, to int) { return m.top, min(m.top+m.Visible(), m.total) }

// Visible is the number of rows the list shows at once.
func (m *Model) Visible() int { return max(m.height-1, 0) }

// Selected returns the user under the cursor, when its row is loaded.
func (m *Model) Selected() (model.User, bool) {
	i := m.cursor - m.rowsAt
	if m.stale || m.total == 0 || i < 0 || i >= len(m.rows) {
		return model.User{}, false
	}
	return m.rows[i], true
}

// Replace puts a user's new values in their loaded row at once, before the reload that follows
// an action answers, so the next key acts on what the user is now.
func (m *Model) Replace(u model.User) {
	for i := range m.rows {
		if m.rows[i].ID == u.ID {
			m.rows[i] = u
		}
	}
}

// SetSelection shows another selection from its first row. With debounce (the admin is typing)
// the query waits Debounce for the next change; otherwise it runs now.
func (m *Model) SetSelection(sel model.Selection, debounce bool) tea.Cmd {
	m.sel = CloneSelection(sel)
	m.cursor, m.top, m.stale = 0, 0, true
	if !debounce {
		m.filterReq = 0
		return m.fetch(0)
	}
	m.filterReq = m.sess.NewRequest()
	m.pageReq, m.inFlight = 0, false // ids start at 1: no result in flight matches any more
	if m.cancel != nil {
		m.cancel() // a query of an older selection is no use now
	}
	id := m.filterReq
	return tea.Tick(Debounce, func(time.Time) tea.Msg { return debounceMsg{id: id} })
}

// Reload fetches the rows on screen again, keeping the cursor: after a change to the directory.
func (m *Model) Reload() tea.Cmd {
	m.filterReq = 0
	return m.fetch(m.top)
}

// Update accepts the list's own debounce ends and pages; it ignores every other message.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case debounceMsg:
		if msg.id != m.filterReq {
			return nil // a newer change restarted the wait
		}
		m.filterReq = 0
		return m.fetch(m.top)
	case pageMsg:
		return m.pageLoaded(msg)
	}
	return nil
}

// Key moves the cursor on the list's navigation keys and reports whether the key was one.
func (m *Model) Key(k tea.KeyPressMsg) (tea.Cmd, bool) {
	km, vis := m.keys, max(m.Visible(), 1)
	switch {
	case key.Matches(k, km.up):
		m.cursor--
	case key.Matches(k, km.down):
		m.cursor++
	case key.Matches(k, km.pageUp):
		m.cursor -= vis
		m.top -= vis
	case key.Matches(k, km.pageDown):
		m.cursor += vis
		m.top += vis
	case key.Matches(k, km.home):
		m.cursor = 0
	case key.Matches(k, km.end):
		m.cursor = m.total - 1
	default:
		return nil, false
	}
	m.scroll()
	return m.Ensure(), true
}

// KeyBindings are the navigation keys, for a screen's help.
func (m *Model) KeyBindings() []key.Binding {
	km := m.keys
	return []key.Binding{km.up, km.down, km.pageUp, km.pageDown, km.home, km.end}
}

// Ensure fetches the rows on screen when they are not loaded and nothing is on its way.
func (m *Model) Ensure() tea.Cmd {
	if m.filterReq != 0 || m.inFlight || m.covered() {
		return nil
	}
	return m.fetch(m.top)
}

// covered reports whether every row on screen is loaded for the current selection.
func (m *Model) covered() bool {
	if m.stale || !m.loaded {
		return false
	}
	end := min(m.top+m.Visible(), m.total)
	return end <= m.top || (m.top >= m.rowsAt && end <= m.rowsAt+len(m.rows))
}

// scroll keeps the cursor inside the selection and the window around the cursor.
func (m *Model) scroll() {
	m.cursor = max(min(m.cursor, m.total-1), 0)
	vis := m.Visible()
	if m.cursor < m.top {
		m.top = m.cursor
	}
	if vis > 0 && m.cursor >= m.top+vis {
		m.top = m.cursor - vis + 1
	}
	m.top = max(min(m.top, m.total-vis), 0)
}

// fetch asks for the page at offset, cancelling the query it supersedes.
func (m *Model) fetch(offset int) tea.Cmd {
	if m.cancel != nil {
		m.cancel()
	}
	ctx, cancel := context.WithCancel(m.sess.Ctx)
	m.cancel = cancel
	m.pageReq = m.sess.NewRequest()
	m.inFlight = true
	as, sel, id, limit := m.sess.Acting, CloneSelection(m.sel), m.pageReq, m.Visible()
	return func() tea.Msg {
		defer cancel()
		page, err := as.FindUsers(ctx, sel, offset, limit)
		return pageMsg{id: id, page: page, err: err}
	}
}

func (m *Model) pageLoaded(msg pageMsg) tea.Cmd {
	if msg.id != m.pageReq {
		return nil // an older selection's, or an older page's
	}
	m.inFlight, m.loaded, m.stale, m.err = false, true, false, msg.err
	if msg.err != nil {
		m.rows = nil
		return nil
	}
	m.total, m.rows, m.rowsAt = msg.page.Total, msg.page.Users, msg.page.Offset
	m.scroll()
	return m.Ensure() // the selection shrank under the window: load where the cursor is now
}

// CloneSelection copies a selection deeply, so a command running in another goroutine never
// shares a slice the screen goes on changing.
func CloneSelection(sel model.Selection) model.Selection {
	sel.Profiles = slices.Clone(sel.Profiles)
	sel.ClassIDs = slices.Clone(sel.ClassIDs)
	sel.GroupIDs = slices.Clone(sel.GroupIDs)
	sel.OrgIDs = slices.Clone(sel.OrgIDs)
	return sel
}
