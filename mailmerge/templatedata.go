package mailmerge

import "rollcall/model"

// TemplateData is what card and email templates see as dot ({{.Login}}). Every field is a
// plain string or bool, already formatted.
type TemplateData struct {
	OrgName  string // the school or organization name
	FullName string // the person's name
	Profile  string // translated profile label ("Élève", "Teacher")
	Class    string // class name; empty when none
	// Children names a parent's children with their classes ("Léa Martin (5e A), Tom Martin");
	// empty for anyone else.
	Children string
	// Licences names the product keys the person holds ("Maths+ K7Q4-…, Atlas"); empty when none.
	Licences string
	Login    string
	// Code is the activation code grouped for reading ("ABCD-EFGH"); empty once activated.
	Code string
	// Activated is true for accounts already activated: templates then explain how to reset
	// a forgotten password instead of how to activate.
	Activated     bool
	ActivationURL string // where to activate (also the QR code on cards)
	ResetURL      string // where to reset a forgotten password
	// ResetCode is a grouped one-time password-reset code, when the caller issued one
	// (emails to activated accounts); empty otherwise and always empty on cards.
	ResetCode string
	Email     string // the recipient's address; empty on cards
	// From is the signature passed to BuildAccountMessage (who sends the email); empty on
	// cards.
	From     string
	Language string // "fr" or "en": the language of the template being run
}

func newTemplateData(c Card, lang model.Language, from string, forEmail bool) TemplateData {
	d := TemplateData{
		OrgName: c.OrgName, FullName: c.FullName, Profile: c.Profile, Class: c.Class, Children: c.Children, Licences: c.Licences,
		Login: c.Login, Activated: c.Activated, ActivationURL: c.ActivationURL,
		ResetURL: c.ResetURL, Language: string(lang),
	}
	if !c.Activated {
		d.Code = model.FormatCode(c.ActivationCode)
	}
	if forEmail {
		d.Email, d.From = c.Email, from
		if c.Activated {
			d.ResetCode = model.FormatCode(c.ResetCode)
		}
	}
	return d
}

// sampleData covers both variants with every optional field set and with none, so loading
// templates runs every branch a real card or email can take.
func sampleData(lang model.Language) []TemplateData {
	full := TemplateData{
		OrgName: "Collège Émile Zola", FullName: "Zoé Løvås-Çelik", Profile: "Élève", Class: "3e B",
		Children: "Léa Løvås (5e A), Tom Løvås (CM2)", Licences: "Maths+ Collège K7Q4-9ZMD-1XHC-TR2B",
		Login: "zoe.lovas", Code: "ABCD-EFGH", ActivationURL: "https://example.org/activate",
		ResetURL: "https://example.org/reset", ResetCode: "JKLM-NPQR", Email: "zoe@example.org",
		From: "Service informatique", Language: string(lang),
	}
	bare := TemplateData{Login: "x", Language: string(lang)}
	out := []TemplateData{full, bare}
	for _, d := range []TemplateData{full, bare} {
		d.Activated, d.Code = true, ""
		out = append(out, d)
	}
	return out
}
