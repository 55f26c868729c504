package i18n

import (
	"fmt"
	"strings"

	"rollcall/model"
)

// Each face names its own controls: the CLI's messages name its commands and flags, the
// console's name its keys and fields. The catalogue of the console (ForConsole) says the
// messages below in the console's words; every other message is the same in both faces.

// ForConsole is the catalogue of the console (local or over SSH) in lang.
func ForConsole(lang model.Language) *Catalog {
	c := For(lang)
	c.console = true
	return c
}

// ConsoleTexts are the console's own wording of messages that, in the CLI, name a flag or a
// command.
type ConsoleTexts struct {
	NoActivationURL, NoSMTP, SchoolsDiffer string
	Paused                                 string // campaign, why
	NoOrganization                         string
	ExportNoEmail                          string // the login, the form's field
	ExportCharset                          string // login, column, character, charset, the UTF-8 choice
	DirNotConfigured                       string // the service
	CodeTaken                              string // the class code, the form's field
	NotSignedIn                            string
	NoSuchClass, NoSuchGroup               string // the option, its "create" choice
	UnknownOrg, UnknownProfile             string
	UnknownVendor                          string // the key
	NotARenewal, NotAClaim                 string
	SavedNone                              string // how to save a filter
	ExportOption                           string // the form's field, the value, the known ones
}

var consoleEN = ConsoleTexts{
	NoActivationURL:  "No activation address is configured: set it in the options (e), under Activation address.",
	NoSMTP:           "No SMTP server is configured: set one with p on the emails panel.",
	SchoolsDiffer:    "The selection covers schools whose mail settings (SMTP server or templates) differ: narrow it to one school (the School filter of the Users screen, or a saved filter with f).",
	Paused:           "Campaign %d paused: the SMTP server failed (%s). Fix it (p), then resume the campaign (r).",
	NoOrganization:   "Say which organization receives these users: choose it in the import's options (Organization), or add a school on the Admins screen (Schools, n).",
	ExportNoEmail:    "%s has no email, which Google requires: fill in \"%s\" in the export's options, such as {login}@your-school's-domain. Nothing was written.",
	ExportCharset:    "%s, column %s: the character %s cannot be written in %s; choose %s in the export's options. Nothing was written.",
	DirNotConfigured: "%s is not set up: its credentials go in the environment Rollcall runs in (see the README's Subscriptions and seats).",
	CodeTaken:        "The class code %q is taken in this school: choose another %s. Nothing was changed.",
	NotSignedIn:      "You are not signed in: sign in again.",
	NoSuchClass:      "is not a class of this school (the option \"%s\" can create it)",
	NoSuchGroup:      "is not a group of this school (the option \"%s\" can create it)",
	UnknownOrg:       "no organization for this row: choose one in the import's options (Organization)",
	UnknownProfile:   "cannot tell the profile: name the file after it (eleves, enseignants, parents, personnels) or add a profile column",
	UnknownVendor:    "This claim code is signed by a vendor Rollcall does not know (key %s). Ask the vendor for its public key file and accept it with v on the Subscriptions screen.",
	NotARenewal:      "This is a claim code, not a renewal code: claim it with c on the Subscriptions screen.",
	NotAClaim:        "This is a renewal code: renew its subscription with n on the Subscriptions screen.",
	SavedNone:        "Save one with S on the Users screen.",
	ExportOption:     "%s: %s is not known. Known: %s.",
}

var consoleFR = ConsoleTexts{
	NoActivationURL:  "Aucune adresse d’activation n’est configurée : définissez-la dans les options (e), Adresse d’activation.",
	NoSMTP:           "Aucun serveur SMTP n’est configuré : définissez-le avec p dans le volet des e-mails.",
	SchoolsDiffer:    "La sélection couvre des établissements dont les paramètres d’envoi (serveur SMTP ou modèles) diffèrent : limitez-la à un établissement (le filtre Établissement de l’écran Utilisateurs, ou un filtre enregistré avec f).",
	Paused:           "Campagne %d en pause : le serveur SMTP a échoué (%s). Corrigez-le (p), puis reprenez la campagne (r).",
	NoOrganization:   "Indiquez l’établissement qui reçoit ces utilisateurs : choisissez-le dans les options de l’import (Établissement), ou ajoutez un établissement dans l’écran Administrateurs (Établissements, n).",
	ExportNoEmail:    "%s n'a pas d'adresse, que Google exige : remplissez « %s » dans les options de l’export, comme {login}@domaine-de-l-établissement. Rien n'a été écrit.",
	ExportCharset:    "%s, colonne %s : le caractère %s ne s'écrit pas en %s ; choisissez %s dans les options de l’export. Rien n'a été écrit.",
	DirNotConfigured: "%s n’est pas configuré : ses identifiants se donnent dans l’environnement où Rollcall tourne (voir le README, Subscriptions and seats).",
	CodeTaken:        "Le code de classe %q est déjà pris dans cet établissement : choisissez un autre %s. Rien n'a été modifié.",
	NotSignedIn:      "Vous n’êtes pas connecté : reconnectez-vous.",
	NoSuchClass:      "n'est pas une classe de l'établissement (l'option « %s » peut la créer)",
	NoSuchGroup:      "n'est pas un groupe de l'établissement (l'option « %s » peut le créer)",
	UnknownOrg:       "aucun établissement pour cette ligne : choisissez-le dans les options de l’import (Établissement)",
	UnknownProfile:   "profil impossible à déterminer : nommez le fichier d’après lui (eleves, enseignants, parents, personnels) ou ajoutez une colonne profil",
	UnknownVendor:    "Ce code de réclamation est signé par un fournisseur que Rollcall ne connaît pas (clé %s). Demandez au fournisseur son fichier de clé publique et acceptez-le avec v sur l'écran Abonnements.",
	NotARenewal:      "Ceci est un code d'activation d'abonnement, pas un code de renouvellement : réclamez-le avec c sur l'écran Abonnements.",
	NotAClaim:        "Ceci est un code de renouvellement : renouvelez son abonnement avec n sur l'écran Abonnements.",
	SavedNone:        "Enregistrez-en un avec S dans l'écran Utilisateurs.",
	ExportOption:     "%s : %s est inconnu. Connus : %s.",
}

func (c *Catalog) consoleTexts() ConsoleTexts {
	if c.Lang == model.French {
		return consoleFR
	}
	return consoleEN
}

// consoleMessage says, in the console, a message whose CLI wording names a flag or a command.
func (c *Catalog) consoleMessage(m model.Message) (string, bool) {
	t := c.consoleTexts()
	str := func(i int) string { return arg[string](m, i) }
	switch m.ID {
	case model.MsgNoActivationURL:
		return t.NoActivationURL, true
	case model.MsgNoSMTP:
		return t.NoSMTP, true
	case model.MsgSchoolSettingsDiffer:
		return t.SchoolsDiffer, true
	case model.MsgCampaignPaused:
		return fmt.Sprintf(t.Paused, arg[model.ID](m, 0), c.pauseReason(arg[model.CampaignPause](m, 1))), true
	case model.MsgNoOrganization:
		return t.NoOrganization, true
	case model.MsgExportNoEmail:
		return fmt.Sprintf(t.ExportNoEmail, str(0), c.Platforms.EmailTemplate), true
	case model.MsgExportCharset:
		return fmt.Sprintf(t.ExportCharset, str(0), str(1), fmt.Sprintf(c.quote, string(arg[rune](m, 2))), str(3),
			c.Platforms.CharsetUTF8), true
	case model.MsgDirNotConfigured:
		return fmt.Sprintf(t.DirNotConfigured, str(0)), true
	case model.MsgCodeTaken:
		return fmt.Sprintf(t.CodeTaken, str(1), c.Year.Pattern), true
	case model.MsgNotSignedIn:
		return t.NotSignedIn, true
	case model.MsgExportOption:
		p := c.Platforms
		field := map[string]string{"fields": p.Fields, "charset": p.Charset, "email-template": p.EmailTemplate,
			"org-unit-template": p.OrgUnitTemplate}[str(0)]
		if field == "" {
			return "", false
		}
		return fmt.Sprintf(t.ExportOption, field, fmt.Sprintf(c.quote, str(1)), strings.Join(arg[[]string](m, 2), ", ")), true
	}
	return "", false
}

// consoleRule says, in the console, an import rule whose CLI wording names a flag.
func (c *Catalog) consoleRule(r model.Rule) (string, bool) {
	t := c.consoleTexts()
	switch r {
	case model.RuleNoSuchClass:
		return fmt.Sprintf(t.NoSuchClass, c.ImportSync.Classes), true
	case model.RuleNoSuchGroup:
		return fmt.Sprintf(t.NoSuchGroup, c.ImportSync.Classes), true
	case model.RuleUnknownOrg:
		return t.UnknownOrg, true
	case model.RuleUnknownProfile:
		return t.UnknownProfile, true
	}
	return "", false
}

// SavedFiltersHint says how to save a filter, in the face's own words.
func (c *Catalog) SavedFiltersHint() string {
	if c.console {
		return c.consoleTexts().SavedNone
	}
	return c.Directory.Saved.NoneHint
}
