package imports

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/tui/screen"
)

// Update routes keys to the tab and step on show and handles the commands' results.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case dirMsg:
		m.picker.loaded(msg)
		return m, nil
	case detectedMsg:
		return m, m.detected(msg)
	case screen.Progress[tally]:
		return m, m.progressed(msg)
	case runDoneMsg:
		return m, m.runDone(msg)
	case historyMsg:
		return m, m.historyLoaded(msg)
	case undoneMsg:
		return m, m.undone(msg)
	case templateMsg:
		return m, m.templateWritten(msg)
	}
	return m, m.other(msg)
}

// other passes what is not the screen's own to the part that may want it: the spinner, the
// path field's cursor, the options form.
func (m *Model) other(msg tea.Msg) tea.Cmd {
	cmd := m.busy.Update(msg)
	switch m.step {
	case stepPath:
		var c tea.Cmd
		m.path, c = m.path.Update(msg)
		return tea.Batch(cmd, c)
	case stepOptions:
		return tea.Batch(cmd, m.formUpdate(msg))
	case stepTemplate:
		return tea.Batch(cmd, m.templateUpdate(msg))
	}
	return cmd
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	if m.tab == tabHistory {
		return m.historyKey(k)
	}
	switch m.step {
	case stepPick:
		return m.pickKey(k)
	case stepPath:
		return m.pathKey(k)
	case stepDetecting:
		if key.Matches(k, m.sess.Keys.Back) {
			m.busy.Stop()
			m.step, m.detectReq = stepPick, 0
		}
	case stepDetected:
		return m.detectedKey(k)
	case stepOptions:
		return m.formUpdate(k)
	case stepRunning:
		if key.Matches(k, m.keys.Cancel) {
			m.cancelRun()
		}
	case stepDiff, stepConfirm, stepReport:
		return m.resultKey(k)
	case stepTemplate:
		return m.templateUpdate(k)
	}
	return nil
}

// formUpdate passes a message to the options form (esc goes back to what the files are); a
// completed form starts the dry run.
func (m *Model) formUpdate(msg tea.Msg) tea.Cmd {
	cmd, end := m.forms.Update(msg, m.sess.Keys.Back)
	switch end {
	case screen.FormCancelled:
		m.step = stepDetected
	case screen.FormDone:
		return tea.Batch(cmd, m.startRun(true))
	}
	return cmd
}

func (m *Model) pickKey(k tea.KeyPressMsg) tea.Cmd {
	km, p := m.keys, &m.picker
	e, ok := p.highlighted()
	switch {
	case key.Matches(k, km.Tab):
		return m.showHistory()
	case key.Matches(k, km.Path):
		m.step = stepPath
		return m.path.Focus()
	case key.Matches(k, km.Detect):
		return m.startDetect()
	case key.Matches(k, km.Template):
		return m.openTemplate()
	case key.Matches(k, km.Parent):
		return p.open(m.sess, filepath.Dir(p.dir))
	case !ok:
		return nil
	case key.Matches(k, km.Open) && (e.kind == kindParent || e.kind == kindDir):
		return p.open(m.sess, p.path(e))
	case key.Matches(k, km.Open, km.Mark) && e.kind != kindParent:
		p.toggle(p.path(e))
	default:
		p.move(m.moveBy(k, m.pickerHeight()), m.pickerHeight())
	}
	return nil
}

// pathKey: enter marks the typed path and detects what is marked; esc leaves the field.
func (m *Model) pathKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.sess.Keys.Back):
		m.path.Blur()
		m.step = stepPick
		return nil
	case key.Matches(k, m.keys.PathEnter):
		if typed := m.picker.resolve(m.path.Value()); typed != "" && !m.picker.isMarked(typed) {
			m.picker.marked = append(m.picker.marked, typed)
		}
		m.path.Reset()
		m.path.Blur()
		m.step = stepPick
		return m.startDetect()
	}
	var cmd tea.Cmd
	m.path, cmd = m.path.Update(k)
	return cmd
}

func (m *Model) detectedKey(k tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	switch {
	case key.Matches(k, m.sess.Keys.Back):
		m.step = stepPick
		if len(m.unmarked) > 0 {
			m.notice = fmt.Sprintf(m.sess.Cat.Picker().Unmarked, strings.Join(m.unmarked, ", "))
		}
	case key.Matches(k, km.Next):
		return m.openOptions()
	case key.Matches(k, km.Tab):
		return m.showHistory()
	case key.Matches(k, km.Up):
		m.current = max(m.current-1, 0)
	case key.Matches(k, km.Down):
		m.current = min(m.current+1, max(len(m.detections)-1, 0))
	}
	return nil
}

// resultKey handles the diff, the confirmation and the report.
func (m *Model) resultKey(k tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	if m.step == stepConfirm {
		switch {
		case key.Matches(k, km.Yes):
			return m.startRun(false)
		case key.Matches(k, km.No):
			m.step = stepDiff
		}
		return nil
	}
	switch {
	case key.Matches(k, m.sess.Keys.Back) && m.step == stepDiff:
		return m.openOptions()
	case key.Matches(k, m.sess.Keys.Back), m.step == stepReport && key.Matches(k, km.New):
		m.restart()
	case key.Matches(k, km.Import) && m.step == stepDiff && m.runErr == nil && m.report.DryRun:
		m.step, m.notice = stepConfirm, ""
	case key.Matches(k, km.Tab):
		return m.showHistory()
	case key.Matches(k, km.Filter) && m.runErr == nil:
		m.changes.cycle()
	case m.rowErrors() != nil:
		es := m.rowErrors()
		m.scrollKey(k, &m.errList, len(es.List), func(i int) int { return len(m.errorLines(es.List[i])) })
	default:
		m.scrollKey(k, &m.changes.scroller, m.changes.len(), func(i int) int { return len(m.changeLines(m.changes.at(i))) })
	}
	return nil
}

// restart goes back to the picker for a new import; the marks are cleared, the folder stays.
func (m *Model) restart() {
	m.step, m.notice, m.runErr = stepPick, "", nil
	m.picker.marked = nil
	m.report = app.ImportReport{}
	m.changes.set(nil)
}

// scrollKey moves a scrolled list with the arrow, page, home and end keys.
func (m *Model) scrollKey(k tea.KeyPressMsg, s *scroller, n int, height func(i int) int) {
	km := m.keys
	h := m.listHeight()
	switch {
	case key.Matches(k, km.Up):
		s.scroll(-1, n, h, height)
	case key.Matches(k, km.Down):
		s.scroll(1, n, h, height)
	case key.Matches(k, km.PageDown):
		s.page(true, n, h, height)
	case key.Matches(k, km.PageUp):
		s.page(false, n, h, height)
	case key.Matches(k, km.Top):
		s.end(false, n, h, height)
	case key.Matches(k, km.Bottom):
		s.end(true, n, h, height)
	}
}

// moveBy is how far a key moves the picker's cursor.
func (m *Model) moveBy(k tea.KeyPressMsg, page int) int {
	km := m.keys
	switch {
	case key.Matches(k, km.Up):
		return -1
	case key.Matches(k, km.Down):
		return 1
	case key.Matches(k, km.PageUp):
		return -page
	case key.Matches(k, km.PageDown):
		return page
	case key.Matches(k, km.Top):
		return -len(m.picker.entries)
	case key.Matches(k, km.Bottom):
		return len(m.picker.entries)
	}
	return 0
}
