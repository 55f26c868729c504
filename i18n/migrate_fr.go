package i18n

func migrateFR() MigrateTexts {
	return MigrateTexts{
		Copied:       "%s (%s) copiés de %s vers %s, puis la copie relue : chaque nombre et chaque somme de contrôle sont ceux de la source.",
		DryRun:       "Copierait %s de %s vers %s (essai : rien n’est écrit).",
		AlreadyThere: "%s contient déjà exactement ces %s : rien à copier.",
		Records:      Noun{One: "enregistrement", Many: "enregistrements"},
		Kinds:        Noun{One: "type", Many: "types"},
		Mismatch:     "La copie ne correspond pas à sa source : %s. Ne l’utilisez pas : recopiez dans une base vide.",
		NotEmpty:     "La base cible n’est pas vide et contient autre chose que la source : %s. Rien n’a été écrit : copiez dans une base vide.",
		Diff:         "%s (%s dans la source, %s dans la cible)",
		SameCount:    "%s (autant, au contenu différent)",
		PasswordInURL: "%s contient un mot de passe, que la liste des processus montre : mettez-le dans ~/.pgpass ou $PGPASSWORD, " +
			"ou l’URL entière dans $ROLLCALL_DB sans cette option",
		SameDatabase: "--from et --to désignent la même base",
		NoTarget:     "dites d’où et vers où copier : --from et --to (celle omise est --db ou $ROLLCALL_DB)",
		KindNames: map[string]string{
			"admins": "administrateurs", "organizations": "établissements", "classes": "classes", "groups": "groupes",
			"users": "utilisateurs", "subscriptions": "abonnements", "seats": "licences attribuées", "claims": "réclamations",
			"vendor_keys": "clés d’éditeurs", "invitations": "invitations", "codes": "codes à usage unique",
			"sessions": "sessions", "local_tokens": "connexions mémorisées", "person_sessions": "sessions sur les pages de compte", "imports": "imports",
			"import_undo": "données d’annulation des imports", "provenance": "provenance des champs",
			"campaigns": "campagnes d’e-mails", "campaign_recipients": "destinataires des campagnes",
			"ssh_keys": "clés SSH", "saved_filters": "filtres enregistrés", "audit": "entrées du journal",
			"settings": "réglages", "sequences": "séquences d’identifiants",
		},
	}
}
