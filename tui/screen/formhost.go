package screen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// FormHost is the one form a screen shows in place of its body, and what the form is for. The
// screens embed one instead of each keeping its own copy of opening, sizing, cancelling and
// finishing a form.
type FormHost[K comparable] struct {
	Form *huh.Form // nil when no form is open
	Kind K
}

// FormEnd is where a message left the open form.
type FormEnd int

const (
	FormOpen      FormEnd = iota // still being filled in
	FormDone                     // completed: the screen reads its values and acts
	FormCancelled                // esc or the form's own abort: the form is closed
)

// Open shows f for kind, sized to the body, and starts it.
func (h *FormHost[K]) Open(kind K, f *huh.Form, width, height int) tea.Cmd {
	h.Form, h.Kind = f, kind
	SizeForm(f, width, height)
	return f.Init()
}

// Close drops the form.
func (h *FormHost[K]) Close() { h.Form = nil }

// Update passes msg to the open form. A key matching cancel, or the form's own abort, closes it.
func (h *FormHost[K]) Update(msg tea.Msg, cancel key.Binding) (tea.Cmd, FormEnd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, cancel) {
		h.Close()
		return nil, FormCancelled
	}
	cmd, state := UpdateForm(h.Form, msg)
	switch state {
	case huh.StateCompleted:
		return cmd, FormDone
	case huh.StateAborted:
		h.Close()
		return cmd, FormCancelled
	}
	return cmd, FormOpen
}

// Size fits the open form into a body of the given size.
func (h *FormHost[K]) Size(width, height int) { SizeForm(h.Form, width, height) }

// Captures is true while the open form's focused field takes printable keys.
func (h *FormHost[K]) Captures() bool { return FormCaptures(h.Form) }

// Help lists the open form's keys, for the footer.
func (h *FormHost[K]) Help() []key.Binding { return FormHelp(h.Form) }
