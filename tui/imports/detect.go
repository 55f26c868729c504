package imports

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/importers"
	"rollcall/model"
	"rollcall/tui/screen"
)

// detectedMsg is what app.DetectImport found, with the admin's organizations for the options.
type detectedMsg struct {
	id         screen.RequestID
	inputs     []importers.Input
	detections []importers.Detection
	orgs       []model.Organization
	err        error
}

// detectCmd reads the headers and first rows of the inputs, and the admin's organizations.
func detectCmd(ctx context.Context, as *app.Session, paths []string, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		msg := detectedMsg{id: id}
		for _, p := range paths {
			msg.inputs = append(msg.inputs, importers.Input{Path: screen.ExpandHome(p)})
		}
		if msg.orgs, msg.err = as.ListOrgs(ctx); msg.err != nil {
			return msg
		}
		msg.detections, msg.err = as.DetectImport(ctx, msg.inputs)
		return msg
	}
}

// startDetect detects what the marked paths are.
func (m *Model) startDetect() tea.Cmd {
	if len(m.picker.marked) == 0 {
		return nil
	}
	m.step, m.notice, m.detectErr = stepDetecting, "", nil
	m.detectReq = m.sess.NewRequest()
	paths := append([]string(nil), m.picker.marked...)
	if err := m.sess.ReadableFiles(paths...); err != nil { // over SSH only the inbox is the admin's
		id := m.detectReq
		return func() tea.Msg { return detectedMsg{id: id, err: err} }
	}
	return tea.Batch(m.busy.Start(), detectCmd(m.sess.Ctx, m.sess.Acting, paths, m.detectReq))
}

func (m *Model) detected(msg detectedMsg) tea.Cmd {
	if msg.id != m.detectReq || m.step != stepDetecting {
		return nil
	}
	m.busy.Stop()
	m.step, m.current = stepDetected, 0
	m.inputs, m.detections, m.orgs, m.detectErr = msg.inputs, msg.detections, msg.orgs, msg.err
	m.unmarkMissing(msg)
	m.unmarkRefused()
	m.opts = optionValues{}
	if len(m.orgs) > 0 && !m.setFormat() {
		m.opts.org = m.orgs[0].ID
	}
	return nil
}

// unmarkMissing drops a marked path that cannot be opened (a typed path with a typo), so going
// back to the picker does not keep it.
func (m *Model) unmarkMissing(msg detectedMsg) {
	var pe *fs.PathError
	if !errors.As(msg.err, &pe) {
		return
	}
	for _, in := range msg.inputs {
		if in.Path == pe.Path || strings.HasPrefix(pe.Path, in.Path+string(filepath.Separator)) {
			m.picker.marked = slices.DeleteFunc(m.picker.marked, func(p string) bool { return screen.ExpandHome(p) == in.Path })
		}
	}
}

// unmarkRefused drops a marked path in which detection found nothing to import, only files it
// refused (not a roster), so the picker does not keep it marked for the next detection; the
// picker then says which were unmarked, and why.
func (m *Model) unmarkRefused() {
	var gone []string
	m.picker.marked = slices.DeleteFunc(m.picker.marked, func(marked string) bool {
		p := screen.ExpandHome(marked)
		refused, readable := false, false
		for _, d := range m.detections {
			if !related(p, d.Path) {
				continue
			}
			if d.Format != "" {
				readable = true
			} else if d.Problem != nil {
				refused = true
			}
		}
		if refused && !readable {
			gone = append(gone, filepath.Base(p))
		}
		return refused && !readable
	})
	m.unmarked = gone
}

// related reports whether two paths are the same or one holds the other (a folder or archive
// and a file in it).
func related(a, b string) bool {
	under := func(in, dir string) bool {
		return strings.HasPrefix(in, dir+"/") || strings.HasPrefix(in, dir+string(filepath.Separator))
	}
	return a == b || under(a, b) || under(b, a)
}

// lead is the detection that decides the import's format: the first readable one.
func (m *Model) lead() importers.Detection {
	for _, d := range m.detections {
		if d.Format != "" {
			return d
		}
	}
	return importers.Detection{}
}

// setFormat reports whether the import is a multi-school set (OneRoster, SDS), whose files
// name their organizations.
func (m *Model) setFormat() bool { return m.lead().Set }

// defaultSource is the source an import gets when none is named: the format's family, as
// app.Import decides it.
func (m *Model) defaultSource() string { return m.lead().Source }

// Field keys of the options form.
const (
	fieldSource       = "source"
	fieldOrg          = "org"
	fieldForce        = "force"
	fieldMaxDeletions = "max_deletions"
	fieldStrict       = "strict"
)

// openOptions shows the options form; the values of a previous visit stay.
func (m *Model) openOptions() tea.Cmd {
	if m.detectErr != nil || len(m.detections) == 0 {
		return nil
	}
	m.step, m.notice = stepOptions, ""
	return m.forms.Open(formOptions, m.newOptionsForm(), m.width, m.formHeight())
}

func (m *Model) newOptionsForm() *huh.Form {
	cat := m.sess.Cat
	t := cat.ImportScreen
	fields := []huh.Field{
		huh.NewInput().Key(fieldSource).Title(t.Source).Placeholder(m.defaultSource()).
			Description(fmt.Sprintf(t.SourceHint, m.defaultSource())).Value(&m.opts.source),
	}
	if len(m.orgs) > 1 || (len(m.orgs) == 1 && m.setFormat()) {
		var opts []huh.Option[model.ID]
		if m.setFormat() {
			opts = append(opts, huh.NewOption(t.OrgFromFiles, model.ID(0)))
		}
		for _, o := range m.orgs {
			opts = append(opts, huh.NewOption(o.Name, o.ID))
		}
		fields = append(fields, huh.NewSelect[model.ID]().Key(fieldOrg).Title(t.Org).Description(t.OrgHint).
			Options(opts...).Value(&m.opts.org))
	}
	fields = append(fields, m.choiceFields()...)
	fields = append(fields,
		huh.NewConfirm().Key(fieldForce).Title(t.Force).Description(t.ForceHint).
			Affirmative(cat.App.Yes).Negative(cat.App.No).Value(&m.opts.force),
		huh.NewInput().Key(fieldMaxDeletions).Title(t.MaxDeletions).Description(t.MaxDeletionsHint).
			Value(&m.opts.maxDeletions).Validate(m.checkMaxDeletions),
		huh.NewConfirm().Key(fieldStrict).Title(cat.Importers.Strict).Description(cat.Importers.StrictHint).
			Affirmative(cat.App.Yes).Negative(cat.App.No).Value(&m.opts.strict),
	)
	return m.sess.NewForm(huh.NewGroup(fields...))
}

func (m *Model) checkMaxDeletions(s string) error {
	if s == "" {
		return nil
	}
	if _, ok := app.ParseDeletionLimit(s); !ok {
		return errors.New(m.sess.Cat.ImportScreen.MaxDeletionsInvalid)
	}
	return nil
}

// importOptions are the options of the next run, from the form's values.
func (m *Model) importOptions(dry bool) app.ImportOptions {
	o := app.ImportOptions{Source: m.opts.source, OrgID: m.opts.org, Force: m.opts.force, DryRun: dry, Strict: m.opts.strict,
		Mode: m.opts.mode, Classes: m.opts.classes, Changes: true} // the results list every change, dry or not
	if m.opts.maxDeletions != "" {
		o.MaxDeletions, _ = app.ParseDeletionLimit(m.opts.maxDeletions)
	}
	return o
}
