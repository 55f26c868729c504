package i18n

import "rollcall/model"

// ClaimDemoTexts offer the demo school's claim codes and display serials in the console's claim
// wizard, so a newcomer can try a claim without the CLI printing them.
type ClaimDemoTexts struct {
	Method string // the wizard's third choice, when the database holds the demo
	Pick   string // the list's title
	Hint   string // under the title
	// Code is one claim code: product, seats ("90 seats"), the code's start.
	Code string
	// Serial is one display serial: the display model, the serial, seats per display.
	Serial string
	// Loaded ends the summary of a demo loaded from the console: where to try them.
	Loaded string
}

var claimDemoEN = ClaimDemoTexts{
	Method: "A demo code or serial (the demo school's, to try a claim)",
	Pick:   "Which one?",
	Hint:   "Each can be claimed once. The claim then goes on as with a code or serial typed.",
	Code:   "%s · %s · claim code %s",
	Serial: "Display %s · serial %s · %s per display",
	Loaded: "To try a claim: Subscriptions, c, then \"A demo code or serial\".",
}

var claimDemoFR = ClaimDemoTexts{
	Method: "Un code ou numéro de série de démonstration (de l'établissement de démo, pour essayer)",
	Pick:   "Lequel ?",
	Hint:   "Chacun se réclame une fois. La réclamation continue ensuite comme avec un code ou un numéro saisi.",
	Code:   "%s · %s · code %s",
	Serial: "Écran %s · numéro %s · %s par écran",
	Loaded: "Pour essayer une réclamation : Abonnements, c, puis « Un code ou numéro de série de démonstration ».",
}

// ClaimDemo is the claim wizard's words for the demo codes, in the catalogue's language.
func (c *Catalog) ClaimDemo() ClaimDemoTexts {
	if c.Lang == model.French {
		return claimDemoFR
	}
	return claimDemoEN
}
