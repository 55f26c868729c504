package i18n

// helpFRDirectory: schools, classes and groups, saved filters, imports.
func helpFRDirectory(b *helpBook) {
	b.add("orgs", CommandHelp{Short: "Lister et ajouter les établissements que vous administrez"})
	b.add("orgs list", CommandHelp{Short: "Lister vos établissements"}, flagTexts{"json": "afficher en JSON"})
	b.add("orgs create", CommandHelp{
		Use:   "--name NOM [--city VILLE] [--country PAYS]",
		Short: "Ajouter un établissement que vous administrerez",
	}, flagTexts{
		"city":    "ville",
		"code":    "code officiel de l'établissement : en France, un UAI (7 chiffres et leur lettre de contrôle), unique",
		"country": "code du pays en deux lettres",
		"dry-run": "vérifier sans créer",
		"json":    "afficher l'établissement en JSON",
		"name":    "nom (obligatoire)",
	})
	b.add("orgs edit", CommandHelp{
		Use:   "ÉTABLISSEMENT [--name NOM] [--city VILLE] [--country PAYS] [--code UAI]",
		Short: "Changer le nom, la ville, le pays ou le code officiel (UAI) d'un établissement",
		Long: `Modifie l'un de vos établissements, désigné par son id ou son UAI. Seules les options données
changent ; --code "" efface le code officiel. Un UAI est vérifié (sa lettre de contrôle) et doit être unique.`,
	}, flagTexts{
		"city":    "nouvelle ville",
		"code":    "nouveau code officiel : en France, un UAI (7 chiffres et leur lettre de contrôle)",
		"country": "nouveau code du pays en deux lettres",
		"dry-run": "vérifier sans rien changer",
		"json":    "afficher l'établissement en JSON",
		"name":    "nouveau nom",
	})
	helpFRSets(b, "classes", setWords{
		short:  "Créer, renommer et supprimer des classes ; gérer leurs membres",
		create: "En créer une (son code est unique dans son établissement)",
		delete: "En supprimer une (si elle a des membres : --force ; ils la quittent, simplement)",
		force:  "supprimer même si elle a des membres",
		rename: "En renommer une",
	})
	helpFRSets(b, "groups", setWords{
		short:  "Créer, renommer et supprimer des groupes ; gérer leurs membres",
		create: "En créer un (son code est unique dans son établissement)",
		delete: "En supprimer un (s'il a des membres : --force ; ils le quittent, simplement)",
		force:  "supprimer même s'il a des membres",
		rename: "En renommer un",
	})
	b.flags["classes create --level"] = "niveau, par exemple 6e ou CM2"
	b.flags["classes rename --level"] = "le nouveau niveau"
	helpFRFilters(b)
	helpFRImport(b)
}

// setWords are the texts of classes or groups that agree with the noun's gender.
type setWords struct{ short, create, delete, force, rename string }

// helpFRSets: classes and groups share their commands.
func helpFRSets(b *helpBook, set string, w setWords) {
	b.add(set, CommandHelp{Short: w.short})
	b.add(set+" list", CommandHelp{Short: "Les lister, triés à la française, avec le nombre de leurs membres"}, flagTexts{"json": "afficher en JSON"})
	b.add(set+" create", CommandHelp{
		Use:   "--code CODE [--name NOM]",
		Short: w.create,
	}, flagTexts{
		"code":    `code, par exemple "6e A" (obligatoire)`,
		"dry-run": "vérifier sans créer",
		"json":    "afficher en JSON",
		"name":    "nom (par défaut : le code)",
		"org":     "id ou UAI de l'établissement (nécessaire quand vous en administrez plusieurs)",
	})
	b.add(set+" rename", CommandHelp{
		Use:   "CODE --name NOM",
		Short: w.rename,
	}, flagTexts{
		"dry-run": "vérifier sans renommer",
		"json":    "afficher en JSON",
		"name":    "le nouveau nom",
	})
	b.add(set+" delete", CommandHelp{
		Use:   "CODE",
		Short: w.delete,
	}, flagTexts{
		"dry-run": "vérifier sans supprimer",
		"force":   w.force,
	})
	b.add(set+" add-members", CommandHelp{
		Use:   "CODE IDENTIFIANT|ID...",
		Short: "Ajouter des utilisateurs",
	}, flagTexts{"dry-run": "vérifier sans rien changer"})
	b.add(set+" remove-members", CommandHelp{
		Use:   "CODE IDENTIFIANT|ID...",
		Short: "Retirer des utilisateurs",
	}, flagTexts{"dry-run": "vérifier sans rien changer"})
}

func helpFRFilters(b *helpBook) {
	b.add("filters", CommandHelp{Short: "Enregistrer une sélection d'utilisateurs sous un nom, pour la reprendre avec --filter"})
	b.add("filters list", CommandHelp{
		Short: "Vos filtres enregistrés, avec le nombre d'utilisateurs que chacun sélectionne aujourd'hui",
	}, flagTexts{"json": "afficher en JSON"})
	b.add("filters save", CommandHelp{
		Use:   "NOM [filtres]",
		Short: "Enregistrer sous NOM la sélection que décrivent les filtres (un filtre de ce nom : demande, ou --replace)",
	}, selectionFR(), flagTexts{
		"dry-run": "vérifier le nom et les filtres sans enregistrer",
		"json":    "afficher le filtre enregistré en JSON",
		"replace": "remplacer un filtre de ce nom sans demander",
	})
	b.add("filters delete", CommandHelp{
		Use:   "NOM",
		Short: "Supprimer l'un de vos filtres enregistrés (les utilisateurs restent tels quels)",
	}, flagTexts{"dry-run": "vérifier que le filtre existe, sans le supprimer"})
}

func helpFRImport(b *helpBook) {
	b.add("import", CommandHelp{
		Use:   "FICHIER|DOSSIER|ZIP...",
		Short: "Importer et synchroniser les annuaires (ENT, BE1D, tableurs, OneRoster, SDS), tout ou rien",
	}, flagTexts{
		"classes":       "codes de classes et de groupes inconnus : create (les créer) ou existing (les refuser ; le défaut des modèles de tableur)",
		"dry-run":       "montrer toutes les différences sans rien écrire",
		"force":         "écraser les champs saisis à la main et ceux des administrateurs locaux",
		"format":        "imposer le format : %s",
		"json":          "afficher le compte rendu en JSON",
		"max-deletions": "nombre maximal d'utilisateurs qu'un import peut mettre en attente de suppression : un nombre ou un pourcentage (par défaut 10 %)",
		"mode":          "sync (créer, mettre à jour, mettre en attente de suppression les absents), add (ne créer que les nouveaux) ou update (ne mettre à jour que les connus)",
		"org":           "id ou UAI de l'établissement des fichiers d'un seul établissement (par défaut : votre seul établissement)",
		"source":        "nom de la source (par défaut : la famille du format : %s)",
		"strict":        "refuser les références que les fichiers ne définissent pas (établissement parent, classe, agent, cours) au lieu d'avertir",
		"verbose":       "lister chaque changement (toujours avec --dry-run)",
	})
	b.add("import errors", CommandHelp{
		Use:   "NUMÉRO",
		Short: "Montrer à nouveau pourquoi un import passé a échoué, ou de quoi un import réussi a averti, chaque fois avec son fichier, sa ligne et sa colonne",
	})
	b.add("import history", CommandHelp{
		Short: "Lister les imports passés, du plus récent au plus ancien, échecs compris, avec leurs fichiers et comptes rendus",
	}, flagTexts{"json": "afficher en JSON"})
	b.add("import template", CommandHelp{
		Use:   "students|teachers|parents|staff [--format xlsx|csv] [-o FICHIER]",
		Short: "Écrire un modèle de tableur vide à remplir et importer, colonnes obligatoires marquées d'un *, dans votre langue",
	}, flagTexts{
		"format": "xlsx ou csv",
		"output": "fichier à écrire (par défaut : le nom du profil, comme Enseignants.xlsx)",
	})
	b.add("import undo", CommandHelp{
		Use:   "[--yes]",
		Short: "Annuler exactement le dernier import, si rien n'a changé ses utilisateurs depuis (demande d'abord)",
	}, flagTexts{
		"dry-run": "vérifier que l'annulation est possible, sans la faire",
		"yes":     "ne pas demander de confirmation (nécessaire sans terminal)",
	})
}
