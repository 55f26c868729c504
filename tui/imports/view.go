package imports

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/lipgloss/v2"

	"rollcall/app"
)

// Lines around the lists, so a list gets the rest of the body: the tab line and a blank,
// then a step's own title and summary lines, then a blank and a prompt or notice.
const (
	tabsHeight      = 2
	pickChrome      = tabsHeight + 6 // title, folder, blank, marked, path, notice
	resultChrome    = tabsHeight + 6 // title, report, classes, blank, blank, prompt
	historyChrome   = tabsHeight + 4 // title, blank, blank, prompt
	minimumListRows = 3
)

// View renders the tab line and the tab on show.
func (m *Model) View() string {
	var body string
	switch {
	case m.tab == tabHistory:
		body = m.historyView()
	case m.step == stepPick || m.step == stepPath:
		body = m.pickView()
	case m.step == stepDetecting:
		body = m.busy.View(m.sess.Cat.App.Working)
	case m.step == stepDetected:
		body = m.detectedView()
	case m.step == stepOptions:
		body = m.optionsView()
	case m.step == stepTemplate:
		body = m.templateView()
	case m.step == stepRunning:
		body = m.runningView()
	default:
		body = m.resultView()
	}
	return m.tabsView() + "\n\n" + body
}

func (m *Model) tabsView() string {
	cat, st := m.sess.Cat, m.sess.Styles
	tabs := []string{cat.ImportScreen.TabImport, cat.ImportScreen.TabHistory}
	for i, t := range tabs {
		if tab(i) == m.tab {
			tabs[i] = st.Selected.Render("[" + t + "]")
		} else {
			tabs[i] = st.Muted.Render(" " + t + " ")
		}
	}
	return st.Title.Render(cat.Home.Imports) + "  " + strings.Join(tabs, " ")
}

// listHeight is the lines a scrolled list gets on the tab on show.
func (m *Model) listHeight() int {
	chrome := resultChrome
	if m.tab == tabHistory {
		chrome = historyChrome
	} else {
		chrome += len(m.warningLines()) + strings.Count(m.createdView(), "\n")
	}
	return max(m.height-chrome, minimumListRows)
}

// pickerHeight leaves room for the chrome and for every line of an error, which wraps.
func (m *Model) pickerHeight() int {
	notice := 0
	if m.notice != "" {
		notice = lipgloss.Height(m.wrap(m.notice))
	}
	return max(m.height-pickChrome-(lipgloss.Height(m.pickError())-1)-notice, minimumListRows)
}

// pickError is why the last path was refused, wrapped to the width: its end says what to do.
func (m *Model) pickError() string {
	if m.picker.err == nil {
		return ""
	}
	return m.sess.Styles.Error.Render(m.wrap(m.sess.Cat.Error(m.picker.err)))
}

func (m *Model) pickView() string {
	cat, st := m.sess.Cat, m.sess.Styles
	t, p := cat.ImportScreen, &m.picker
	var b strings.Builder
	b.WriteString(st.Title.Render(t.PickTitle) + "\n")
	b.WriteString(m.cut(st.Muted.Render(p.dir)) + "\n")
	if len(p.entries) == 0 && p.dir != "" {
		b.WriteString(st.Muted.Render(t.EmptyFolder) + "\n")
	}
	end := min(p.offset+m.pickerHeight(), len(p.entries))
	for i := p.offset; i < end; i++ {
		b.WriteString(m.entryLine(i) + "\n")
	}
	b.WriteString("\n")
	if len(p.marked) == 0 {
		b.WriteString(m.cut(st.Muted.Render(t.NothingMarked)) + "\n")
	} else {
		names := make([]string, len(p.marked))
		for i, path := range p.marked {
			names[i] = filepath.Base(path)
		}
		b.WriteString(m.cut(fmt.Sprintf(t.Marked, strings.Join(names, ", "))) + "\n")
	}
	b.WriteString(m.path.View() + "\n")
	if m.notice != "" {
		b.WriteString(m.wrap(st.Success.Render(m.notice)) + "\n")
	}
	if p.err != nil {
		b.WriteString(m.pickError() + "\n")
	}
	return b.String()
}

// entryLine is "› [x] templates-fr/   folder".
func (m *Model) entryLine(i int) string {
	st, t, p := m.sess.Styles, m.sess.Cat.ImportScreen, &m.picker
	e := p.entries[i]
	box, name, kind := "[ ] ", e.name, ""
	switch e.kind {
	case kindParent:
		box = "    "
	case kindDir:
		name, kind = name+"/", t.Folder
	case kindArchive:
		kind = t.Archive
	}
	if e.kind != kindParent && p.isMarked(p.path(e)) {
		box = st.Success.Render("[x]") + " "
	}
	line := box + pad(name, 32) + " " + st.Muted.Render(kind)
	if i == p.cursor {
		return m.cut(st.Selected.Render("› ") + box + st.Selected.Render(pad(name, 32)) + " " + st.Muted.Render(kind))
	}
	return m.cut("  " + line)
}

func (m *Model) runningView() string {
	cat, st := m.sess.Cat, m.sess.Styles
	t, r := cat.ImportScreen, m.run.t
	title := t.Importing
	if m.run.dry {
		title = t.DryRunning
	}
	stage := cat.App.Working
	percent := -1.0
	switch r.stage {
	case app.StageParsing:
		stage = cat.Phrase(r.rows, cat.Import.StageParsing)
	case app.StageMatching:
		stage = fmt.Sprintf(cat.Import.StageMatching, cat.Int(r.matched), cat.Int(r.total))
		percent = ratio(r.matched, r.total)
	case app.StageHashing:
		stage = fmt.Sprintf(cat.Import.StageHashing, cat.Int(r.hashed), cat.Int(r.hashes))
		percent = ratio(r.hashed, r.hashes)
	case app.StageWriting, app.StageDone:
		stage = cat.Phrase(r.total, cat.Import.StageWriting)
		percent = 1
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(title) + "\n\n")
	b.WriteString(m.busy.View(stage) + "\n")
	if percent >= 0 {
		b.WriteString(m.barView(percent) + "\n")
	}
	b.WriteString("\n")
	counters := [][2]string{{t.Rows, cat.Int(r.rows)}, {t.Matched, cat.Int(r.matched) + "/" + cat.Int(r.total)}}
	if r.hashes > 0 {
		counters = append(counters, [2]string{t.Hashed, cat.Int(r.hashed) + "/" + cat.Int(r.hashes)})
	}
	if !m.run.dry {
		counters = append(counters, [2]string{t.Written, cat.Int(r.written)})
	}
	width := 0
	for _, c := range counters {
		width = max(width, lipgloss.Width(c[0]))
	}
	for _, c := range counters {
		b.WriteString(pad(c[0], width) + "  " + c[1] + "\n")
	}
	if m.run.cancelling {
		b.WriteString("\n" + st.Error.Render(t.Cancelling) + "\n")
	}
	return b.String()
}

func ratio(n, of int) float64 {
	if of <= 0 {
		return 0
	}
	return min(float64(n)/float64(of), 1)
}

// barView draws a progress bar with a percentage. It is drawn here rather than with bubbles'
// progress, whose spring animation needs a module (harmonica) the project does not carry, and
// whose animation frames a bar fed by live counts does not need.
func (m *Model) barView(percent float64) string {
	st := m.sess.Styles
	width := min(max(m.width-8, 10), 50)
	full := int(percent*float64(width) + 0.5)
	return st.Primary.Render(strings.Repeat("█", full)) + st.Muted.Render(strings.Repeat("░", width-full)) +
		fmt.Sprintf(" %3.0f%%", percent*100)
}
