package claim

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
)

// methodDemo picks one of the demo school's codes or serials instead of typing it: what
// `rollcall demo` prints, offered where a newcomer claims in the console.
const methodDemo = "demo"

// Demo choices are "code:N" and "serial:N", indexes into the demo's lists.
const (
	demoCodePrefix   = "code:"
	demoSerialPrefix = "serial:"
)

// demoMsg carries the demo school's codes and serials (none when the database has no demo).
type demoMsg struct {
	claims app.DemoClaims
	err    error
}

func loadDemoCmd(ctx context.Context, a *app.App) tea.Cmd {
	return func() tea.Msg {
		c, err := a.DemoClaims(ctx)
		return demoMsg{claims: c, err: err}
	}
}

// demoLoaded keeps the demo's codes; the method form, still on its first question, offers them
// at once.
func (m *Model) demoLoaded(msg demoMsg) tea.Cmd {
	if msg.err != nil || len(msg.claims.Codes)+len(msg.claims.Serials) == 0 {
		return nil
	}
	m.demo = msg.claims
	if m.step != stepMethod || m.form == nil || m.form.GetFocusedField().GetKey() != "method" {
		return nil // being typed: the demo shows on the next visit of this step
	}
	return m.goTo(stepMethod)
}

// hasDemo reports whether the demo's codes are there to offer.
func (m *Model) hasDemo() bool { return len(m.demo.Codes)+len(m.demo.Serials) > 0 }

// demoOptions are the demo's codes, then its serials, as the list shows them.
func (m *Model) demoOptions() []huh.Option[string] {
	cat := m.sess.Cat
	t := cat.ClaimDemo()
	var opts []huh.Option[string]
	for i, c := range m.demo.Codes {
		start, _, _ := strings.Cut(c.Code, "-")
		label := fmt.Sprintf(t.Code, c.Product, cat.Count(c.Seats, cat.Licensing.Seat), start+"-…")
		opts = append(opts, huh.NewOption(label, demoCodePrefix+strconv.Itoa(i)))
	}
	for i, s := range m.demo.Serials {
		label := fmt.Sprintf(t.Serial, s.Model, s.Serial, cat.Count(s.SeatsPerDisplay, cat.Licensing.Seat))
		opts = append(opts, huh.NewOption(label, demoSerialPrefix+strconv.Itoa(i)))
	}
	return opts
}

// useDemo turns the demo code or serial chosen into what typing it would have given: the claim
// goes on from there, and going back shows it typed in.
func (m *Model) useDemo() {
	v := m.v
	if s, ok := strings.CutPrefix(v.demo, demoCodePrefix); ok {
		if i, err := strconv.Atoi(s); err == nil && i < len(m.demo.Codes) {
			v.method, v.code = methodCode, m.demo.Codes[i].Code
		}
		return
	}
	if s, ok := strings.CutPrefix(v.demo, demoSerialPrefix); ok {
		if i, err := strconv.Atoi(s); err == nil && i < len(m.demo.Serials) {
			v.method, v.displays, v.serial = methodDisplays, "1", m.demo.Serials[i].Serial
		}
	}
}

// demoGroup is the method form's list of the demo's codes and serials.
func (m *Model) demoGroup() *huh.Group {
	t := m.sess.Cat.ClaimDemo()
	v := m.v
	opts := m.demoOptions()
	if v.demo == "" && len(opts) > 0 {
		v.demo = opts[0].Value
	}
	return huh.NewGroup(huh.NewSelect[string]().Key("demo").Title(t.Pick).Description(t.Hint).
		Options(opts...).Value(&v.demo)).
		WithHideFunc(func() bool { return v.method != methodDemo })
}
