package i18n

func peopleFR() PeopleTexts {
	return PeopleTexts{
		Holder:        "Titulaire",
		ConfirmDetach: "La licence de %s a été attribuée par une synchronisation (%s), qui la redonnera à sa prochaine exécution. La retirer quand même ?",
		SeatSynced: "La licence de %s a été attribuée par une synchronisation (%s) : sa prochaine exécution la redonnerait. " +
			"Ajoutez --detach pour la retirer quand même.",
		OtherSchool:  "Une synchronisation de licences n'atteint que l'établissement de l'abonnement, et celle-ci désigne des personnes d'un autre établissement. Rien n'a été modifié.",
		KeyFull:      "Clé de produit %s : demandées : %s ; libres : %s. Rien n'a été ajouté.",
		Licences:     "Licences",
		Licence:      "%s (clé %s)",
		LicenceNoKey: "%s",
		Ambiguous:    "%s %s existe dans plusieurs établissements (%s) : précisez lequel avec --org.",
		Children:     "Enfants", Parents: "Parents",
		Linked: "%s est maintenant lié à son enfant %s.", Unlinked: "%s n'est plus lié à %s.",
		LinkNotParent: "%s n'est pas un parent : seul un parent est lié à des enfants.", LinkSelf: "%s ne peut pas être son propre enfant.",
		LinkOtherSchool: "%s est dans un autre établissement que le parent.",
		LinkKey:         "lier un enfant", LinkTitle: "Un enfant de %s", LinkHint: "L'identifiant de l'enfant.", LinkChild: "Identifiant de l'enfant",
		LinkOrUnlink: "Lier ou délier ?", LinkChoice: "Lier", UnlinkChoice: "Délier",
		KeyTitle: "Clé de produit", AnyKey: "La première qui a de la place", KeyRoom: "%s (libres : %s)",
		RenewKey: "renouveler", RenewTitle: "Code de renouvellement de %s", RenewCode: "Code de renouvellement",
		RenewHint: "Le code (ou le lien) du courriel de renouvellement du fournisseur.",
		Renewed:   "%s renouvelé : %s, %s en plus.", RenewDry: "%s serait renouvelé : %s, %s en plus. Rien n'a été modifié.",
		RenewalNotARenewal: "Ceci est un code d'activation d'abonnement, pas un code de renouvellement : réclamez-le avec rollcall subs claim.",
		RenewalNotAClaim:   "Ceci est un code de renouvellement : renouvelez son abonnement avec rollcall subs renew.",
		RenewalOtherOrder:  "Ce code de renouvellement concerne la commande %s d'un autre abonnement (ou un autre fournisseur ou produit).",
		RenewalEarlier:     "Ce code de renouvellement ne repousse pas la date de l'abonnement : il a déjà été renouvelé plus loin.",
	}
}
