package i18n

// helpFRLicensing: subscriptions, seats, vendors' keys, cards and emails.
func helpFRLicensing(b *helpBook) {
	b.add("subs", CommandHelp{Short: "Abonnements : les lister, réclamer ce qui accompagnait un achat, les renouveler"})
	b.add("subs list", CommandHelp{
		Use:   "[--org ID] [--sort product|state]",
		Short: "Lister vos abonnements : produit, établissement, clés de produit, licences attribuées, état",
	}, flagTexts{
		"json": "afficher en JSON",
		"org":  "seulement ceux de cet établissement (id ou UAI ; par défaut : tous les vôtres)",
		"sort": "product (par produit), ou state (par état : les renouvellements les plus proches d'abord, les expirés à la fin)",
	})
	b.add("subs claim", CommandHelp{
		Use:   "--code CODE | --displays N --serial S [--org ID | --new-org-name NOM …]",
		Short: "Réclamer un abonnement : le code de réclamation d'un fournisseur (ou son lien), ou des écrans et un numéro de série",
	}, flagTexts{
		"code":            "le code de réclamation, ou le lien entier du courriel de commande",
		"displays":        "le nombre d'écrans interactifs achetés",
		"dry-run":         "vérifier le code ou le numéro de série et l'établissement, sans rien réclamer",
		"json":            "afficher l'abonnement en JSON",
		"new-org-city":    "sa ville",
		"new-org-country": "le code de son pays en deux lettres",
		"new-org-name":    "ou ajouter un établissement de ce nom",
		"org":             "l'établissement qui le reçoit (id ou UAI ; par défaut : votre seul établissement)",
		"serial":          "le numéro de série de l'un d'eux",
		"vendor":          "qui l'a vendu (facultatif)",
		"vendor-location": "où se trouve le fournisseur (facultatif)",
	})
	b.add("subs renew", CommandHelp{
		Use:   "ID-ABONNEMENT --code CODE|URL [--dry-run]",
		Short: "Renouveler un abonnement avec le code de renouvellement du fournisseur : sa nouvelle date de renouvellement ou de fin, et les licences qu'il ajoute",
	}, flagTexts{
		"code":    "le code de renouvellement, ou le lien de renouvellement du courriel du fournisseur",
		"dry-run": "vérifier le code et dire ce qu'il ferait",
		"json":    "afficher l'abonnement renouvelé en JSON",
	})
	helpFRSeats(b)
	helpFRVendor(b)
	helpFRMerge(b)
}

func helpFRSeats(b *helpBook) {
	changed := flagTexts{
		"dry-run": "compter ce qui changerait, sans rien changer",
		"json":    "afficher ce qui a changé en JSON",
	}
	notify := flagTexts{"notify": "prévenir par courriel les nouveaux titulaires de licence (quand un serveur de courriel est réglé)"}
	b.add("seats", CommandHelp{Short: "Licences d'un abonnement : les lister, les attribuer, les importer, les synchroniser, les reprendre"})
	b.add("seats list", CommandHelp{
		Use:   "ID-ABONNEMENT",
		Short: "Lister les titulaires des licences d'un abonnement : courriel, mode d'attribution, date",
	}, flagTexts{"json": "afficher en JSON"})
	b.add("seats add", CommandHelp{
		Use:   "ID-ABONNEMENT (COURRIEL|IDENTIFIANT)... [--key CLÉ]",
		Short: "Attribuer des licences à des courriels et à des identifiants de l'annuaire (séparés par des espaces, des virgules ou des retours à la ligne) ; s'il y en a plus que de licences libres, aucune n'est attribuée",
	}, changed, notify, flagTexts{
		"key": "la clé de produit des nouvelles licences (par défaut : la première qui a de la place)",
	})
	b.add("seats import", CommandHelp{
		Use:   "ID-ABONNEMENT FICHIER.csv",
		Short: "Attribuer des licences aux courriels d'un fichier CSV : un par ligne, sans en-tête, sans espaces, virgules ni guillemets",
	}, changed, notify)
	b.add("seats remove", CommandHelp{
		Use:   "ID-ABONNEMENT (COURRIEL|IDENTIFIANT | --by-hand) [--detach] [--yes]",
		Short: "Reprendre une licence, ou toutes celles attribuées à la main (les synchros gardent les leurs ; --detach reprend quand même celle d'une synchro)",
	}, changed, flagTexts{
		"by-hand": "chaque licence attribuée à la main (saisie ou d'un fichier)",
		"detach":  "reprendre une licence qu'une synchro a attribuée : elle devient d'abord une licence à la main (la synchro suivante la rend)",
		"dry-run": "dire ce qui serait repris",
		"yes":     "ne pas demander de confirmation (nécessaire sans terminal)",
	})
	b.add("seats sync", CommandHelp{
		Use:   "ID-ABONNEMENT (--roster ÉTABLISSEMENT | --directory [filtres] | --google-ou CHEMIN | --google-group COURRIEL | --microsoft-group ID)",
		Short: "Attribuer des licences à chaque personne qu'une source liste, et reprendre celles que cette même synchro avait attribuées aux personnes qu'elle ne liste plus",
		Long: `Synchronise les licences depuis une source. Les licences attribuées à la main, ou par une autre
synchro, ne sont jamais reprises.

Sources :
  --roster ÉTABLISSEMENT    les enseignants d'un établissement, tels qu'importés (--import-source oneroster : seulement ceux-là)
  --directory               une sélection de l'annuaire : --class, --group, --profile, --org, ... (comme users list)
  --google-ou CHEMIN        les utilisateurs Google Workspace d'une unité organisationnelle et des unités en dessous
  --google-group COURRIEL   les membres Google Workspace d'un groupe
  --microsoft-group ID      les membres Microsoft 365 d'un groupe

Identifiants Google : ROLLCALL_GOOGLE_CREDENTIALS (le fichier de clé d'un compte de service avec
délégation sur tout le domaine) et ROLLCALL_GOOGLE_ADMIN (l'administrateur au nom duquel il agit),
ou ROLLCALL_GOOGLE_TOKEN[_FILE].
Identifiants Microsoft : ROLLCALL_MS_TENANT, ROLLCALL_MS_CLIENT_ID et ROLLCALL_MS_CLIENT_SECRET[_FILE]
(une inscription d'application avec GroupMember.Read.All), ou ROLLCALL_MS_TOKEN[_FILE].
ROLLCALL_GOOGLE_API_URL et ROLLCALL_GRAPH_URL changent les adresses des services. Les secrets ne sont jamais affichés.`,
	}, selectionFR(), changed, notify, flagTexts{
		"directory":       "les utilisateurs que choisissent les filtres de l'annuaire",
		"google-group":    "courriel du groupe Google Workspace",
		"google-ou":       "chemin de l'unité organisationnelle Google Workspace",
		"import-source":   "avec --roster : seulement les utilisateurs de cette source d'import (ent, oneroster, sds, …)",
		"microsoft-group": "id du groupe Microsoft 365",
		"roster":          "id d'établissement : ses enseignants",
	})
}

func helpFRVendor(b *helpBook) {
	school := "l'id ou l'UAI de l'établissement (par défaut : votre seul établissement ; « all » : chacun des vôtres)"
	b.add("vendor", CommandHelp{Short: "Clés des fournisseurs : faire confiance aux codes de réclamation d'un fournisseur ; et l'outil du fournisseur pour les produire"})
	b.add("vendor list", CommandHelp{
		Short: "Lister les clés de fournisseur avec lesquelles l'un de vos établissements vérifie les codes de réclamation",
	}, flagTexts{
		"json": "afficher en JSON",
		"org":  "l'id ou l'UAI de l'établissement (par défaut : chacun des vôtres)",
	})
	b.add("vendor trust", CommandHelp{
		Use:   "FICHIER-CLÉ-PUBLIQUE",
		Short: "Accepter dans l'un de vos établissements les codes de réclamation que signe un fournisseur : ajouter le fichier de sa clé publique",
	}, flagTexts{
		"dry-run": "vérifier le fichier sans ajouter la clé",
		"json":    "afficher la clé en JSON",
		"org":     school,
	})
	b.add("vendor untrust", CommandHelp{
		Use:   "ID-CLÉ|FOURNISSEUR",
		Short: "Ne plus accepter dans l'un de vos établissements les codes de réclamation d'un fournisseur (clés ajoutées avec trust ; les abonnements réclamés restent)",
	}, flagTexts{
		"dry-run": "vérifier quelle clé serait retirée, sans la retirer",
		"json":    "afficher la clé en JSON",
		"org":     school,
	})
	b.add("vendor keygen", CommandHelp{
		Use:   "--vendor NOM --out PRÉFIXE",
		Short: "Pour les fournisseurs : créer une paire de clés de signature (PRÉFIXE.key, privée, mode 0600 ; PRÉFIXE.pub, pour les établissements)",
	}, flagTexts{
		"json":   "afficher les fichiers et l'id de la clé en JSON",
		"out":    "préfixe du chemin des deux fichiers",
		"vendor": "le nom du fournisseur, tel que les établissements le verront",
	})
	b.add("vendor issue-code", CommandHelp{
		Use:   "--key FICHIER --product P --seats N --term 12m|2y|AAAA-MM-JJ [--renews] [--renewal --order C]",
		Short: "Pour les fournisseurs : produire le code de réclamation signé d'une commande, ou un code de renouvellement pour elle (sans base)",
	}, flagTexts{
		"claim-url": "afficher aussi le lien de réclamation : cette URL suivie de ?code=…",
		"json":      "afficher le code et ce qu'il contient en JSON",
		"key":       "le fichier de clé privée produit par vendor keygen",
		"keys":      "le nombre de clés de produit entre lesquelles les licences sont réparties",
		"order":     "le numéro de commande (32 octets au plus)",
		"product":   "le produit, tel que les établissements le verront (64 octets au plus)",
		"renewal":   "un code de renouvellement de la commande --order : la nouvelle durée, et --seats licences de plus (0 : aucune) sur --keys nouvelles clés",
		"renews":    "l'abonnement se renouvelle à la fin de la durée (par défaut : il se termine)",
		"seats":     "le nombre de licences achetées",
		"start":     "premier jour de la durée, AAAA-MM-JJ (par défaut : aujourd'hui)",
		"term":      "la durée (12m, 1y, 2y) ou sa date de renouvellement ou de fin",
	})
}

func helpFRMerge(b *helpBook) {
	b.add("merge", CommandHelp{Short: "Imprimer les cartes de connexion et envoyer par courriel leur compte aux personnes d'une sélection"})
	b.add("merge pdf", CommandHelp{
		Short: "Imprimer dans un PDF les cartes de connexion d'une sélection (1, 2 ou 8 par feuille)",
		Long: `Imprime une carte de connexion par personne de la sélection, dans son ordre. La carte d'un compte
pas encore activé porte l'identifiant, le code d'activation et l'adresse d'activation (avec son
QR code) ; celle d'un compte activé rappelle l'identifiant et comment réinitialiser un mot de passe
oublié. Chaque carte est dans la langue de sa personne, sinon dans la vôtre.`,
	}, selectionFR(), flagTexts{
		"activation-url": "la page des comptes de l'établissement pour ce tirage (par défaut : celle des réglages)",
		"dry-run":        "compter les cartes et montrer la première sans rien écrire",
		"json":           "afficher le résultat en JSON",
		"output":         "le PDF à écrire (avec --split-by class : un dossier ; - : la sortie standard)",
		"paper":          "a4 ou letter",
		"per-sheet":      "cartes par feuille : 1, 2 ou 8",
		"split-by":       "class : un PDF par classe",
		"templates":      "dossier de modèles modifiés (voir rollcall templates export ; par défaut : celui des réglages)",
	})
	b.add("merge email", CommandHelp{
		Short: "Envoyer par courriel son compte à chaque personne d'une sélection qui a une adresse",
		Long: `Crée une campagne de courriels pour les personnes de la sélection qui ont une adresse, et l'envoie.
Les comptes pas encore activés reçoivent leur identifiant, leur code d'activation et la marche à
suivre ; les comptes activés, la procédure de réinitialisation du mot de passe avec un code à usage
unique. L'état de chaque personne est enregistré dès que le message est remis au serveur SMTP :
après une panne, une annulation ou une coupure, « rollcall merge resume » n'envoie que ce qui manque,
et personne ne reçoit deux messages.`,
	}, selectionFR(), flagTexts{
		"connections": "connexions SMTP en parallèle (par défaut 4)",
		"dry-run":     "lister les destinataires et montrer la première carte et le premier courriel sans rien envoyer",
		"json":        "afficher le résultat en JSON",
		"rate":        "au plus ce nombre de messages par minute (0 : sans limite)",
		"templates":   "dossier de modèles modifiés pour cette campagne (par défaut : celui des réglages)",
	})
	b.add("merge status", CommandHelp{
		Use:   "[CAMPAGNE]",
		Short: "Afficher une campagne de courriels (envoyés, en échec, restants, pourquoi elle est en pause), ou les lister toutes",
	}, flagTexts{"json": "afficher en JSON"})
	b.add("merge resume", CommandHelp{
		Use:   "CAMPAGNE",
		Short: "Envoyer ce qui reste d'une campagne de courriels (après une annulation, une panne ou une coupure du SMTP)",
	}, flagTexts{
		"connections":      "connexions SMTP en parallèle (par défaut 4)",
		"dry-run":          "compter ce qui serait envoyé, sans rien envoyer",
		"json":             "afficher le résultat en JSON",
		"resend-uncertain": "renvoyer aussi les messages qui sont peut-être partis quand le programme s'est arrêté",
		"retry-failed":     "réessayer aussi les destinataires refusés pour de bon (une fois leur adresse corrigée)",
	})
}
