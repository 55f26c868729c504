package i18n

import "rollcall/model"

// FormCheckTexts say what a console form's field expects when it refuses what was typed, after
// the field's title ("Port: a number from 1 to 65535…"), so a refusal is never a bare mark.
type FormCheckTexts struct {
	URL       string // the activation address
	Rate      string // messages a minute
	Port      string // the SMTP server's port
	Sender    string // the sender's address
	MinLength string // a password policy's minimum length: its bounds (%d, %d)
}

var formChecksEN = FormCheckTexts{
	URL:       "an address starting with https:// (or http://), such as https://accounts.school.example; empty: none",
	Rate:      "a whole number, such as 60; empty or 0: no limit",
	Port:      "a number from 1 to 65535, such as 587; empty: the usual port of the security chosen",
	Sender:    "an email address, such as noreply@school.example or Collège <noreply@school.example>",
	MinLength: "a whole number from %d to %d",
}

var formChecksFR = FormCheckTexts{
	URL:       "une adresse commençant par https:// (ou http://), comme https://comptes.etablissement.fr ; vide : aucune",
	Rate:      "un nombre entier, comme 60 ; vide ou 0 : sans limite",
	Port:      "un nombre de 1 à 65535, comme 587 ; vide : le port habituel de la sécurité choisie",
	Sender:    "une adresse e-mail, comme noreply@etablissement.fr ou Collège <noreply@etablissement.fr>",
	MinLength: "un nombre entier de %d à %d",
}

// FormChecks are the console forms' refusals in the catalogue's language.
func (c *Catalog) FormChecks() FormCheckTexts {
	if c.Lang == model.French {
		return formChecksFR
	}
	return formChecksEN
}
