// Package imports is the console's import screen: pick roster files (several files, a folder or a
// .zip), see what each one is (format, encoding, delimiter, profile, first rows), set the
// options, run a dry run with live progress, read the diff, confirm, watch the real import and
// read its report; a second tab lists the import history and undoes the latest import. Every
// app call runs in a command tagged with a request id; a running import can be cancelled at
// any point and then writes nothing.
package imports

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"rollcall/app"
	"rollcall/importers"
	"rollcall/model"
	"rollcall/tui/busy"
	"rollcall/tui/screen"
)

// tab is the page of the screen on show.
type tab int

const (
	tabImport tab = iota
	tabHistory
)

// step is where the import tab is: each step owns the keys while it shows.
type step int

const (
	stepPick      step = iota // the file picker's list has focus
	stepPath                  // the typed path field has focus
	stepDetecting             // importers.Detect runs
	stepDetected              // the detections and the preview of the first rows
	stepOptions               // the options form
	stepRunning               // a dry run or the real import runs; esc cancels
	stepDiff                  // the dry run's diff, or why the files cannot be imported
	stepConfirm               // the diff, with "write these changes?" asked
	stepReport                // what the real import did
	stepTemplate              // the form that writes an empty template
)

// histStep is where the history tab is.
type histStep int

const (
	histList     histStep = iota
	histChecking          // app.UndoLastImport checks, without writing, that the undo is possible
	histConfirm           // "undo import #n?" asked
	histUndoing           // app.UndoLastImport runs
	histErrors            // a failed run's errors, reopened ("see the errors")
)

// optionValues are what the options form edits; the form points into them.
type optionValues struct {
	source       string
	org          model.ID
	force        bool
	maxDeletions string
	strict       bool
	mode         app.ImportMode
	classes      app.ClassPolicy
}

// Model is the import screen.
type Model struct {
	sess *screen.Session
	keys keyMap

	tab   tab
	step  step
	start string // the folder the picker opens first

	picker picker
	path   textinput.Model

	// What the last detection found, for the preview and the options.
	detectReq  screen.RequestID
	inputs     []importers.Input
	detections []importers.Detection
	detectErr  error
	current    int // the detection whose first rows show
	orgs       []model.Organization

	forms screen.FormHost[formKind]
	opts  optionValues
	tmpl  templateValues

	run    runState
	busy   busy.Model
	notice string // "cancelled: nothing was written", until the next step
	// unmarked are the marked paths the last detection found no roster in, unmarked since.
	unmarked []string
	report   app.ImportReport
	runErr   error // why the last run stopped (invalid rows, too many deletions, …)
	changes  changeList
	errList  scroller

	hist history

	width, height int
}

// New builds the import screen of the signed-in admin, the picker in the current directory.
func New(sess *screen.Session) *Model {
	m := &Model{sess: sess, keys: newKeyMap(sess.Cat, sess.Keys), busy: busy.New(sess.Styles.Primary), start: "."}
	m.path = textinput.New()
	m.path.Prompt = sess.Cat.ImportScreen.PathLabel
	m.path.Placeholder = sess.Cat.ImportScreen.PathPlaceholder
	return m
}

// Init reads the current directory.
func (m *Model) Init() tea.Cmd { return m.picker.open(m.sess, m.start) }

// SetSize records the body area and fits the path field and the form.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.path.SetWidth(max(w-len(m.sess.Cat.ImportScreen.PathLabel)-2, 10))
	m.forms.Size(w, m.formHeight())
}

// formKind says which form the screen shows.
type formKind uint8

const (
	formOptions  formKind = iota // the import's options, before the dry run
	formTemplate                 // the empty template to write
)

// formHeight is the body left to a form under the screen's title and summary lines.
func (m *Model) formHeight() int { return max(m.height-8, 5) }

// CapturesInput is true while the path field or a text field of the options form has focus.
func (m *Model) CapturesInput() bool {
	switch {
	case m.tab != tabImport:
		return false
	case m.step == stepPath:
		return true
	case m.step == stepOptions, m.step == stepTemplate:
		return m.forms.Captures()
	}
	return false
}

// HandlesBack: esc steps back within the screen, cancels a run or dismisses a question; it
// closes the screen only from the picker and the history list.
func (m *Model) HandlesBack() bool {
	if m.tab == tabHistory {
		return m.hist.step != histList
	}
	return m.step != stepPick
}
