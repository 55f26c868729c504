package i18n

// selectionFR are the flags that pick users, the same on every command that takes a selection.
func selectionFR() flagTexts {
	return flagTexts{
		"filter":       "partir de ce filtre enregistré (rollcall filters list) ; les autres options données le modifient",
		"profile":      "student, teacher, parent, staff, guest (à répéter ou séparés par des virgules ; par défaut tous)",
		"class":        "code ou id de classe (répétable) ; les parents sont dans les classes de leurs enfants ; avec plusieurs établissements, --org dit lequel",
		"level":        "niveau de classe, comme 6e (répétable) ; les parents sont dans les niveaux de leurs enfants",
		"group":        "code ou id de groupe (répétable)",
		"org":          "id ou UAI de l'établissement (répétable ; par défaut : tous les vôtres)",
		"function":     "personnels ayant une fonction de cette famille, telle que l'académie ou STS-Web l'écrit : DIR, ENS, EDU, DOC… (répétable)",
		"activated":    "all, yes ou no (tous, activés, non activés)",
		"email":        "all, with ou without (tous, avec ou sans adresse de courriel)",
		"local-admins": "seulement les administrateurs locaux",
		"created-from": "créés ce jour ou après (AAAA-MM-JJ)",
		"created-to":   "créés ce jour ou avant (AAAA-MM-JJ)",
		"pending":      "utilisateurs en attente de suppression : exclude, include ou only (exclus, inclus ou seuls)",
		"suspended":    "comptes suspendus : all, yes (eux seuls) ou no (aucun d'eux)",
		"search":       "mots à chercher dans le nom, l'identifiant ou le courriel",
		"sort":         "name, profile ou class (tri par nom, profil ou classe)",
	}
}

// userFieldsFR are the flags of a user's fields (users add, users edit).
func userFieldsFR() flagTexts {
	return flagTexts{
		"birth-date": "date de naissance, AAAA-MM-JJ",
		"class":      "codes des classes (remplacent la liste)",
		"email":      "adresse de courriel (vide pour la retirer)",
		"first-name": "prénom",
		"group":      "codes des groupes (remplacent la liste)",
		"json":       "afficher l'utilisateur en JSON",
		"language":   "la langue de la personne : fr ou en",
		"last-name":  "nom",
		"profile":    "student, teacher, parent, staff ou guest",
	}
}

// helpFRUsers: the directory's users.
func helpFRUsers(b *helpBook) {
	b.add("users", CommandHelp{Short: "Chercher, afficher, exporter et modifier les utilisateurs de l'annuaire"})
	b.add("users list", CommandHelp{
		Short: "Lister les utilisateurs d'une sélection (tous les filtres se combinent)",
	}, selectionFR(), flagTexts{
		"json":   "afficher en JSON : {total, users: [...]}",
		"limit":  "au plus ce nombre d'utilisateurs (par défaut : tous) ; la liste arrive au fil de l'eau dans tous les cas",
		"offset": "sauter d'abord ce nombre d'utilisateurs",
	})
	b.add("users show", CommandHelp{
		Use:   "IDENTIFIANT|ID",
		Short: "Afficher un utilisateur",
	}, flagTexts{"json": "afficher en JSON, avec l'origine de chaque champ"})
	b.add("users add", CommandHelp{
		Use:     "--profile P --last-name N --first-name F",
		Short:   "Créer un utilisateur à la main (ses champs sont ensuite protégés des imports)",
		Example: `  rollcall users add --profile student --last-name Lefèvre --first-name Élodie --class "6e A"`,
	}, userFieldsFR(), flagTexts{
		"allow-duplicate": "le créer même s'il ressemble à quelqu'un de l'établissement (même courriel, ou mêmes nom, prénom et date de naissance)",
		"dry-run":         "vérifier et afficher l'utilisateur sans le créer",
		"org":             "id ou UAI de l'établissement (nécessaire quand vous en administrez plusieurs)",
		"yes":             "comme --allow-duplicate",
	})
	b.add("users edit", CommandHelp{
		Use:   "IDENTIFIANT|ID [--champ valeur ...]",
		Short: "Changer les champs d'un utilisateur (chaque champ changé est protégé des imports)",
	}, userFieldsFR(), flagTexts{"dry-run": "afficher le résultat sans l'enregistrer"})
	b.add("users delete", CommandHelp{
		Use:   "IDENTIFIANT|ID...",
		Short: "Supprimer des utilisateurs pour de bon (seulement ceux déjà en attente de suppression)",
	}, flagTexts{"dry-run": "vérifier sans rien changer"})
	b.add("users set-admin", CommandHelp{
		Use:   "IDENTIFIANT|ID",
		Short: "Faire d'un utilisateur un administrateur local de son établissement (--off pour l'inverse)",
	}, flagTexts{
		"dry-run": "afficher le résultat sans l'enregistrer",
		"json":    "afficher l'utilisateur en JSON",
		"off":     "retirer la marque au lieu de la mettre",
	})
	b.add("users export", CommandHelp{
		Use:   "-o FICHIER",
		Short: "Exporter la sélection en CSV, en XLSX ou dans le fichier d'import d'une plateforme (cellules neutralisées contre l'injection de formules)",
	}, selectionFR(), flagTexts{
		"charset":           "ent-export : windows-1252 ou utf-8",
		"dry-run":           "compter les utilisateurs que l'export écrirait, sans rien écrire",
		"email-template":    "google : l'adresse des utilisateurs sans courriel, sur votre domaine : {login}@college.example ; champs {login} {first} {last} {uai} (aucun : un utilisateur sans courriel est une erreur)",
		"fields":            "ent-export : les colonnes, dans l'ordre, parmi nom, prenom, profil, identifiant, identifiant-ent, classe, groupe, email, date-naissance, uai, ecole, code-activation",
		"format":            "csv (Excel, UTF-8), csv-fr (points-virgules, Excel français), xlsx, ou le fichier d'import d'une plateforme (moodle, google, ent-export, edulib-xlsx ; les lots OneRoster et SDS, en zip) ; au choix : %s",
		"json":              "afficher un résumé en JSON (format, output, users, dry_run)",
		"org-unit-template": "google : l'unité organisationnelle de chaque utilisateur (/ est le sommet) ; champs {school} {uai} {profile} {class} {level}",
		"output":            "fichier à écrire (- : la sortie standard)",
	})
	b.add("users duplicates", CommandHelp{
		Use:   "[--org ID] [--json]",
		Short: "Lister les comptes qui sont probablement une même personne (même courriel, ou mêmes nom, prénom et date de naissance), quelle que soit leur source",
	}, flagTexts{
		"json": "afficher en JSON : {groups: [{reason, users}]}",
		"org":  "seulement cet établissement (un id ou un UAI ; répétable)",
	})
	b.add("users merge", CommandHelp{
		Use:   "GARDÉ AUTRE [--dry-run] [--json]",
		Short: "Fusionner AUTRE dans GARDÉ, deux comptes d'une même personne dans un établissement (l'identifiant de GARDÉ reste, AUTRE est supprimé)",
		Long: `Fusionne AUTRE dans GARDÉ : GARDÉ prend les champs d'AUTRE là où les siens sont vides (avec leur
origine), son identifiant de source quand GARDÉ n'en a pas, ses classes, groupes, enfants et parents,
et ses licences (jamais deux licences d'un même abonnement) ; AUTRE est supprimé. Une seule
transaction, inscrite au journal.`,
	}, flagTexts{
		"dry-run": "dire ce que ferait la fusion, sans rien changer",
		"json":    "afficher en JSON : {kept, removed, fields, seats_moved, seats_freed, parents_relinked, dry_run}",
	})
	for _, link := range []struct{ path, short string }{
		{"users link", "Lier à la main un parent à un enfant (protégé des imports)"},
		{"users unlink", "Délier à la main un parent d'un enfant (protégé des imports)"},
	} {
		b.add(link.path, CommandHelp{Use: "PARENT ENFANT", Short: link.short}, flagTexts{
			"dry-run": "vérifier sans rien changer",
			"json":    "afficher le parent en JSON, avec ses enfants",
		})
	}
	helpFRBulk(b)
}

// helpFRBulk: the actions on several users at once, named or selected.
func helpFRBulk(b *helpBook) {
	for _, bulk := range []struct{ verb, short string }{
		{"predelete", "Mettre des utilisateurs en attente de suppression (ils peuvent être rétablis)"},
		{"restore", "Sortir des utilisateurs de l'attente de suppression"},
		{"suspend", "Suspendre des comptes : ils gardent leurs données, n'ont ni carte ni courriel et ne peuvent plus se connecter"},
		{"unsuspend", "Rétablir des comptes suspendus"},
		{"regen-code", "Donner de nouveaux codes d'activation aux utilisateurs pas encore activés (leurs anciennes cartes ne servent plus)"},
	} {
		b.add("users "+bulk.verb, CommandHelp{
			Use:   "[IDENTIFIANT|ID...] [--class C --profile P --level N … | --all]",
			Short: bulk.short,
		}, selectionFR(), flagTexts{
			"all":     "chaque utilisateur de vos établissements (ou de --org)",
			"dry-run": "dire ce qui changerait, sans rien changer",
			"json":    "afficher en JSON : {action, dry_run, changed, skipped, users}",
			"yes":     "agir sur une sélection sans demander (nécessaire sans terminal)",
		})
	}
}
