// Package merge is the Mail merge screen: the login cards of a selection printed to a PDF (1,
// 2 or 8 per sheet, one file per class if asked), and the email campaign that sends the same
// accounts by email, with a preview of the first card and message, live progress, cancel and
// resume. The Users screen opens it on its selection; the home screen on everyone.
package merge

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/i18n"
	mm "rollcall/mailmerge"
	"rollcall/model"
	"rollcall/tui/busy"
	"rollcall/tui/screen"
)

// panel is which half of the mail merge is shown.
type panel int

const (
	panelCards panel = iota
	panelEmails
)

// step is what the screen is doing; keys mean different things in each.
type step int

const (
	stepView    step = iota // the preview, waiting for a key
	stepForm                // the options form is open
	stepConfirm             // "send N emails?"
	stepRunning             // a PDF or a campaign is being made
)

// options are the admin's choices for this screen.
type options struct {
	perSheet      int
	paper         mm.Paper
	output        string // a .pdf file, or a directory when split
	split         bool
	activationURL string // as saved in the settings; the form may change it
	rate          string // messages a minute for a new campaign; "" or "0": no limit
}

// Model is the mail merge screen.
type Model struct {
	sess     *screen.Session
	sel      model.Selection
	fromHome bool
	// filterName is the saved filter the selection came from (f), "" otherwise.
	filterName string
	filters    []model.SavedFilter // the picker's choices
	pick       int                 // the picker's answer: an index of filters, -1 for everyone
	filtersReq screen.RequestID
	keys       keyMap
	busy       busy.Model

	panel panel
	step  step

	loadReq   screen.RequestID
	loaded    bool
	preview   app.MergePreview
	noSMTP    bool
	campaigns []app.CampaignStatus
	cursor    int // the campaign under the cursor

	opts  options
	forms screen.FormHost[formKind]
	fv    options    // what the options form edits
	sv    smtpValues // what the mail server form edits

	smtp            app.MailSettings // as saved, without the password
	school          model.ID         // the school whose settings smtp is
	schoolName      string
	pv              policyValues
	policyReq       screen.RequestID // the read of the policy the form starts from
	smtpPasswordSet bool

	job    job
	notice string // the last job's result
	err    error

	width, height int
}

// formKind says which form is open.
type formKind uint8

const (
	formOptions       formKind = iota // layout, paper, output, activation address, rate
	formSMTP                          // the mail server
	formPolicyProfile                 // which profile's password policy to change
	formPolicy                        // the school's password policy of one profile
	formFilter                        // a saved filter to use as the selection
)

// DefaultOutput is where cards go until the admin says otherwise (relative to the directory
// Rollcall runs in).
const DefaultOutput = "rollcall-cards.pdf"

// New builds the screen on a selection; fromHome says it was opened from the home screen (on
// everyone) rather than from the Users screen's selection.
func New(sess *screen.Session, args screen.MailMergeArgs, fromHome bool) *Model {
	return &Model{sess: sess, sel: args.Selection, fromHome: fromHome, keys: newKeyMap(sess.Cat),
		busy: busy.New(sess.Styles.Primary), opts: options{perSheet: 8, output: DefaultOutput}}
}

// Init loads the preview, the settings and the campaigns.
func (m *Model) Init() tea.Cmd { return m.reload() }

// SetSize records the body area.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.forms.Size(w, h)
}

// CapturesInput is true while a text field of the form has focus.
func (m *Model) CapturesInput() bool { return m.step == stepForm && m.forms.Captures() }

// HandlesBack keeps esc while a form, a question or a job is open: esc closes or cancels it.
func (m *Model) HandlesBack() bool { return m.step != stepView }

// mergeOptions are the app's options for this session's language.
func (m *Model) mergeOptions() app.MergeOptions {
	return app.MergeOptions{ProfileLabel: profileLabel}
}

func profileLabel(p model.Profile, lang model.Language) string { return i18n.For(lang).Profile(p) }

// layout is the engine's layout of the options.
func (o options) layout() mm.Layout { return mm.Layout{PerSheet: o.perSheet, Paper: o.paper} }

// ShortHelp lists the keys of the current step.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch m.step {
	case stepForm:
		return append(m.forms.Help(), k.cancel)
	case stepConfirm:
		return []key.Binding{k.confirm, k.cancel}
	case stepRunning:
		return []key.Binding{k.cancel}
	}
	if m.panel == panelCards {
		return []key.Binding{k.tab, k.edit, k.filter, k.generate}
	}
	return []key.Binding{k.tab, k.edit, k.filter, k.smtp, k.policy, k.send, k.resume, k.up, k.down}
}

// FullHelp groups the keys.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.tab, k.edit, k.filter, k.smtp, k.policy}, {k.generate, k.send, k.resume}, {k.up, k.down, k.cancel}}
}
