package i18n

// helpFRSettings: a school's settings and templates, its admins, the school year's turn.
func helpFRSettings(b *helpBook) {
	school := "l'id ou l'UAI de l'établissement (par défaut : votre seul établissement ; « all » : chacun des vôtres)"
	b.add("settings", CommandHelp{Short: "Afficher et changer les réglages d'un établissement : courriel, adresse des cartes, règles des mots de passe"})
	b.add("settings show", CommandHelp{
		Short: "Afficher les réglages d'un établissement (le mot de passe SMTP seulement comme défini ou non)",
	}, flagTexts{
		"json": "afficher en JSON",
		"org":  "l'id ou l'UAI de l'établissement (par défaut : votre seul établissement)",
	})
	b.add("settings smtp", CommandHelp{
		Short: "Régler le serveur SMTP, l'expéditeur, l'adresse d'activation et le dossier des modèles",
		Long: `Change les réglages d'envoi : seules les options données changent. Le mot de passe se lit sur
l'entrée standard (--password-stdin) ou à l'invite, jamais sur la ligne de commande, et n'est plus
jamais affiché. L'adresse d'activation est la page des comptes de l'établissement : les cartes et les
courriels renvoient vers ADRESSE/activate?login=…&code=… et ADRESSE/reset?login=….`,
	}, flagTexts{
		"activation-url": "la page des comptes de l'établissement vers laquelle renvoient les cartes et les courriels",
		"clear-password": "oublier le mot de passe SMTP",
		"dry-run":        "vérifier les réglages sans les enregistrer",
		"from":           `expéditeur : "Nom <adresse>" ou une adresse`,
		"host":           "nom d'hôte du serveur SMTP",
		"json":           "afficher les réglages qui en résultent en JSON",
		"org":            school,
		"password-stdin": "lire le mot de passe SMTP sur la première ligne de l'entrée standard",
		"port":           "port SMTP (0 : 25, 587 ou 465 selon --security)",
		"security":       "none, starttls ou tls",
		"templates":      "dossier de modèles modifiés (vide : ceux fournis)",
		"username":       "identifiant SMTP (vide : sans authentification)",
	})
	b.add("settings password-policy", CommandHelp{
		Short: "Régler ce que doivent contenir les mots de passe d'un profil dans un établissement",
		Long: `Règle les mots de passe d'un profil dans l'un de vos établissements : chaque mot de passe choisi
ensuite par une personne de ce profil y obéit (activation avec le code d'une carte, réinitialisation,
la page web, mots de passe des tableurs importés). Classes : upper, lower, letter, digit, special
(majuscule, minuscule, lettre, chiffre, caractère spécial).`,
	}, flagTexts{
		"classes":    "les sortes de caractères que chaque mot de passe doit contenir, séparées par des virgules (par défaut : les règles actuelles de l'établissement)",
		"dry-run":    "vérifier les règles sans les enregistrer",
		"json":       "afficher les règles en JSON",
		"min-length": "le nombre minimal de caractères (de 8 à 64 ; par défaut : celui actuel de l'établissement)",
		"org":        school,
		"profile":    "student, teacher, parent, staff ou guest",
	})
	b.add("settings deletion-grace", CommandHelp{
		Use:   "--days N",
		Short: "Régler combien de temps les personnes restent en attente de suppression avant qu'un passage de classe les supprime",
		Long: `Règle, pour l'un de vos établissements (ou « all »), combien de jours une personne reste en attente
de suppression avant que « rollcall year close » la supprime (30 par défaut ; 0 supprime toutes les
personnes en attente ; 3650 au plus).`,
	}, flagTexts{
		"days":    "jours en attente avant la suppression (de 0 à 3650)",
		"dry-run": "vérifier la valeur sans l'enregistrer",
		"json":    "afficher le nouveau réglage des établissements en JSON",
		"org":     school,
	})
	b.add("templates", CommandHelp{Short: "Les modèles des cartes et des courriels, à modifier par langue"})
	b.add("templates export", CommandHelp{
		Use:   "DOSSIER",
		Short: "Écrire dans DOSSIER les modèles fournis des cartes et des courriels (français et anglais), à modifier",
		Long: `Écrit les modèles fournis dans DOSSIER (fr/card.tmpl, en/email.html.tmpl, ...). Ce sont des modèles
Go ; les champs qu'ils peuvent utiliser sont listés en tête de chaque fichier et dans
« go doc rollcall/mailmerge.TemplateData ». Utilisez les copies modifiées avec
« rollcall settings smtp --templates DOSSIER » ou --templates sur les commandes merge.`,
	}, flagTexts{
		"dry-run": "lister les fichiers sans les écrire",
		"force":   "remplacer les fichiers qui existent",
	})
	helpFRAdmins(b)
	helpFRYear(b)
}

func helpFRAdmins(b *helpBook) {
	b.add("admins", CommandHelp{Short: "Inviter, lister et retirer les administrateurs de vos établissements ; voir qui a changé quoi"})
	b.add("admins invite", CommandHelp{
		Use:   "[--org ID] [--email COURRIEL]",
		Short: "Inviter un administrateur pour l'un de vos établissements ; affiche (ou envoie par courriel) un code à usage unique",
		Example: `  rollcall admins invite --org 2 --email paul@example.fr
  rollcall admins invite --org 2   # un code pour la personne à qui vous le remettrez`,
	}, flagTexts{
		"dry-run": "vérifier sans inviter",
		"email":   "le courriel de la personne invitée : seule cette adresse peut accepter, et le code lui est envoyé quand un serveur de courriel est réglé",
		"json":    "afficher l'invitation en JSON (avec son code quand il n'est pas envoyé)",
		"org":     "id ou UAI de l'établissement (par défaut : votre seul établissement)",
	})
	b.add("admins join", CommandHelp{
		Short: "Accepter une invitation avec votre compte existant : devenir administrateur d'un établissement de plus",
		Long: `Accepte une invitation avec votre compte existant. Le code d'invitation se tape à l'invite ou se lit
sur la première ligne de l'entrée standard : jamais sur la ligne de commande.`,
	}, flagTexts{
		"dry-run": "vérifier le code sans l'utiliser",
		"json":    "afficher en JSON l'établissement rejoint",
	})
	b.add("admins list", CommandHelp{
		Short: "Lister les administrateurs de vos établissements et les invitations en attente",
	}, flagTexts{"json": "afficher en JSON"})
	b.add("admins remove", CommandHelp{
		Use:   "COURRIEL|ID [--org ID]",
		Short: "Retirer à quelqu'un l'administration de vos établissements (jamais le dernier administrateur de l'un d'eux)",
		Long: `Retire un administrateur de l'un de vos établissements (--org), ou de chacun des vôtres qu'il
administre. Son compte reste, avec ses autres établissements. Vous pouvez vous retirer vous-même.`,
	}, flagTexts{
		"dry-run": "vérifier sans retirer",
		"json":    "afficher en JSON ce qui a été retiré",
		"org":     "seulement cet établissement (par défaut : chacun des vôtres qu'il administre)",
	})
	b.add("admins uninvite", CommandHelp{
		Use:   "ID",
		Short: "Retirer une invitation en attente (son code ne sert plus)",
	}, flagTexts{"dry-run": "vérifier sans retirer"})
	b.add("admins log", CommandHelp{
		Short: "Montrer qui a changé quoi dans vos établissements, du plus récent au plus ancien",
	}, flagTexts{
		"action": `seulement cette action, ou un préfixe finissant par « . » (users., admins., seats.)`,
		"admin":  "seulement les changements de cet administrateur (courriel ou id)",
		"json":   "afficher en JSON",
		"limit":  "nombre maximal d'entrées affichées",
		"org":    "seulement cet établissement",
	})
}

func helpFRYear(b *helpBook) {
	yes := "ne pas demander de confirmation (nécessaire sans terminal)"
	b.add("year", CommandHelp{Short: "Le passage de classe : clore l'année d'un établissement, lister et annuler les passages"})
	b.add("year close", CommandHelp{
		Use:   "--org ID [--classes archive|rename|keep] [--rename-pattern M] [--dry-run] [--yes]",
		Short: "Clore l'année d'un établissement : les élèves quittent leurs classes, les classes sont archivées, les partants s'en vont (demande d'abord)",
		Long: `Clôt l'année scolaire de l'un de vos établissements, en une transaction que « rollcall year undo NUMÉRO »
annule :

  - chaque membre quitte les classes de l'établissement, et les élèves quittent ses groupes ; ce que
    chacun a quitté est gardé dans son historique (« rollcall users show »), et ses classes et groupes
    ne sont plus protégés des imports, pour que les fichiers de la nouvelle année les remplissent ;
  - les classes sont archivées (le défaut : hors d'usage, renommées selon --rename-pattern, par défaut
    "{code} ({year})", pour que les fichiers de la nouvelle année puissent recréer "3e A"), renommées
    et gardées en usage (--classes rename, --rename-pattern obligatoire), ou gardées telles quelles,
    vides (--classes keep) ; {code} est le code de la classe (ou son nom), {year} l'année close ;
  - les personnes en attente de suppression depuis plus longtemps que le délai de l'établissement
    (30 jours, sauf réglage par « rollcall settings deletion-grace ») sont supprimées, leurs licences
    libérées et leurs parents déliés ;
  - les codes d'activation des autres personnes en attente de suppression ne servent plus.

Le plan entier est d'abord affiché ; sans --dry-run, la commande demande avant d'écrire (--yes sans
terminal).`,
	}, flagTexts{
		"classes":        "ce que deviennent les classes : archive (archivées), rename (renommées) ou keep (gardées)",
		"dry-run":        "afficher le plan sans rien changer",
		"json":           "afficher le plan (et le passage) en JSON",
		"org":            "l'id ou l'UAI de l'établissement (par défaut : votre seul établissement)",
		"rename-pattern": `comment les classes sont renommées : {code} et {year} (par défaut pour archive : "{code} ({year})")`,
		"year":           "l'année scolaire close, telle que l'historique la montre (par défaut : celle en cours aujourd'hui, %s)",
		"yes":            yes,
	})
	b.add("year history", CommandHelp{
		Short: "Lister les passages de classe de vos établissements, du plus récent au plus ancien",
	}, flagTexts{"json": "afficher en JSON"})
	b.add("year undo", CommandHelp{
		Use:   "NUMÉRO [--dry-run] [--yes]",
		Short: "Annuler exactement un passage de classe (demande d'abord) : classes, appartenances, codes, les personnes qu'il a supprimées et leurs licences",
		Long: `Annule un passage de classe (son numéro est dans « rollcall year history ») : les personnes retrouvent
leurs classes, groupes, historique, codes d'activation et liens avec leurs enfants, les classes leurs
codes et noms, et les personnes qu'il a supprimées reviennent avec leurs licences là où l'abonnement a
encore de la place. Il est refusé, sans rien changer, dès que quelque chose que le passage a écrit a
changé depuis (une personne modifiée, un code de classe ou un identifiant repris).`,
	}, flagTexts{
		"dry-run": "vérifier que l'annulation est possible et ce qu'elle ferait, sans la faire",
		"json":    "afficher en JSON ce que l'annulation a fait",
		"yes":     yes,
	})
}
