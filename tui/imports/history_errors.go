package imports

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/importers"
)

// openFailedErrors reopens the errors of a failed run, or the warnings of a completed one: the
// first such run from the top of the history's window down, so scrolling a run to the top and
// pressing e shows them.
func (m *Model) openFailedErrors() {
	h := &m.hist
	for i := h.offset; i < len(h.runs); i++ {
		if h.runs[i].Failed || app.RunWarnings(h.runs[i]) != nil {
			h.failed, h.errScroll, h.step, h.notice = h.runs[i], scroller{}, histErrors, ""
			return
		}
	}
	h.notice = m.sess.Cat.ImportSync.NoFailed
}

// failedRowErrors are the located errors of the run on show, or its warnings if it completed.
func (m *Model) failedRowErrors() *importers.Errors {
	if !m.hist.failed.Failed {
		return app.RunWarnings(m.hist.failed)
	}
	var es *importers.Errors
	if errors.As(app.RunFailure(m.hist.failed), &es) {
		return es
	}
	return nil
}

func (m *Model) failedErrorsKey(k tea.KeyPressMsg) {
	h := &m.hist
	if key.Matches(k, m.sess.Keys.Back) || key.Matches(k, m.keys.Errors) {
		h.step = histList
		return
	}
	if es := m.failedRowErrors(); es != nil {
		m.scrollKey(k, &h.errScroll, len(es.List), func(i int) int { return len(m.errorLines(es.List[i])) })
	}
}

// failedErrorsView lists a failed run's errors, located, as they were when it ran.
func (m *Model) failedErrorsView() string {
	cat, st := m.sess.Cat, m.sess.Styles
	h := &m.hist
	var b strings.Builder
	title := cat.ImportSync.ErrorsOf
	if !h.failed.Failed {
		title = cat.ImportSync.WarningsOf
	}
	b.WriteString(st.Title.Render(fmt.Sprintf(title, h.failed.ID.String())) + "\n")
	b.WriteString(m.cut(st.Muted.Render(cat.DateTime(h.failed.At)+"  "+h.failed.Source)) + "\n\n")
	es := m.failedRowErrors()
	if es == nil {
		b.WriteString(m.wrap(st.Error.Render(cat.Error(app.RunFailure(h.failed)))) + "\n")
		return b.String()
	}
	lines, next := h.errScroll.window(len(es.List), m.listHeight(), func(i int) []string { return m.errorLines(es.List[i]) })
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	if es.Omitted > 0 && next == len(es.List) {
		b.WriteString(st.Muted.Render(cat.Phrase(es.Omitted, cat.Import.AndMore)) + "\n")
	}
	return b.String()
}
