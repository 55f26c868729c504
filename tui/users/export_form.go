package users

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
	"rollcall/tui/screen"
)

// exportValues are the platforms' options as the export form edits them, each shown with its
// default.
type exportValues struct {
	emailTemplate, orgUnitTemplate string
	fields, charset                string
}

func newExportValues() exportValues {
	return exportValues{orgUnitTemplate: app.DefaultGoogleOrgUnitTemplate,
		fields: strings.Join(app.DefaultENTFields, ","), charset: app.CharsetWindows1252}
}

// options are the values as app takes them.
func (v exportValues) options() app.ExportOptions {
	var fields []string
	for _, f := range strings.Split(v.fields, ",") {
		if f = strings.TrimSpace(f); f != "" {
			fields = append(fields, f)
		}
	}
	return app.ExportOptions{EmailTemplate: strings.TrimSpace(v.emailTemplate), OrgUnitTemplate: strings.TrimSpace(v.orgUnitTemplate),
		Fields: fields, Charset: v.charset}
}

// exportForm asks for the format and the file, then the options of the format chosen when it
// has some (Google's templates, the ENT's fields and charset), each filled with its default.
func (m *Model) exportForm() tea.Cmd {
	cat := m.sess.Cat
	t, p := cat.Directory.Forms, cat.Platforms
	m.fv = &formValues{format: app.ExportXLSX, export: newExportValues()}
	fv := m.fv
	is := func(f app.ExportFormat) func() bool { return func() bool { return fv.format != f } }
	check := func(format app.ExportFormat) func(string) error {
		return func(string) error {
			var oe *model.ExportOptionError
			if err := app.CheckExportOptions(format, fv.export.options()); errors.As(err, &oe) {
				return errors.New(cat.UnknownExportOption(oe))
			}
			return nil
		}
	}
	return m.openForm(formExport, m.sess.NewForm(
		huh.NewGroup(
			huh.NewSelect[app.ExportFormat]().Key("format").Title(t.Format).Options(exportOptions(cat)...).Value(&fv.format),
			huh.NewInput().Key("path").Title(t.Path).Description(t.PathHint).Placeholder(defaultExportName).Value(&fv.path),
		).Title(fmt.Sprintf(t.ExportTitle, cat.Count(m.list.Total(), cat.Nouns.User))),
		huh.NewGroup(
			huh.NewInput().Key("email-template").Title(p.EmailTemplate).Description(p.EmailTemplateHint).
				Value(&fv.export.emailTemplate).Validate(check(app.ExportGoogle)),
			huh.NewInput().Key("org-unit-template").Title(p.OrgUnitTemplate).Description(p.OrgUnitTemplateHint).
				Value(&fv.export.orgUnitTemplate).Validate(check(app.ExportGoogle)),
		).Title(fmt.Sprintf(p.OptionsTitle, "Google Workspace")).WithHideFunc(is(app.ExportGoogle)),
		huh.NewGroup(
			huh.NewInput().Key("fields").Title(p.Fields).Description(fmt.Sprintf(p.FieldsHint, strings.Join(app.ENTFields(), ", "))).
				Value(&fv.export.fields).Validate(check(app.ExportENT)),
			huh.NewSelect[string]().Key("charset").Title(p.Charset).Value(&fv.export.charset).Options(
				huh.NewOption(p.CharsetWindows1252, app.CharsetWindows1252), huh.NewOption(p.CharsetUTF8, app.CharsetUTF8)),
		).Title(fmt.Sprintf(p.OptionsTitle, "ENT")).WithHideFunc(is(app.ExportENT)),
	))
}

// defaultExportName is the file an export writes when no name is typed (plus the extension).
const defaultExportName = "rollcall-users"

// exportPath completes what was typed: a default name, the format's extension, ~ for home.
func exportPath(typed string, format app.ExportFormat) string {
	p := strings.TrimSpace(typed)
	if p == "" {
		p = defaultExportName
	}
	p = screen.ExpandHome(p)
	if filepath.Ext(p) == "" {
		p += format.Info().Ext
	}
	return p
}

// exportOptions are the registry's formats, each named in the admin's language.
func exportOptions(cat *i18n.Catalog) []huh.Option[app.ExportFormat] {
	t := cat.Directory.Forms
	named := map[app.ExportFormat]string{app.ExportXLSX: t.FormatXLSX, app.ExportCSV: t.FormatCSV, app.ExportCSVSemicolon: t.FormatCSVFr}
	var opts []huh.Option[app.ExportFormat]
	for _, f := range app.ExportFormats() {
		label := named[f.Format]
		if label == "" {
			label = t.Formats[f.Name]
		}
		if label == "" {
			label = cat.Platforms.Formats[f.Name]
		}
		if label == "" {
			label = f.Name
		}
		opts = append(opts, huh.NewOption(label, f.Format))
	}
	return opts
}
