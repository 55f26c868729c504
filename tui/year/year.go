// Package year is the console's school year's turn: a form (school, year, classes, pattern,
// grace period), the whole plan, a confirmation, and the history of turns with their undo.
package year

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// step is what the screen shows: one at a time.
type step int

const (
	stepLoading step = iota // reading the admin's schools
	stepForm                // the choices
	stepBusy                // planning, closing or undoing
	stepPlan                // the plan, with its confirmation below
	stepHistory             // the turns, the cursor on one; an undo's confirmation below
)

// choices are the form's values.
type choices struct {
	org                        model.ID
	year, mode, pattern, grace string
}

// Model is the year's turn screen.
type Model struct {
	sess    *screen.Session
	step    step
	orgs    []model.Organization
	c       choices
	form    *huh.Form // the choices, or the confirmation of the plan or of an undo
	confirm bool
	plan    app.YearClosePlan
	runs    []model.ImportRun
	cursor  int
	busy    string // what the running job is, in words
	req     screen.RequestID
	notice  string
	err     error

	historyKey, undoKey key.Binding
	width, height       int
}

// Messages of the jobs, each tagged with the request that started it.
type (
	orgsMsg struct {
		id   screen.RequestID
		orgs []model.Organization
		err  error
	}
	planMsg struct {
		id      screen.RequestID
		plan    app.YearClosePlan
		applied bool
		err     error
	}
	historyMsg struct {
		id   screen.RequestID
		runs []model.ImportRun
		err  error
	}
	undoneMsg struct {
		id  screen.RequestID
		rep app.YearUndoReport
		err error
	}
)

// New builds the screen.
func New(sess *screen.Session) *Model {
	t := sess.Cat.Year
	return &Model{sess: sess,
		historyKey: key.NewBinding(key.WithKeys("h"), key.WithHelp("h", t.HistoryKey)),
		undoKey:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", t.UndoKey)),
		c:          choices{year: model.SchoolYearAt(sess.App.Now()), mode: string(model.ClassesArchive), pattern: model.DefaultArchivePattern},
	}
}

// Init reads the admin's schools.
func (m *Model) Init() tea.Cmd {
	m.req = m.sess.NewRequest()
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.req
	return func() tea.Msg {
		orgs, err := as.ListOrgs(ctx)
		return orgsMsg{id: id, orgs: orgs, err: err}
	}
}

// SetSize records the body area.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	screen.SizeForm(m.form, w, h)
}

// CapturesInput is true while a text field has the keys.
func (m *Model) CapturesInput() bool { return screen.FormCaptures(m.form) }

// HandlesBack keeps esc while a plan or the history is showing: it returns to the form.
func (m *Model) HandlesBack() bool { return m.step == stepPlan || m.step == stepHistory }

// Update handles keys, the forms and the jobs' results.
func (m *Model) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case orgsMsg:
		return m, m.orgsLoaded(msg)
	case planMsg:
		return m, m.planned(msg)
	case historyMsg:
		return m, m.historyLoaded(msg)
	case undoneMsg:
		return m, m.undone(msg)
	case tea.KeyPressMsg:
		if cmd, done := m.key(msg); done {
			return m, cmd
		}
	}
	return m, m.formMsg(msg)
}

func (m *Model) orgsLoaded(msg orgsMsg) tea.Cmd {
	if msg.id != m.req {
		return nil
	}
	if msg.err != nil || len(msg.orgs) == 0 {
		m.err = msg.err
		if m.err == nil {
			m.err = model.ErrNoOrganization
		}
		return nil
	}
	m.orgs, m.c.org = msg.orgs, msg.orgs[0].ID
	return m.openForm()
}

// openForm asks the choices, keeping those made before.
func (m *Model) openForm() tea.Cmd {
	t := m.sess.Cat.Year
	m.step, m.confirm = stepForm, false
	var schools []huh.Option[model.ID]
	for _, o := range m.orgs {
		schools = append(schools, huh.NewOption(model.Printable(o.Name), o.ID))
	}
	modes := []huh.Option[string]{huh.NewOption(t.ModeArchive, string(model.ClassesArchive)),
		huh.NewOption(t.ModeRename, string(model.ClassesRename)), huh.NewOption(t.ModeKeep, string(model.ClassesKeep))}
	m.form = m.sess.NewForm(huh.NewGroup(
		huh.NewSelect[model.ID]().Key("org").Title(t.School).Options(schools...).Value(&m.c.org),
		huh.NewInput().Key("year").Title(t.Year).Description(t.YearHint).CharLimit(32).Value(&m.c.year).
			Validate(m.sess.Required(t.Year)),
		huh.NewSelect[string]().Key("mode").Title(t.Classes).Options(modes...).Value(&m.c.mode),
		huh.NewInput().Key("pattern").Title(t.Pattern).Description(t.PatternHint).CharLimit(100).Value(&m.c.pattern),
		huh.NewInput().Key("grace").Title(t.GraceDays).Description(t.GraceHint).CharLimit(4).Value(&m.c.grace).
			Validate(func(s string) error {
				if _, ok := graceDays(s); !ok {
					return errorText(t.BadDays)
				}
				return nil
			}),
	).Title(t.Title))
	screen.SizeForm(m.form, m.width, m.height)
	return m.form.Init()
}

// graceDays reads the grace field: "" keeps the school's setting (ok, -1).
func graceDays(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return -1, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0 && n <= model.MaxDeletionGraceDays
}

type errorText string

func (e errorText) Error() string { return string(e) }

// key handles the screen's own keys; done is false to pass the key on to the form.
func (m *Model) key(k tea.KeyPressMsg) (tea.Cmd, bool) {
	km := m.sess.Keys
	switch {
	case key.Matches(k, km.Back) && (m.step == stepPlan || m.step == stepHistory):
		m.notice, m.err = "", nil
		return m.openForm(), true
	case m.step == stepForm && !screen.FormCaptures(m.form) && key.Matches(k, m.historyKey):
		return m.loadHistory(), true
	case m.step == stepHistory && m.form == nil:
		switch {
		case key.Matches(k, km.Up) && m.cursor > 0:
			m.cursor--
		case key.Matches(k, km.Down) && m.cursor < len(m.runs)-1:
			m.cursor++
		case key.Matches(k, m.undoKey) && len(m.runs) > 0 && !m.runs[m.cursor].Undone():
			return m.askUndo(), true
		}
		return nil, true
	}
	return nil, false
}

// formMsg gives the open form a message and acts on its completion.
func (m *Model) formMsg(msg tea.Msg) tea.Cmd {
	if m.form == nil {
		return nil
	}
	cmd, state := screen.UpdateForm(m.form, msg)
	switch {
	case state == huh.StateAborted:
		m.form = nil
		return tea.Batch(cmd, screen.Emit(screen.BackMsg{}))
	case state != huh.StateCompleted:
		return cmd
	}
	m.form = nil
	switch m.step {
	case stepForm:
		return tea.Batch(cmd, m.run(true))
	case stepPlan:
		if !m.confirm {
			return tea.Batch(cmd, m.openForm())
		}
		return tea.Batch(cmd, m.run(false))
	case stepHistory:
		if !m.confirm {
			return cmd
		}
		return tea.Batch(cmd, m.undo(m.runs[m.cursor].ID))
	}
	return cmd
}

// run plans the turn (dry) or applies it, after saving a grace period typed.
func (m *Model) run(dry bool) tea.Cmd {
	t := m.sess.Cat.Year
	m.step, m.busy, m.err, m.notice = stepBusy, t.Planning, nil, ""
	if !dry {
		m.busy = t.Closing
	}
	m.req = m.sess.NewRequest()
	ctx, as, id, c := m.sess.Ctx, m.sess.Acting, m.req, m.c
	opts := app.YearCloseOptions{OrgID: c.org, Year: strings.TrimSpace(c.year), Classes: model.ClassesMode(c.mode),
		Pattern: strings.TrimSpace(c.pattern)}
	if opts.Classes == model.ClassesArchive && opts.Pattern == model.DefaultArchivePattern {
		opts.Pattern = ""
	}
	return func() tea.Msg { return closeYear(ctx, as, c, opts, dry, id) }
}

// closeYear plans the turn with the grace period typed, or applies it and then keeps that grace
// period as the school's setting: answering No saves nothing.
func closeYear(ctx context.Context, as *app.Session, c choices, opts app.YearCloseOptions, dry bool, id screen.RequestID) tea.Msg {
	if days, _ := graceDays(c.grace); days >= 0 {
		opts.GraceDays = &days
		if !dry {
			if _, err := as.SetDeletionGrace(ctx, c.org, days, false); err != nil {
				return planMsg{id: id, err: err}
			}
		}
	}
	plan, err := as.CloseYear(ctx, opts, dry)
	return planMsg{id: id, plan: plan, applied: !dry && err == nil, err: err}
}

func (m *Model) planned(msg planMsg) tea.Cmd {
	if msg.id != m.req {
		return nil
	}
	m.plan = msg.plan
	if msg.err != nil {
		m.err = msg.err
		return m.openForm()
	}
	t := m.sess.Cat.Year
	if msg.applied {
		m.notice = fmt.Sprintf(t.Done, msg.plan.Summary.Year, model.Printable(msg.plan.OrgName), msg.plan.RunID.String(), msg.plan.RunID.String())
		return tea.Batch(m.loadHistory(), screen.Emit(screen.DataChangedMsg{}))
	}
	m.step, m.confirm = stepPlan, false
	m.form = m.sess.NewForm(huh.NewGroup(huh.NewConfirm().Key("confirm").Title(t.Confirm).Value(&m.confirm)))
	screen.SizeForm(m.form, m.width, m.height)
	return m.form.Init()
}

func (m *Model) loadHistory() tea.Cmd {
	m.step, m.form, m.busy = stepBusy, nil, ""
	m.req = m.sess.NewRequest()
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.req
	return func() tea.Msg {
		runs, err := as.YearCloseHistory(ctx)
		return historyMsg{id: id, runs: runs, err: err}
	}
}

func (m *Model) historyLoaded(msg historyMsg) tea.Cmd {
	if msg.id != m.req {
		return nil
	}
	m.step, m.runs, m.cursor = stepHistory, msg.runs, 0
	if msg.err != nil {
		m.err = msg.err
	}
	return nil
}

// askUndo confirms the undo of the run under the cursor.
func (m *Model) askUndo() tea.Cmd {
	r := m.runs[m.cursor]
	m.confirm, m.notice, m.err = false, "", nil
	q := fmt.Sprintf(m.sess.Cat.Year.UndoQuestion, r.ID.String(), m.sess.Cat.YearSummary(*r.YearClose))
	m.form = m.sess.NewForm(huh.NewGroup(huh.NewConfirm().Key("undo").Title(q).Value(&m.confirm)))
	screen.SizeForm(m.form, m.width, m.height)
	return m.form.Init()
}

func (m *Model) undo(run model.ID) tea.Cmd {
	m.step, m.busy = stepBusy, m.sess.Cat.Year.Undoing
	m.req = m.sess.NewRequest()
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.req
	return func() tea.Msg {
		rep, err := as.UndoYearClose(ctx, run, false)
		return undoneMsg{id: id, rep: rep, err: err}
	}
}

func (m *Model) undone(msg undoneMsg) tea.Cmd {
	if msg.id != m.req {
		return nil
	}
	if msg.err != nil {
		m.err = msg.err
		return m.loadHistory()
	}
	cat, r := m.sess.Cat, msg.rep
	m.notice = fmt.Sprintf(cat.Year.UndoDone, r.Run.ID.String(), cat.Count(r.Users, cat.Year.People),
		cat.Count(r.Restored, cat.Year.People), cat.Count(r.Classes, cat.Nouns.Class), cat.Count(r.Seats, cat.Year.Seats),
		cat.Int(r.SeatsNotFree))
	return tea.Batch(m.loadHistory(), screen.Emit(screen.DataChangedMsg{}))
}

// ShortHelp lists the keys of the step showing.
func (m *Model) ShortHelp() []key.Binding {
	km := m.sess.Keys
	if m.form != nil {
		out := screen.FormHelp(m.form)
		if m.step == stepForm && !screen.FormCaptures(m.form) {
			out = append(out, m.historyKey)
		}
		return append(out, km.Back)
	}
	if m.step == stepHistory {
		return []key.Binding{km.Up, km.Down, m.undoKey, km.Back}
	}
	return []key.Binding{km.Back}
}

// FullHelp is the short help in one column.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
