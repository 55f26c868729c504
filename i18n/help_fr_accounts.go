package i18n

// helpFRAccounts: the program itself, signing up and in, cobra's own commands, the server,
// backups and copies.
func helpFRAccounts(b *helpBook) {
	b.add("rollcall", CommandHelp{
		Short: "Comptes et licences logicielles des établissements, dans une console pilotée au clavier",
		Long: `Rollcall crée les comptes et attribue les licences logicielles des établissements scolaires.
Sans commande, sur un terminal, il ouvre la console interactive (TUI).
Chaque action existe aussi en commande, pour les scripts.`,
	}, flagTexts{
		"demo": "charger l'établissement de démonstration (s'il ne l'est pas déjà) et ouvrir la console",
		"db":   "fichier de la base, ou une URL postgres:// (par défaut : le dossier de données de l'utilisateur, ou $ROLLCALL_DB)",
		"lang": "langue des messages : fr ou en (par défaut : celle choisie par l'administrateur, puis $LANG)",
	})
	b.add("help", CommandHelp{
		Use:   "[commande]",
		Short: "Aide de n'importe quelle commande",
		Long: `Donne l'aide de n'importe quelle commande du programme.
Tapez rollcall help [chemin de la commande] pour tous les détails.`,
	})
	helpFRSignIn(b)
	helpFRCompletion(b)
	helpFRServer(b)
}

func helpFRSignIn(b *helpBook) {
	b.add("signup", CommandHelp{
		Short: "Créer un compte d'administrateur ; affiche (ou envoie par courriel) le code de vérification",
		Example: `  rollcall signup --name "Marie Curie" --email marie@example.fr --lang fr --country FR
  printf '%s\n' ABCD-EFGH motdepasse1 | rollcall verify --email marie@example.fr --password-stdin
  printf '%s\n' CODE-INVITATION | rollcall signup --invited --name "Paul Langevin" --email paul@example.fr --country FR`,
	}, flagTexts{
		"country":       "code du pays en deux lettres, par exemple FR (obligatoire)",
		"dry-run":       "vérifier le formulaire sans créer le compte",
		"email":         "votre adresse de courriel (obligatoire)",
		"email-confirm": "la même adresse, encore (par défaut : --email)",
		"invite":        "n'est plus accepté : utilisez --invited",
		"invited":       "vous avez un code d'invitation (lu sur l'entrée standard ou à l'invite) : devenez administrateur de l'établissement qu'il désigne",
		"json":          "afficher le résultat en JSON",
		"language":      "votre langue : fr ou en (par défaut : --lang, puis $LANG)",
		"name":          "vos prénom et nom (obligatoire)",
	})
	b.add("resend-code", CommandHelp{
		Short: "Émettre un nouveau code de vérification (les précédents ne servent plus)",
	}, flagTexts{
		"email": "l'adresse de courriel de l'inscription",
		"json":  "afficher le résultat en JSON",
	})
	b.add("verify", CommandHelp{
		Short: "Vérifier votre adresse de courriel avec le code et créer votre mot de passe",
		Long: `Vérifie votre adresse de courriel avec le code que Rollcall a affiché ou envoyé à l'inscription,
et crée votre mot de passe. Le code se tape à l'invite, ou se lit sur la première ligne de l'entrée
standard (le mot de passe sur la deuxième, avec --password-stdin) : jamais sur la ligne de commande.`,
	}, flagTexts{
		"code":           "n'est plus accepté : le code se lit sur l'entrée standard ou à l'invite",
		"dry-run":        "vérifier le code et le mot de passe sans les utiliser",
		"email":          "l'adresse de courriel de l'inscription",
		"password-stdin": "lire le nouveau mot de passe sur l'entrée standard, à la ligne qui suit le code",
	})
	b.add("login", CommandHelp{
		Short: "Se connecter ; la session est gardée pour cet utilisateur du système jusqu'à logout",
	}, flagTexts{
		"email":          "votre adresse de courriel",
		"json":           "afficher l'administrateur connecté en JSON",
		"password-stdin": "lire le mot de passe sur la première ligne de l'entrée standard",
	})
	b.add("logout", CommandHelp{Short: "Se déconnecter et oublier la session de cet utilisateur du système"})
	b.add("whoami", CommandHelp{
		Short: "Afficher l'administrateur connecté, ses établissements et la base",
	}, flagTexts{"json": "afficher en JSON"})
	b.add("accept-terms", CommandHelp{
		Short: "Confirmer que vous êtes majeur et accepter les conditions d'utilisation (une fois, à la première connexion)",
	}, flagTexts{
		"accept": "j'accepte les conditions d'utilisation",
		"adult":  "je confirme être majeur",
	})
	b.add("version", CommandHelp{Short: "Afficher la version de Rollcall"})
	b.add("reset-admin-password", CommandHelp{
		Short: "Un administrateur qui a oublié son mot de passe reçoit un code par courriel, ou d'un autre administrateur de son établissement",
		Long: `Avec --email seul : envoie un code de réinitialisation à usage unique (valable une heure) par le
serveur SMTP de l'un des établissements de cet administrateur. La réponse est la même, que
l'adresse ait un compte ou non.

Avec --email et --use-code : crée le nouveau mot de passe avec le code, tapé à l'invite ou lu sur
la première ligne de l'entrée standard ; le mot de passe sur la ligne suivante (--password-stdin)
ou à l'invite.

Avec --for COURRIEL (connecté) : quand ses établissements n'envoient pas de courriel, un
administrateur de l'un des mêmes établissements émet le code pour lui, à lui remettre ; c'est
inscrit au journal de l'établissement.`,
		Example: `  rollcall reset-admin-password --email marie@example.fr
  printf '%s\n' ABCD-EFGH-JKLM nouveau-motdepasse1 | rollcall reset-admin-password --email marie@example.fr --use-code --password-stdin
  rollcall reset-admin-password --for marie@example.fr`,
	}, flagTexts{
		"email":          "l'adresse de courriel de l'administrateur qui a oublié son mot de passe",
		"for":            "émettre un code pour un autre administrateur de l'un de vos établissements",
		"password-stdin": "avec --use-code : lire le nouveau mot de passe sur l'entrée standard, à la ligne qui suit le code",
		"use-code":       "créer le nouveau mot de passe avec le code (lu sur l'entrée standard ou à l'invite)",
	})
	b.add("reset-password", CommandHelp{
		Short: "Émettre un code de réinitialisation pour un compte activé, ou créer un nouveau mot de passe avec ce code",
		Long: `Avec --login seul (connecté) : émet un code de réinitialisation à usage unique, valable 7 jours.
Il est envoyé par courriel à la personne quand le SMTP et l'adresse d'activation sont réglés et
qu'elle a une adresse ; sinon il est affiché, pour que vous le lui remettiez. Les codes précédents
ne servent plus.

Avec --use-code : crée le nouveau mot de passe du compte avec un code de réinitialisation, sans
connexion. Le code se tape à l'invite ou se lit sur la première ligne de l'entrée standard, le mot
de passe sur la ligne suivante (--password-stdin) ou à l'invite : jamais sur la ligne de commande.
Le code ne sert ensuite plus.`,
		Example: `  rollcall reset-password --login zoe.martin
  printf '%s\n' ABCD-EFGH nouveau-motdepasse1 | rollcall reset-password --login zoe.martin --use-code --password-stdin`,
	}, flagTexts{
		"code":           "n'est plus accepté : utilisez --use-code",
		"dry-run":        "vérifier le compte sans émettre de code",
		"json":           "afficher le résultat en JSON",
		"login":          "l'identifiant du compte",
		"password-stdin": "avec --use-code : lire le nouveau mot de passe sur l'entrée standard, à la ligne qui suit le code",
		"use-code":       "créer le nouveau mot de passe avec un code de réinitialisation (lu sur l'entrée standard ou à l'invite)",
	})
	b.add("activate", CommandHelp{
		Short: "Activer un compte de l'annuaire avec le code de sa carte de connexion et choisir son mot de passe",
		Long: `Active le compte d'une personne avec son identifiant et le code d'activation imprimé sur sa carte
de connexion (ou envoyé par courriel), et crée son mot de passe. Le code se tape à l'invite ou se
lit sur la première ligne de l'entrée standard, le mot de passe sur la ligne suivante
(--password-stdin) ou à l'invite : jamais sur la ligne de commande. Le code ne sert ensuite plus.`,
		Example: `  printf '%s\n' ABCD-EFGH nouveau-motdepasse1 | rollcall activate --login zoe.martin --password-stdin`,
	}, flagTexts{
		"code":           "n'est plus accepté : le code se lit sur l'entrée standard ou à l'invite",
		"json":           "afficher le résultat en JSON",
		"login":          "l'identifiant du compte",
		"password-stdin": "lire le nouveau mot de passe sur l'entrée standard, à la ligne qui suit le code",
	})
	b.add("demo", CommandHelp{
		Short: "Charger la démonstration : deux établissements, ~1\u202f200 utilisateurs, des classes, des groupes, des abonnements",
	}, flagTexts{
		"dry-run": "dire si la démonstration peut être chargée, sans la charger",
		"json":    "afficher ce qui a été chargé en JSON",
	})
}

func helpFRCompletion(b *helpBook) {
	b.add("completion", CommandHelp{
		Short: "Produire le script d'autocomplétion d'un shell",
		Long: `Produit le script d'autocomplétion de rollcall pour le shell choisi.
L'aide de chaque sous-commande dit comment utiliser le script produit.
`,
	})
	load := "Pour charger l'autocomplétion dans la session en cours du shell :"
	every := "Pour la charger dans chaque nouvelle session, exécutez une fois :"
	restart := "Ouvrez un nouveau shell pour que ce réglage prenne effet."
	b.add("completion bash", CommandHelp{
		Short: "Produire le script d'autocomplétion de bash",
		Long: `Produit le script d'autocomplétion du shell bash.

Ce script a besoin du paquet « bash-completion ».
S'il n'est pas déjà installé, installez-le avec le gestionnaire de paquets de votre système.

` + load + `

	source <(rollcall completion bash)

` + every + `

#### Linux :

	rollcall completion bash > /etc/bash_completion.d/rollcall

#### macOS :

	rollcall completion bash > $(brew --prefix)/etc/bash_completion.d/rollcall

` + restart + "\n",
	}, flagTexts{"no-descriptions": "sans les descriptions des complétions"})
	b.add("completion zsh", CommandHelp{
		Short: "Produire le script d'autocomplétion de zsh",
		Long: `Produit le script d'autocomplétion du shell zsh.

Si l'autocomplétion n'est pas déjà active dans votre environnement, activez-la.
Exécutez une fois :

	echo "autoload -U compinit; compinit" >> ~/.zshrc

` + load + `

	source <(rollcall completion zsh)

` + every + `

#### Linux :

	rollcall completion zsh > "${fpath[1]}/_rollcall"

#### macOS :

	rollcall completion zsh > $(brew --prefix)/share/zsh/site-functions/_rollcall

` + restart + "\n",
	}, flagTexts{"no-descriptions": "sans les descriptions des complétions"})
	b.add("completion fish", CommandHelp{
		Short: "Produire le script d'autocomplétion de fish",
		Long: `Produit le script d'autocomplétion du shell fish.

` + load + `

	rollcall completion fish | source

` + every + `

	rollcall completion fish > ~/.config/fish/completions/rollcall.fish

` + restart + "\n",
	}, flagTexts{"no-descriptions": "sans les descriptions des complétions"})
	b.add("completion powershell", CommandHelp{
		Short: "Produire le script d'autocomplétion de powershell",
		Long: `Produit le script d'autocomplétion de powershell.

` + load + `

	rollcall completion powershell | Out-String | Invoke-Expression

Pour la charger dans chaque nouvelle session, ajoutez la sortie de la commande ci-dessus
à votre profil powershell.
`,
	}, flagTexts{"no-descriptions": "sans les descriptions des complétions"})
}

func helpFRServer(b *helpBook) {
	b.add("serve", CommandHelp{
		Use:   "[--listen :2222] [--host-key CHEMIN] [--http :8080 [--tls-cert F --tls-key F | --trust-proxy]]",
		Short: "Servir Rollcall par SSH (la console, chaque commande) et les pages des comptes par HTTP",
		Long: `Sert Rollcall par SSH. Un administrateur se connecte avec une clé ajoutée par « rollcall ssh-keys add »
et obtient sa propre console (ssh -p 2222 hôte), ou lance une commande (ssh -p 2222 hôte users list --json),
qui affiche sa sortie et se termine avec son code de retour. Les fichiers arrivent sur le serveur
dans la boîte de dépôt de chaque administrateur (sftp ou scp ; le sélecteur de fichiers de la
console d'import la montre). Les clés inconnues sont refusées. La clé d'hôte est une clé Ed25519
créée au premier démarrage (mode 0600) ; son empreinte est affichée au démarrage.
SIGTERM arrête d'accepter des connexions, laisse finir les commandes en cours et termine.

Avec --http, il sert aussi les pages que les personnes ouvrent depuis leur carte de connexion :
/activate (où mène le QR code de la carte), /login et /account, /reset. Les cartes des
établissements sans adresse d'activation à eux y renvoient. --http seul ne sert que ces pages ;
ajoutez --listen pour SSH aussi. Derrière un proxy inverse qui termine TLS, --trust-proxy tient
compte de ses en-têtes X-Forwarded-* (jamais sinon) ; ou donnez au serveur son propre certificat
avec --tls-cert et --tls-key.`,
	}, flagTexts{
		"grace":         "au SIGTERM, le temps laissé aux sessions ouvertes pour finir",
		"host-key":      "fichier de la clé d'hôte (par défaut : ssh_host_ed25519_key à côté de la base)",
		"http":          "servir aussi les pages des comptes (activation, connexion, réinitialisation) à cette adresse",
		"idle-timeout":  "fermer les connexions inactives depuis ce temps (0 : jamais)",
		"inbox":         "dossier des boîtes de dépôt des administrateurs, où arrivent les envois sftp et scp (par défaut : inbox à côté de la base)",
		"listen":        "adresse d'écoute",
		"password-auth": "accepter aussi le courriel et le mot de passe d'un administrateur (ralenti après des échecs)",
		"tls-cert":      "fichier du certificat (PEM) pour --http : servir en HTTPS",
		"tls-key":       "fichier de la clé privée (PEM) de --tls-cert",
		"trust-proxy":   "derrière un proxy inverse : tenir compte de ses X-Forwarded-For, -Proto et -Host",
	})
	b.add("ssh-keys", CommandHelp{Short: "Gérer les clés publiques SSH avec lesquelles vous vous connectez à « rollcall serve »"})
	b.add("ssh-keys add", CommandHelp{
		Use:   "[FICHIER|-]",
		Short: "Ajouter vos clés publiques SSH : d'un fichier .pub, de l'entrée standard (-) ou de --key",
	}, flagTexts{
		"dry-run": "vérifier les clés sans les ajouter",
		"json":    "afficher les clés ajoutées en JSON",
		"key":     "la clé publique elle-même (une ligne d'authorized_keys)",
	})
	b.add("ssh-keys list", CommandHelp{Short: "Lister vos clés SSH"}, flagTexts{"json": "afficher en JSON"})
	b.add("ssh-keys remove", CommandHelp{
		Use:   "EMPREINTE|COMMENTAIRE",
		Short: "Retirer l'une de vos clés SSH : elle ne peut plus se connecter",
	}, flagTexts{"dry-run": "vérifier sans retirer"})
	b.add("backup", CommandHelp{
		Use:   "FICHIER|-",
		Short: "Écrire une copie cohérente de la base, même pendant que Rollcall tourne",
		Long: `Écrit une copie cohérente de la base dans FICHIER, ou sur la sortie standard avec -, pendant que
Rollcall tourne. Quand « rollcall serve » tient la base, une sauvegarde sur la même machine est
demandée au serveur (par une socket à côté de la base, réservée au propriétaire du fichier). Par
SSH, ssh serveur backup - > FICHIER fonctionne pour un administrateur de chaque établissement de la base.`,
		Example: `  rollcall backup ~/rollcall-$(date +%F).db
  ssh -p 2222 serveur backup - > rollcall.db`,
	})
	b.add("migrate", CommandHelp{
		Use:   "--from BASE --to BASE [--org ID|UAI] [--dry-run] [--json]",
		Short: "Copier une base dans une autre (un fichier bbolt vers PostgreSQL et retour), entière ou un établissement, vérifiée",
		Long: `Copie chaque enregistrement d'une base dans une autre, vide : un fichier bbolt dans une base
PostgreSQL, ou l'inverse, tels quels (identifiants, mots de passe hachés, codes et sessions gardés
hachés). Avec --org, un établissement et ce qui lui appartient. La copie est ensuite relue : chaque
sorte d'enregistrement doit avoir le même nombre et la même somme de contrôle que la source, sinon la
commande échoue en nommant ce qui diffère (code 7). Une cible qui contient déjà exactement ces
enregistrements est laissée telle quelle (code 0) ; une qui contient autre chose est refusée (code 5).
Celle de --from et --to qui manque est --db ou $ROLLCALL_DB ; un mot de passe n'est jamais pris sur
la ligne de commande (~/.pgpass, $PGPASSWORD, ou l'URL entière dans $ROLLCALL_DB).`,
	}, flagTexts{
		"dry-run": "compter et vérifier ce qui serait copié, sans rien écrire",
		"from":    "la base à copier : un fichier bbolt ou une URL postgres:// (par défaut : --db)",
		"json":    "afficher le nombre et la somme de contrôle de chaque sorte d'enregistrement en JSON",
		"org":     "ne copier que cet établissement (son id ou son UAI) et ce qui lui appartient",
		"to":      "la base vide où copier : un fichier bbolt ou une URL postgres:// (par défaut : --db)",
	})
}
