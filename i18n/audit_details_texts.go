package i18n

import "rollcall/model"

// AuditDetailTexts say the audit log's details (see AuditDetail).
type AuditDetailTexts struct {
	// System is who made a change no admin made (the demo school's own seats).
	System     string
	Import     string // run, source, created, updated, pending deletion
	Server     string // host, port, security
	Mail       string // server, sender, activation address
	UsualPort  string
	NoTLS      string
	None       string
	NoAddress  string // no activation address
	Policy     string // profile, minimum length
	PolicyWith string // the character classes
	Grace      string // "20 days"
	Day        Noun
	Renew      string // product, order, until, seats
	Campaign   string // campaign, recipients
	Send       string // campaign, run, sent, failed, left, how it ended
	Cards      string // cards, pages
	Files      string // files
	Year       string // year, left classes, classes, what became of them, deleted, seats freed, codes voided
	// Archived, Renamed and Kept are what became of the classes at the year's turn.
	Archived, Renamed, Kept string
	SeatsGiven              Noun   // seats, to whom
	SeatsTaken              Noun   // seats, from whom
	Sep                     string // between what was given and what was taken back
	Typed                   string
	File                    string
	Detached                string // the sync
	Sync                    string // the sync
}

var auditDetailsEN = AuditDetailTexts{
	System:     "Rollcall (demo)",
	Import:     "import #%s (source %s): %s",
	Server:     "%s (port %s, %s)",
	Mail:       "mail server %s, sender %s, activation address %s",
	UsualPort:  "the usual one",
	NoTLS:      "without TLS",
	None:       "none",
	NoAddress:  "none",
	Policy:     "%s: at least %s characters",
	PolicyWith: ", with %s",
	Grace:      "grace period before deletion: %s",
	Day:        Noun{One: "day", Many: "days"},
	Renew:      "%s, order %s: until %s, %s more",
	Campaign:   "campaign #%s: %s recipients",
	Send:       "campaign #%s, run %s: %s sent, %s failed, %s left (%s)",
	Cards:      "%s cards on %s pages",
	Files:      ", %s files",
	Year:       "%s: %s left their classes, %s classes %s, %s deleted, %s seats freed, %s codes voided",
	Archived:   "archived", Renamed: "renamed", Kept: "kept",
	SeatsGiven: Noun{One: "%s given: %s", Many: "%s given: %s"},
	SeatsTaken: Noun{One: "%s taken back: %s", Many: "%s taken back: %s"},
	Sep:        "; ",
	Typed:      "typed",
	File:       "from a file",
	Detached:   "taken from the sync %s",
	Sync:       "sync %s",
}

var auditDetailsFR = AuditDetailTexts{
	System:     "Rollcall (démo)",
	Import:     "import n° %s (source %s) : %s",
	Server:     "%s (port %s, %s)",
	Mail:       "serveur d'envoi %s, expéditeur %s, adresse d'activation %s",
	UsualPort:  "habituel",
	NoTLS:      "sans TLS",
	None:       "aucun",
	NoAddress:  "aucune",
	Policy:     "%s : au moins %s caractères",
	PolicyWith: ", avec %s",
	Grace:      "délai avant suppression : %s",
	Day:        Noun{One: "jour", Many: "jours"},
	Renew:      "%s, commande %s : jusqu'au %s, %s de plus",
	Campaign:   "campagne n° %s : %s destinataires",
	Send:       "campagne n° %s, envoi %s : %s envoyés, %s en échec, %s restants (%s)",
	Cards:      "%s cartes sur %s pages",
	Files:      ", %s fichiers",
	Year:       "%s : %s sortis de leurs classes, %s classes %s, %s supprimés, %s licences libérées, %s codes annulés",
	Archived:   "archivées", Renamed: "renommées", Kept: "gardées",
	SeatsGiven: Noun{One: "%s attribuée : %s", Many: "%s attribuées : %s"},
	SeatsTaken: Noun{One: "%s reprise : %s", Many: "%s reprises : %s"},
	Sep:        " ; ",
	Typed:      "saisies",
	File:       "depuis un fichier",
	Detached:   "retirées de la synchronisation %s",
	Sync:       "synchronisation %s",
}

func (c *Catalog) auditDetailTexts() AuditDetailTexts {
	if c.Lang == model.French {
		return auditDetailsFR
	}
	return auditDetailsEN
}

// AuditAuthor is who made an audited change: the admin's email, or Rollcall itself for what no
// admin made (the demo school's own history).
func (c *Catalog) AuditAuthor(email string) string {
	if email == "" {
		return c.auditDetailTexts().System
	}
	return email
}
