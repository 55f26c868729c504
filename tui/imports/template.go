package imports

import (
	"fmt"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// templateValues are what the template form edits.
type templateValues struct {
	profile model.Profile
	format  app.ExportFormat
	path    string
}

// templateMsg is the result of writing an empty template.
type templateMsg struct {
	path string
	err  error
}

// openTemplate shows the form that writes an empty template, as rollcall import template does;
// the file goes to the folder the picker shows unless a path is typed.
func (m *Model) openTemplate() tea.Cmd {
	cat := m.sess.Cat
	t := cat.ImportSync
	m.tmpl = templateValues{profile: model.Student, format: app.ExportXLSX}
	m.step, m.notice = stepTemplate, ""
	return m.forms.Open(formTemplate, m.sess.NewForm(huh.NewGroup(
		huh.NewSelect[model.Profile]().Title(t.TemplateProfile).Options(
			huh.NewOption(t.TemplateStudents, model.Student), huh.NewOption(t.TemplateTeachers, model.Teacher),
			huh.NewOption(t.TemplateParents, model.Parent), huh.NewOption(t.TemplateStaff, model.Staff)).Value(&m.tmpl.profile),
		huh.NewSelect[app.ExportFormat]().Key("format").Title(t.TemplateFormat).Options(
			huh.NewOption("XLSX", app.ExportXLSX), huh.NewOption("CSV", app.ExportCSV)).Value(&m.tmpl.format),
		huh.NewInput().Key("path").Title(t.TemplatePath).Value(&m.tmpl.path),
	)), m.width, m.formHeight())
}

// templateUpdate passes a message to the template form (esc goes back to the picker); once
// completed, the file is written.
func (m *Model) templateUpdate(msg tea.Msg) tea.Cmd {
	cmd, end := m.forms.Update(msg, m.sess.Keys.Back)
	switch end {
	case screen.FormCancelled:
		m.step = stepPick
		return cmd
	case screen.FormOpen:
		return cmd
	}
	v, cat, dir := m.tmpl, m.sess.Cat, m.picker.dir
	sheet := cat.TemplateSheet(v.profile)
	path := screen.ExpandHome(strings.TrimSpace(v.path))
	if path == "" {
		path = sheet + map[app.ExportFormat]string{app.ExportXLSX: ".xlsx", app.ExportCSV: ".csv"}[v.format]
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	labels := app.TemplateLabels(cat.ImportSync.Template)
	return tea.Batch(cmd, func() tea.Msg {
		return templateMsg{path: path, err: app.WriteImportTemplate(v.profile, v.format, labels, sheet, path)}
	})
}

// templateWritten says what was written and shows it in the picker.
func (m *Model) templateWritten(msg templateMsg) tea.Cmd {
	m.step = stepPick
	cat := m.sess.Cat
	if msg.err != nil {
		m.notice = cat.Error(msg.err)
		return nil
	}
	m.notice = fmt.Sprintf(cat.ImportSync.TemplateWritten, cat.TemplateSheet(m.tmpl.profile), msg.path)
	return m.picker.open(m.sess, m.picker.dir)
}

func (m *Model) templateView() string {
	st := m.sess.Styles
	return st.Title.Render(m.sess.Cat.ImportSync.TemplateTitle) + "\n\n" + m.forms.Form.View()
}
