package keys

import (
	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"

	"rollcall/i18n"
)

// Form returns Huh's key map with help texts from the catalogue. Build one per form: Huh
// enables and disables bindings of the map it is given, so two forms must not share one.
//
// Filtering in selects is off: our selects are short, and esc must stay "back".
func Form(cat *i18n.Catalog) *huh.KeyMap {
	k := cat.Keys
	m := huh.NewDefaultKeyMap()
	// ctrl+c is the shell's; Huh must never see it as "abort the form".
	m.Quit = key.NewBinding(key.WithDisabled())

	m.Input.AcceptSuggestion.SetHelp("ctrl+e", k.Complete)
	m.Input.Prev.SetHelp("shift+tab", k.Prev)
	m.Input.Next.SetHelp("enter", k.Next)
	m.Input.Submit.SetHelp("enter", k.Submit)

	m.Select.Prev.SetHelp("shift+tab", k.Prev)
	m.Select.Next.SetHelp("enter", k.Next)
	m.Select.Submit.SetHelp("enter", k.Submit)
	m.Select.Up.SetHelp("↑", k.Up)
	m.Select.Down.SetHelp("↓", k.Down)
	m.Select.Filter = key.NewBinding(key.WithDisabled())
	m.Select.SetFilter = key.NewBinding(key.WithDisabled())
	m.Select.ClearFilter = key.NewBinding(key.WithDisabled())

	m.Confirm.Prev.SetHelp("shift+tab", k.Prev)
	m.Confirm.Next.SetHelp("enter", k.Next)
	m.Confirm.Submit.SetHelp("enter", k.Submit)
	m.Confirm.Toggle.SetHelp("←/→", k.Toggle)
	m.Confirm.Accept.SetKeys("y", "Y", "o", "O") // o for "oui"
	return m
}
