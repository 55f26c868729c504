package i18n

import (
	"fmt"
	"strings"

	"rollcall/model"
)

// ImportSyncTexts are the words of what the admin chooses for an import (modes, class policy),
// what it created besides users, the status of past runs and the empty templates, in both faces.
type ImportSyncTexts struct {
	// Modes and the class policy, as the console's options form shows them.
	Mode, ModeHint, ModeSync, ModeAdd, ModeUpdate              string
	Classes, ClassesHint, ClassesDefault, ClassesCreate, Known string
	// Skipped counts the new people an update-only import did not create; SkippedKind labels them.
	Skipped     Noun
	SkippedKind string
	// NewClasses, NewGroups and NewOrgs list what an import created: "Classes created: 6A, 6B".
	NewClasses, NewGroups, NewOrgs string
	AndOthers                      Noun // after the first few names: "… and 288 more"
	// NoSuchClass and NoSuchGroup explain a code the school does not have; the known ones follow.
	NoSuchClass, NoSuchGroup string

	// The history: a run's status, and its errors reopened.
	Completed, Failed, SeeErrors, ErrorsOf, NoErrors, Status, ThingImport, NoFailed string
	// WarningsOf heads a completed run's kept warnings (the run's number).
	WarningsOf string

	// Templates: the written file, the key and form of the import screen, the profiles' sheet
	// names (which say the profile), and the columns (app.TemplateLabels converts from them).
	TemplateWritten, KeyTemplate, TemplateTitle, TemplatePath, TemplateProfile, TemplateFormat string
	TemplateStudents, TemplateTeachers, TemplateParents, TemplateStaff                         string
	Template                                                                                   TemplateTexts
}

// TemplateTexts are an import template's columns, as the spreadsheet importer reads them, and
// the mark of a required column; the same fields as app.TemplateLabels.
type TemplateTexts struct {
	LastName, FirstName, ClassCode, Login, Email, Password, Group, Profile string
	Required                                                               string
	Semicolon                                                              bool
}

// TemplateSheet names a profile's template: its sheet, and the file's default name.
func (c *Catalog) TemplateSheet(p model.Profile) string {
	t := c.ImportSync
	switch p {
	case model.Teacher:
		return t.TemplateTeachers
	case model.Parent:
		return t.TemplateParents
	case model.Staff:
		return t.TemplateStaff
	}
	return t.TemplateStudents
}

func importSyncEN() ImportSyncTexts {
	return ImportSyncTexts{
		Mode: "Mode", ModeHint: "What the import may do to the directory.",
		ModeSync:   "Sync: create, update, and mark for deletion whom the files no longer list",
		ModeAdd:    "Add: create the new people, touch nobody else",
		ModeUpdate: "Update: update the people already here, create nobody",
		Classes:    "Unknown class and group codes", ClassesHint: "Spreadsheet templates refuse them by default.",
		ClassesDefault: "As the format decides (refused from spreadsheets)", ClassesCreate: "Create them",
		Known:   "Refuse them: use the school's classes and groups only",
		Skipped: Noun{"skipped", "skipped"}, SkippedKind: "skipped",
		NewClasses: "Classes created: %s", NewGroups: "Groups created: %s", NewOrgs: "Organizations created: %s",
		AndOthers:   Noun{One: "… and %s more", Many: "… and %s more"},
		NoSuchClass: "is not a class of this school (--classes create creates it)",
		NoSuchGroup: "is not a group of this school (--classes create creates it)",

		Completed: "completed", Failed: "failed", SeeErrors: "see errors and warnings", ErrorsOf: "Errors of import #%s",
		NoErrors: "Import #%s has no errors kept.", Status: "Status", ThingImport: "import",
		NoFailed:   "No failed import or import with warnings from the top of the list down.",
		WarningsOf: "Warnings of import #%s (its rows were imported without these links)",

		TemplateWritten: "Template for %s written to %s (* marks a required column).", KeyTemplate: "empty template",
		TemplateTitle: "Write an empty template", TemplatePath: "File to write (.xlsx or .csv)",
		TemplateProfile: "For whom?", TemplateFormat: "Format",
		TemplateStudents: "Students", TemplateTeachers: "Teachers", TemplateParents: "Parents", TemplateStaff: "Staff",
		Template: TemplateTexts{LastName: "Last name", FirstName: "First name", ClassCode: "Class code", Login: "Login",
			Email: "Email", Password: "Password", Group: "Group", Profile: "Profile", Required: "*"},
	}
}

func importSyncFR() ImportSyncTexts {
	return ImportSyncTexts{
		Mode: "Mode", ModeHint: "Ce que l'import peut faire à l'annuaire.",
		ModeSync:   "Synchroniser : créer, mettre à jour, et marquer à supprimer ceux que les fichiers ne listent plus",
		ModeAdd:    "Ajouter : créer les nouveaux, ne toucher à personne d'autre",
		ModeUpdate: "Mettre à jour : mettre à jour ceux qui sont déjà là, ne créer personne",
		Classes:    "Codes de classe et de groupe inconnus", ClassesHint: "Les modèles tableur les refusent par défaut.",
		ClassesDefault: "Selon le format (refusés depuis un tableur)", ClassesCreate: "Les créer",
		Known:   "Les refuser : seulement les classes et groupes de l'établissement",
		Skipped: Noun{"ignoré", "ignorés"}, SkippedKind: "ignoré",
		NewClasses: "Classes créées : %s", NewGroups: "Groupes créés : %s", NewOrgs: "Établissements créés : %s",
		AndOthers:   Noun{One: "… et %s autre", Many: "… et %s autres"},
		NoSuchClass: "n'est pas une classe de l'établissement (--classes create la crée)",
		NoSuchGroup: "n'est pas un groupe de l'établissement (--classes create le crée)",

		Completed: "terminé", Failed: "échoué", SeeErrors: "voir erreurs et avertissements", ErrorsOf: "Erreurs de l'import n° %s",
		NoErrors: "L'import n° %s n'a pas d'erreur enregistrée.", Status: "État", ThingImport: "import",
		NoFailed:   "Aucun import échoué ou avec des avertissements à partir du haut de la liste.",
		WarningsOf: "Avertissements de l'import n° %s (ses lignes ont été importées sans ces liens)",

		TemplateWritten: "Modèle %s écrit dans %s (* marque une colonne obligatoire).", KeyTemplate: "modèle vide",
		TemplateTitle: "Écrire un modèle vide", TemplatePath: "Fichier à écrire (.xlsx ou .csv)",
		TemplateProfile: "Pour qui ?", TemplateFormat: "Format",
		TemplateStudents: "Élèves", TemplateTeachers: "Enseignants", TemplateParents: "Parents", TemplateStaff: "Personnels",
		Template: TemplateTexts{LastName: "Nom", FirstName: "Prénom", ClassCode: "Code classe", Login: "Identifiant",
			Email: "Courriel", Password: "Mot de passe", Group: "Groupe", Profile: "Profil", Required: "*", Semicolon: true},
	}
}

// importSkipped adds ", 2 skipped" to an import's summary when an update-only import left new
// people out.
func (c *Catalog) importSkipped(n int) string {
	if n == 0 {
		return ""
	}
	return ", " + c.Count(n, c.ImportSync.Skipped)
}

// mostNamed is how many created classes, groups or schools a report names before counting.
const mostNamed = 12

// ImportCreatedSets says which organizations, classes and groups an import created, one line
// for each kind it created: "Classes created: 6A, 6B".
func (c *Catalog) ImportCreatedSets(orgs, classes, groups []string) []string {
	var lines []string
	t := c.ImportSync
	for _, l := range []struct {
		format string
		names  []string
	}{{t.NewOrgs, orgs}, {t.NewClasses, classes}, {t.NewGroups, groups}} {
		if len(l.names) == 0 {
			continue
		}
		names := l.names
		if len(names) > mostNamed {
			// A first import makes hundreds of classes: name a few, count the rest (--json lists all).
			names = append(names[:mostNamed:mostNamed], c.Phrase(len(l.names)-mostNamed, c.ImportSync.AndOthers))
		}
		lines = append(lines, fmt.Sprintf(l.format, strings.Join(names, ", ")))
	}
	return lines
}

// ImportRunSummary is a past run's status and report: "completed: 3 created, …" (with
// "[undone]"), or "failed: 2 problems".
func (c *Catalog) ImportRunSummary(r model.ImportRun) string {
	t := c.ImportSync
	if r.Failed {
		if n := len(r.Problems) + r.Failure.Omitted; n > 0 {
			return c.Label(t.Failed, c.Count(n, c.ImportScreen.Problem))
		}
		return t.Failed
	}
	s := c.Label(t.Completed, c.ImportReport(r.Counts))
	if r.Undone() {
		s += " [" + c.Import.Undone + "]"
	}
	return s
}
