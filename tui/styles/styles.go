// Package styles holds the colours and text styles of one TUI session. Colours are named by
// role (Primary, Muted, Error), never by hue, and are built per session because each SSH client
// may have a light or a dark terminal.
package styles

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// Styles are the rendered looks of one session. Screens use these for anything coloured and
// lipgloss.NewStyle() only for layout.
type Styles struct {
	// Dark tells whether the palette was picked for a dark terminal background.
	Dark bool

	Primary  lipgloss.Style // the brand colour: titles, the selected item
	Muted    lipgloss.Style // secondary text: descriptions, hints
	Error    lipgloss.Style // error messages
	Success  lipgloss.Style // completed actions
	Title    lipgloss.Style // a screen's title
	Selected lipgloss.Style // the item under the cursor in a menu
	Code     lipgloss.Style // a secret or a code the admin must copy
	Key      lipgloss.Style // a key name shown next to a menu item
	Header   lipgloss.Style // the top line of the console
	Brand    lipgloss.Style // "Rollcall" in the header
	Help     help.Styles    // the footer help line

	form *huh.Styles
}

// palette is the colours of one background, by role.
type palette struct {
	primary, muted, err, success, subtle, onPrimary color.Color
}

func paletteFor(dark bool) palette {
	ld := lipgloss.LightDark(dark)
	return palette{
		primary:   ld(lipgloss.Color("#4B3FB5"), lipgloss.Color("#A99CFF")),
		muted:     ld(lipgloss.Color("#6A6A6A"), lipgloss.Color("#9A9A9A")),
		err:       ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF7A70")),
		success:   ld(lipgloss.Color("#1B6E2E"), lipgloss.Color("#6FD58A")),
		subtle:    ld(lipgloss.Color("#D6D6D6"), lipgloss.Color("#3A3A3A")),
		onPrimary: ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#14112B")),
	}
}

// New builds the styles for a terminal with a dark (true) or light background.
func New(dark bool) *Styles {
	p := paletteFor(dark)
	s := &Styles{
		Dark:     dark,
		Primary:  lipgloss.NewStyle().Foreground(p.primary),
		Muted:    lipgloss.NewStyle().Foreground(p.muted),
		Error:    lipgloss.NewStyle().Foreground(p.err),
		Success:  lipgloss.NewStyle().Foreground(p.success),
		Title:    lipgloss.NewStyle().Foreground(p.primary).Bold(true),
		Selected: lipgloss.NewStyle().Foreground(p.primary).Bold(true),
		Code:     lipgloss.NewStyle().Foreground(p.onPrimary).Background(p.primary).Bold(true).Padding(0, 1),
		Key:      lipgloss.NewStyle().Foreground(p.muted).Bold(true),
		Header:   lipgloss.NewStyle().Foreground(p.muted),
		Brand:    lipgloss.NewStyle().Foreground(p.onPrimary).Background(p.primary).Bold(true).Padding(0, 1),
		Help:     help.DefaultStyles(dark),
	}
	s.form = formStyles(p, dark)
	return s
}

// Form is the Huh styles matching these styles, for a theme.
func (s *Styles) Form() *huh.Styles { return s.form }

func formStyles(p palette, dark bool) *huh.Styles {
	t := huh.ThemeBase(dark)
	f := &t.Focused
	f.Base = f.Base.BorderForeground(p.primary)
	f.Title = f.Title.Foreground(p.primary).Bold(true)
	f.Description = f.Description.Foreground(p.muted)
	f.ErrorIndicator = f.ErrorIndicator.Foreground(p.err)
	f.ErrorMessage = f.ErrorMessage.Foreground(p.err)
	f.SelectSelector = f.SelectSelector.Foreground(p.primary)
	f.NextIndicator = f.NextIndicator.Foreground(p.primary)
	f.PrevIndicator = f.PrevIndicator.Foreground(p.primary)
	f.SelectedOption = f.SelectedOption.Foreground(p.primary)
	f.FocusedButton = f.FocusedButton.Foreground(p.onPrimary).Background(p.primary)
	f.BlurredButton = f.BlurredButton.Foreground(p.muted).Background(p.subtle)
	f.TextInput.Prompt = f.TextInput.Prompt.Foreground(p.primary)
	f.TextInput.Placeholder = f.TextInput.Placeholder.Foreground(p.muted)
	f.TextInput.Cursor = f.TextInput.Cursor.Foreground(p.primary)
	t.Blurred = t.Focused
	t.Blurred.Base = t.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.Card = t.Blurred.Base
	t.Blurred.Title = t.Blurred.Title.Foreground(p.muted).Bold(false)
	t.Blurred.NextIndicator = lipgloss.NewStyle()
	t.Blurred.PrevIndicator = lipgloss.NewStyle()
	t.Group.Title = t.Focused.Title
	t.Group.Description = t.Focused.Description
	t.Help = help.DefaultStyles(dark)
	return t
}
