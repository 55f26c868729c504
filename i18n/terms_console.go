package i18n

import "rollcall/model"

// TermsDeclineTexts are what the console's first sign-in says to an admin who answered No to
// being an adult or to the terms: why, a way back to the questions, and why they were signed out.
type TermsDeclineTexts struct {
	Title, Why, Back, SignedOut string
}

var termsDeclineEN = TermsDeclineTexts{
	Title: "Rollcall is only for adults who accept its terms of use",
	Why: "You answered No: without a Yes to both questions Rollcall cannot open your schools' data, " +
		"so it signs you out.",
	Back:      "Back to the questions",
	SignedOut: "Signed out: Rollcall is only for adults who accept its terms of use. Sign in again to accept them.",
}

var termsDeclineFR = TermsDeclineTexts{
	Title: "Rollcall est réservé aux adultes qui acceptent ses conditions d'utilisation",
	Why: "Vous avez répondu Non : sans un Oui aux deux questions, Rollcall ne peut pas ouvrir les données " +
		"de vos établissements, il vous déconnecte donc.",
	Back:      "Revenir aux questions",
	SignedOut: "Déconnecté : Rollcall est réservé aux adultes qui acceptent ses conditions d'utilisation. Reconnectez-vous pour les accepter.",
}

// TermsDecline is the console's words for a declined terms step, in the catalogue's language.
func (c *Catalog) TermsDecline() TermsDeclineTexts {
	if c.Lang == model.French {
		return termsDeclineFR
	}
	return termsDeclineEN
}
