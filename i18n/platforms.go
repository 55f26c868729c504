package i18n

import (
	"fmt"
	"strings"

	"rollcall/model"
)

// PlatformTexts are the words of the exports to the platforms schools feed (Google Workspace,
// the ENT's specific export, the textbook platform's templates): their names, the console's
// fields for their options, and their refusals.
type PlatformTexts struct {
	// Formats name the formats in the console's choice, by their --format name.
	Formats map[string]string
	// The console's fields for the options, each with a hint listing what it takes.
	EmailTemplate, EmailTemplateHint, OrgUnitTemplate, OrgUnitTemplateHint string
	Fields, FieldsHint, Charset, CharsetUTF8, CharsetWindows1252           string
	// OptionsTitle heads the second page of the export form.
	OptionsTitle string
	// UnknownOption: the option, the unknown value, the known ones.
	UnknownOption string
	// CellCharset: the user's login, the column, the character, the charset.
	CellCharset string
	// CellTooLong: the user's login, the column, the longest the platform takes.
	CellTooLong string
	// NoEmail: the user's login, for Google, which requires an address, and no template given.
	NoEmail string
}

func platformsEN() PlatformTexts {
	return PlatformTexts{
		Formats: map[string]string{
			"google":      "Google Workspace: bulk user upload (CSV, fresh initial passwords)",
			"ent-export":  "ENT: specific CSV export (fields of your choice)",
			"edulib-xlsx": "Textbook platform: student and teacher templates (XLSX)",
		},
		EmailTemplate:       "Email template (users without an email)",
		EmailTemplateHint:   "Placeholders: {login} {first} {last} {uai}.",
		OrgUnitTemplate:     "Organizational unit",
		OrgUnitTemplateHint: "/ is the top level. Placeholders: {school} {uai} {profile} {class} {level}.",
		Fields:              "Fields, in order",
		FieldsHint:          "Comma-separated, among: %s.",
		Charset:             "Charset",
		CharsetWindows1252:  "Windows-1252 (what the ENT and Excel write)",
		CharsetUTF8:         "UTF-8",
		OptionsTitle:        "Options of the %s export",
		UnknownOption:       "--%s: %s is not known. Known: %s.",
		CellCharset:         "%s, column %s: the character %s cannot be written in %s; choose --charset utf-8. Nothing was written.",
		CellTooLong:         "%s, column %s: longer than the platform takes (%s characters). Nothing was written.",
		NoEmail:             "%s has no email, which Google requires: give an address template for those without one, such as {login}@your-school's-domain (--email-template). Nothing was written.",
	}
}

func platformsFR() PlatformTexts {
	return PlatformTexts{
		Formats: map[string]string{
			"google":      "Google Workspace : import d'utilisateurs (CSV, mots de passe initiaux neufs)",
			"ent-export":  "ENT : export CSV spécifique (champs au choix)",
			"edulib-xlsx": "Plateforme de manuels : modèles élèves et enseignants (XLSX)",
		},
		EmailTemplate:       "Modèle d'adresse (utilisateurs sans adresse)",
		EmailTemplateHint:   "Champs : {login} {first} {last} {uai}.",
		OrgUnitTemplate:     "Unité organisationnelle",
		OrgUnitTemplateHint: "/ est le niveau supérieur. Champs : {school} {uai} {profile} {class} {level}.",
		Fields:              "Champs, dans l'ordre",
		FieldsHint:          "Séparés par des virgules, parmi : %s.",
		Charset:             "Jeu de caractères",
		CharsetWindows1252:  "Windows-1252 (celui de l'ENT et d'Excel)",
		CharsetUTF8:         "UTF-8",
		OptionsTitle:        "Options de l'export %s",
		UnknownOption:       "--%s : %s est inconnu. Connus : %s.",
		CellCharset:         "%s, colonne %s : le caractère %s ne s'écrit pas en %s ; choisissez --charset utf-8. Rien n'a été écrit.",
		CellTooLong:         "%s, colonne %s : plus long que ce que la plateforme accepte (%s caractères). Rien n'a été écrit.",
		NoEmail:             "%s n'a pas d'adresse, que Google exige : donnez un modèle d'adresse pour ceux qui n'en ont pas, comme {login}@domaine-de-l-établissement (--email-template). Rien n'a été écrit.",
	}
}

// platformMessage says the refusals of the platforms' exports.
func (c *Catalog) platformMessage(m model.Message) (string, bool) {
	str := func(i int) string { return arg[string](m, i) }
	switch m.ID {
	case model.MsgExportOption:
		return fmt.Sprintf(c.Platforms.UnknownOption, str(0), fmt.Sprintf(c.quote, str(1)), strings.Join(arg[[]string](m, 2), ", ")), true
	case model.MsgExportCharset:
		return fmt.Sprintf(c.Platforms.CellCharset, str(0), str(1), fmt.Sprintf(c.quote, string(arg[rune](m, 2))), str(3)), true
	case model.MsgExportTooLong:
		return fmt.Sprintf(c.Platforms.CellTooLong, str(0), str(1), c.Int(arg[int](m, 2))), true
	case model.MsgExportNoEmail:
		return fmt.Sprintf(c.Platforms.NoEmail, str(0)), true
	}
	return "", false
}

// UnknownExportOption names the unknown field, placeholder or charset and lists the known ones
// (the CLI prints it as a usage error, exit code 2).
func (c *Catalog) UnknownExportOption(e *model.ExportOptionError) string {
	s, _ := c.Message(e.ErrorMessage()) // the console names its field, the CLI its flag
	return s
}
