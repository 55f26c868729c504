// Package claim is the wizard that claims a subscription: a claim code (or the claim link of
// the order email) or a number of displays and one serial, checked before going on; then an
// optional vendor and location; then the organization, an existing one or a new one; then a
// review of every detail, from which any step can be edited again before submitting.
package claim

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/busy"
	"rollcall/tui/screen"
)

// step is where the wizard is; it is the screen's focus.
type step int

const (
	stepMethod   step = iota // the code, or the displays and serial
	stepChecking             // CheckClaim runs
	stepVendor               // vendor and location
	stepOrg                  // the organization
	stepReview               // every detail, and what next
	stepClaiming             // Claim runs
	stepDone                 // claimed
)

// Methods and review choices, as the forms' values.
const (
	methodCode     = "code"
	methodDisplays = "displays"

	choiceSubmit = "submit"
	choiceCode   = "code"
	choiceVendor = "vendor"
	choiceOrg    = "org"
	choiceCancel = "cancel"
)

// values are what the forms edit; they outlive each form, so going back keeps them.
type values struct {
	method                       string
	demo                         string // the demo code or serial chosen, with methodDemo
	code, displays, serial       string
	vendor, location             string
	org                          model.ID // 0: a new organization
	newName, newCity, newCountry string
	choice                       string
}

// Model is the claim wizard.
type Model struct {
	sess *screen.Session
	step step
	form *huh.Form
	v    *values

	orgs    []model.Organization
	demo    app.DemoClaims // the demo school's codes and serials, when the database holds it
	preview app.ClaimPreview
	claimed app.Claimed
	today   model.Date // the app's today when the code was checked
	err     error
	req     screen.RequestID
	busy    busy.Model
	seats   key.Binding

	width, height int
}

// orgsMsg carries the admin's organizations.
type orgsMsg struct {
	id   screen.RequestID
	orgs []model.Organization
	err  error
}

// checkedMsg is the result of CheckClaim.
type checkedMsg struct {
	id      screen.RequestID
	preview app.ClaimPreview
	today   model.Date
	err     error
}

// claimedMsg is the result of Claim.
type claimedMsg struct {
	id      screen.RequestID
	claimed app.Claimed
	admin   model.Admin
	err     error
}

// New builds the wizard at its first step.
func New(sess *screen.Session) *Model {
	m := &Model{sess: sess, v: &values{method: methodCode, choice: choiceSubmit}, busy: busy.New(sess.Styles.Primary),
		seats: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", sess.Cat.Licensing.Keys.Open))}
	m.form = m.methodForm()
	return m
}

// Init starts the first form and loads the organizations.
func (m *Model) Init() tea.Cmd {
	m.req = m.sess.NewRequest()
	ctx, as, id := m.sess.Ctx, m.sess.Acting, m.req
	return tea.Batch(m.form.Init(), func() tea.Msg {
		orgs, err := as.ListOrgs(ctx)
		return orgsMsg{id: id, orgs: orgs, err: err}
	}, loadDemoCmd(ctx, m.sess.App))
}

// SetSize fits the form under the header.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	screen.SizeForm(m.form, w, h-m.headerHeight())
}

// CapturesInput is true while a text field has focus.
func (m *Model) CapturesInput() bool {
	return m.form != nil && m.isFormStep() && screen.FormCaptures(m.form)
}

// HandlesBack is true after the first step: esc goes back one step instead of leaving.
func (m *Model) HandlesBack() bool { return m.step != stepMethod && m.step != stepDone }

func (m *Model) isFormStep() bool {
	switch m.step {
	case stepMethod, stepVendor, stepOrg, stepReview:
		return true
	}
	return false
}

// input is what the forms say, as the app takes it.
func (m *Model) input(withOrg bool) app.ClaimInput {
	v := m.v
	var in app.ClaimInput
	if v.method == methodCode {
		in.Code = v.code
	} else {
		in.Displays, _ = parseCount(v.displays)
		in.Serial = v.serial
	}
	in.Vendor, in.VendorLocation = v.vendor, v.location
	if withOrg {
		if v.org == 0 {
			in.NewOrg = &model.Organization{Name: v.newName, City: v.newCity, Country: v.newCountry}
		} else {
			in.OrgID = v.org
		}
	}
	return in
}

func checkCmd(ctx context.Context, as *app.Session, in app.ClaimInput, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		p, err := as.CheckClaim(ctx, in)
		return checkedMsg{id: id, preview: p, today: model.DateOf(as.Now()), err: err}
	}
}

func claimCmd(ctx context.Context, as *app.Session, in app.ClaimInput, id screen.RequestID) tea.Cmd {
	return func() tea.Msg {
		admin, err := as.Admin(ctx)
		if err != nil {
			return claimedMsg{id: id, err: err}
		}
		c, err := as.Claim(ctx, in, false)
		if err == nil { // a new organization was added to the admin's
			if fresh, ferr := as.Admin(context.WithoutCancel(ctx)); ferr == nil {
				admin = fresh
			}
		}
		return claimedMsg{id: id, claimed: c, admin: admin, err: err}
	}
}

// ShortHelp shows the focused field's keys, or what the done step offers.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.step == stepDone:
		return []key.Binding{m.seats}
	case m.isFormStep():
		h := screen.FormHelp(m.form)
		if m.HandlesBack() { // esc goes one step back; the root does not show it then
			h = append(h, m.sess.Keys.Back)
		}
		return h
	}
	return nil
}

// FullHelp shows the same keys.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
