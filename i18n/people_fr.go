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
	}
}
