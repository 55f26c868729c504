package imports

import (
	"errors"
	"path/filepath"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/importers"
	"rollcall/model"
)

// allKinds is the filter that keeps every change.
const allKinds app.ChangeKind = 255

// filters are the kinds the diff can be narrowed to, in the order f cycles through them.
func filters() []app.ChangeKind {
	return []app.ChangeKind{allKinds, app.Created, app.Updated, app.Protected, app.PendingDeletion, app.Skipped}
}

// changeList is the diff on show: the report's changes, narrowed to one kind or not.
type changeList struct {
	all    []app.UserChange
	filter int   // index in filters
	index  []int // the changes of the kind, when filtered
	scroller
}

func (l *changeList) set(changes []app.UserChange) { *l = changeList{all: changes} }

// len is the number of changes on show.
func (l *changeList) len() int {
	if l.filter == 0 {
		return len(l.all)
	}
	return len(l.index)
}

// at is the i-th change on show.
func (l *changeList) at(i int) *app.UserChange {
	if l.filter == 0 {
		return &l.all[i]
	}
	return &l.all[l.index[i]]
}

// cycle narrows the list to the next kind. Indexing is one pass over the report, done once
// per key press, not per frame.
func (l *changeList) cycle() {
	kinds := filters()
	l.filter = (l.filter + 1) % len(kinds)
	l.index, l.offset = l.index[:0], 0
	if l.filter == 0 {
		return
	}
	for i := range l.all {
		if l.all[i].Kind == kinds[l.filter] {
			l.index = append(l.index, i)
		}
	}
}

// showResult resets the diff and error lists to the last run's.
func (m *Model) showResult() {
	m.changes.set(m.report.Changes)
	m.errList = scroller{}
}

// rowErrors are the located errors of the last run, when its files were invalid.
func (m *Model) rowErrors() *importers.Errors {
	var es *importers.Errors
	if errors.As(m.runErr, &es) {
		return es
	}
	return nil
}

// kindLabel names a change's bucket.
func kindLabel(cat *i18n.Catalog, k app.ChangeKind) string {
	t := cat.Import
	switch k {
	case app.Created:
		return t.Created
	case app.Updated:
		return t.Updated
	case app.Protected:
		return t.Protected
	case app.PendingDeletion:
		return t.PendingDeletion
	case app.Unchanged:
		return t.Unchanged
	case app.Skipped:
		return cat.ImportSync.SkippedKind
	}
	return cat.ImportScreen.All
}

// fieldLabel names a user field in the admin's language.
func fieldLabel(cat *i18n.Catalog, f model.Field) string { return cat.UserField(f) }

// changeLines renders one user of the diff: a line for the user, one per field it sets
// (old → new), one per protected field it leaves alone. Lines are cut to the width.
func (m *Model) changeLines(ch *app.UserChange) []string {
	cat, st := m.sess.Cat, m.sess.Styles
	kind := kindLabel(cat, ch.Kind)
	if ch.Restored {
		kind += " (" + cat.Import.Restored + ")"
	}
	style := st.Primary
	switch ch.Kind {
	case app.Created:
		style = st.Success
	case app.PendingDeletion:
		style = st.Error
	case app.Protected:
		style = st.Muted
	}
	head := style.Render(pad(kind, 14)) + " " + pad(ch.Login, 22) + " " + ch.FirstName + " " + ch.LastName +
		" (" + cat.Profile(ch.Profile) + ")"
	if ch.Where.File != "" {
		head += "  " + st.Muted.Render(shortLocation(ch.Where))
	}
	lines := []string{m.cut(head)}
	for _, fc := range ch.Fields {
		lines = append(lines, m.cut("    "+pad(fieldLabel(cat, fc.Field), 18)+" "+m.value(fc.Old)+" → "+m.value(fc.New)))
	}
	for _, f := range ch.Blocked {
		lines = append(lines, m.cut("    "+pad(fieldLabel(cat, f), 18)+" "+st.Muted.Render(cat.ImportScreen.Blocked)))
	}
	return lines
}

// value shows a field value, or that it is empty.
func (m *Model) value(s string) string {
	if s == "" {
		return m.sess.Styles.Muted.Render(m.sess.Cat.ImportScreen.Empty)
	}
	return s
}

// errorLines renders one located error, wrapped to the width.
func (m *Model) errorLines(e *importers.RowError) []string {
	w := max(m.width-2, 20)
	wrapped := lipgloss.NewStyle().Width(w).Render("• " + m.rowError(e))
	return strings.Split(wrapped, "\n")
}

// rowError says where a file is wrong, in the admin's language, the files named from the
// folder the picker shows.
func (m *Model) rowError(e *importers.RowError) string {
	short := *e
	short.File, short.Other.File = m.relative(e.File), m.relative(e.Other.File)
	return m.sess.Cat.RowError(&short)
}

// relative names a file from the picker's folder when it is inside it.
func (m *Model) relative(path string) string {
	if path == "" || m.picker.dir == "" {
		return path
	}
	rel, err := filepath.Rel(m.picker.dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}

// shortLocation is "CSV_Eleves.csv:12": the file's base name, the line as a spreadsheet
// shows it.
func shortLocation(l importers.Location) string {
	name := l.File
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return importers.Location{File: name, Sheet: l.Sheet, Line: l.Line}.String()
}

// cut truncates a rendered line to the body width.
func (m *Model) cut(s string) string {
	if m.width <= 0 {
		return s
	}
	return ansi.Truncate(s, m.width, "…")
}

// pad fills s with spaces to width cells.
func pad(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}
