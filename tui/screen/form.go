package screen

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/tui/keys"
)

// FormWidth caps forms so lines stay readable on wide terminals.
const FormWidth = 72

// NewForm builds a Huh form the way every screen embeds one: the session's theme and
// translated keys, no help of its own (the footer shows it), and never in Huh's accessible
// mode, which would read the terminal directly.
func (s *Session) NewForm(groups ...*huh.Group) *huh.Form {
	// The theme reads the session's styles when the form renders (always from the program's
	// goroutine), so a form built before the terminal told its background still follows it.
	theme := huh.ThemeFunc(func(bool) *huh.Styles { return s.Styles.Form() })
	return huh.NewForm(groups...).
		WithTheme(theme).
		WithKeyMap(keys.Form(s.Cat)).
		WithShowHelp(false).
		WithAccessible(false).
		WithWidth(FormWidth)
}

// SizeForm fits a form into a body area of the given size.
func SizeForm(f *huh.Form, width, height int) {
	if f == nil || width <= 0 {
		return
	}
	f.WithWidth(min(width, FormWidth))
	// A size message makes Huh recompute the groups' heights for the new width.
	f.Update(tea.WindowSizeMsg{Width: width, Height: height})
}

// FormCaptures reports whether the form's focused field is a text input, which takes
// printable keys.
func FormCaptures(f *huh.Form) bool {
	if f == nil || f.State != huh.StateNormal {
		return false
	}
	_, ok := f.GetFocusedField().(*huh.Input)
	return ok
}

// FormHelp lists the focused field's keys, for the footer.
func FormHelp(f *huh.Form) []key.Binding {
	if f == nil || f.State != huh.StateNormal {
		return nil
	}
	return f.KeyBinds()
}

// UpdateForm passes a message to a form and reports whether it just completed or was aborted.
func UpdateForm(f *huh.Form, msg tea.Msg) (tea.Cmd, huh.FormState) {
	if f == nil {
		return nil, huh.StateNormal
	}
	// Huh's Form.Update returns the form itself, so the pointer stays valid.
	_, cmd := f.Update(msg)
	return cmd, f.State
}

// Required is a form field's check that something other than spaces was typed; the message
// names the field ("Backup file is required").
func (s *Session) Required(title string) func(string) error {
	return func(v string) error {
		if strings.TrimSpace(v) == "" {
			return errors.New(title + " " + s.Cat.Rules.Required)
		}
		return nil
	}
}
