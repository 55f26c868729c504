package i18n

import "rollcall/model"

// PickerTexts are what the console's import file picker says beside its list.
type PickerTexts struct {
	// Unmarked names the marked files detection found no roster in (%s: their names), now
	// unmarked so the next import does not carry them.
	Unmarked string
}

var pickerEN = PickerTexts{Unmarked: "Unmarked, no roster Rollcall reads: %s."}

var pickerFR = PickerTexts{Unmarked: "Retiré du choix, aucun annuaire que Rollcall sait lire : %s."}

// Picker is the import file picker's words in the catalogue's language.
func (c *Catalog) Picker() PickerTexts {
	if c.Lang == model.French {
		return pickerFR
	}
	return pickerEN
}
