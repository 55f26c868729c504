package imports

import (
	"fmt"
	"strings"

	"rollcall/importers"
)

// resultView is the diff of a dry run (with the confirmation when asked), why a run stopped,
// or the report of the real import.
func (m *Model) resultView() string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.ImportScreen
	var b strings.Builder
	title := t.DiffTitle
	if m.step == stepReport {
		title = fmt.Sprintf(t.ReportTitle, m.report.RunID.String())
	}
	b.WriteString(st.Title.Render(title) + "\n")
	if m.runErr != nil {
		b.WriteString(m.problemsView())
		return b.String()
	}
	line := cat.ImportReport(m.report.Counts)
	if m.report.DryRun {
		line = fmt.Sprintf(cat.Import.ReportDry, line)
	}
	b.WriteString(m.cut(st.Success.Render(line)) + "\n")
	b.WriteString(m.cut(st.Muted.Render(cat.ImportClasses(m.report.Counts))+"  "+m.listPosition()) + "\n")
	for _, w := range m.warningLines() {
		b.WriteString(m.cut(st.Error.Render(w)) + "\n")
	}
	b.WriteString(m.createdView() + "\n")
	n := m.changes.len()
	if n == 0 {
		b.WriteString(st.Muted.Render(t.NoChanges) + "\n")
	}
	lines, _ := m.changes.window(n, m.listHeight(), func(i int) []string { return m.changeLines(m.changes.at(i)) })
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	b.WriteString("\n")
	switch {
	case m.step == stepConfirm:
		b.WriteString(st.Selected.Render(t.ConfirmImport) + "\n")
	case m.notice != "":
		b.WriteString(st.Error.Render(m.notice) + "\n")
	}
	return b.String()
}

// createdView lists, in words, the organizations, classes and groups the run created: one
// line for each kind, or nothing.
func (m *Model) createdView() string {
	var b strings.Builder
	for _, l := range m.sess.Cat.ImportCreatedSets(m.report.NewOrgs, m.report.NewClasses, m.report.NewGroups) {
		b.WriteString(m.wrap(m.sess.Styles.Muted.Render(l)) + "\n")
	}
	return b.String()
}

// listPosition is "filter: created · 1–12 of 47".
func (m *Model) listPosition() string {
	cat := m.sess.Cat
	n := m.changes.len()
	kind := kindLabel(cat, filters()[m.changes.filter])
	_, next := m.changes.window(n, m.listHeight(), func(i int) []string { return m.changeLines(m.changes.at(i)) })
	first := min(m.changes.offset+1, n)
	return m.sess.Styles.Muted.Render("[f] " + kind + " · " +
		fmt.Sprintf(cat.ImportScreen.Position, cat.Int(first), cat.Int(next), cat.Int(n)))
}

// problemsView says why the run stopped: every located error of the files, scrollable, or the
// one error that stopped it (too many deletions, no organization, a file that cannot be read).
func (m *Model) problemsView() string {
	cat, st := m.sess.Cat, m.sess.Styles
	es := m.rowErrors()
	if es == nil {
		return m.wrap(st.Error.Render(cat.Error(m.runErr))) + "\n"
	}
	var b strings.Builder
	count := cat.Count(len(es.List)+es.Omitted, cat.ImportScreen.Problem)
	b.WriteString(m.cut(st.Error.Render(fmt.Sprintf(cat.ImportScreen.Problems, count))) + "\n")
	first := min(m.errList.offset+1, len(es.List))
	_, next := m.errList.window(len(es.List), m.listHeight(), func(i int) []string { return m.errorLines(es.List[i]) })
	b.WriteString(st.Muted.Render(fmt.Sprintf(cat.ImportScreen.Position, cat.Int(first), cat.Int(next), cat.Int(len(es.List)))) + "\n\n")
	lines, _ := m.errList.window(len(es.List), m.listHeight(), func(i int) []string { return m.errorLines(es.List[i]) })
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	if es.Omitted > 0 && next == len(es.List) {
		b.WriteString(st.Muted.Render(cat.Phrase(es.Omitted, cat.Import.AndMore)) + "\n")
	}
	return b.String()
}

func (m *Model) historyView() string {
	cat, st := m.sess.Cat, m.sess.Styles
	t, h := cat.ImportScreen, &m.hist
	if h.step == histErrors {
		return m.failedErrorsView()
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(cat.Import.History) + "\n\n")
	switch {
	case !h.loaded:
		b.WriteString(st.Muted.Render(cat.App.Working) + "\n")
	case len(h.runs) == 0 && h.err == nil:
		b.WriteString(st.Muted.Render(t.NoHistory) + "\n")
	}
	lines, _ := h.window(len(h.runs), m.listHeight(), m.runLines)
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	b.WriteString("\n")
	switch {
	case h.step == histConfirm:
		r := h.target
		b.WriteString(m.wrap(st.Selected.Render(fmt.Sprintf(t.ConfirmUndo, r.ID.String(), cat.DateTime(r.At), cat.ImportReport(r.Counts)))) + "\n")
	case h.step == histUndoing:
		b.WriteString(m.busy.View(t.Undoing) + "\n")
	case h.step == histChecking:
		b.WriteString(m.busy.View(cat.App.Working) + "\n")
	case h.err != nil:
		b.WriteString(m.wrap(st.Error.Render(cat.Error(h.err))) + "\n")
	case h.notice != "":
		b.WriteString(m.wrap(st.Success.Render(h.notice)) + "\n")
	}
	return b.String()
}

// shownWarnings is how many of a run's warnings the report lists above the diff; the CLI's
// report lists them all.
const shownWarnings = 3

// warningLines are the report's first warnings (references the files do not resolve, whose rows
// were imported without the link) and skipped files, and how many more there are.
func (m *Model) warningLines() []string {
	if m.runErr != nil {
		return nil
	}
	cat := m.sess.Cat
	var lines []string
	total := 0
	for _, list := range []struct {
		es     *importers.Errors
		format string
	}{{m.report.Warnings, cat.Importers.Warning}, {m.report.Skipped, cat.Importers.Skipped}} {
		if list.es == nil {
			continue
		}
		total += list.es.Len()
		for _, w := range list.es.List {
			if len(lines) < shownWarnings {
				lines = append(lines, fmt.Sprintf(list.format, m.rowError(w)))
			}
		}
	}
	if more := total - len(lines); more > 0 {
		lines = append(lines, cat.Phrase(more, cat.Importers.AndMoreWarnings))
	}
	return lines
}
