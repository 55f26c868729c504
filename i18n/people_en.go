package i18n

func peopleEN() PeopleTexts {
	return PeopleTexts{
		Holder:        "Holder",
		ConfirmDetach: "The seat of %s was given by a sync (%s), whose next run will give it back. Take it back anyway?",
		SeatSynced: "The seat of %s was given by a sync (%s): its next run would give it back. " +
			"Add --detach to take it back anyway.",
		OtherSchool:  "A seat sync only reaches the subscription's own school, and this one names people of another school. Nothing was changed.",
		KeyFull:      "Product key %s: %s asked for, %s free. Nothing was added.",
		Licences:     "Licences",
		Licence:      "%s (key %s)",
		LicenceNoKey: "%s",
	}
}
