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
		Ambiguous:    "%s %s is in several schools (%s): say which with --org.",
		Children:     "Children", Parents: "Parents",
		Linked: "%s is now linked to their child %s.", Unlinked: "%s is no longer linked to %s.",
		LinkNotParent: "%s is not a parent: only a parent is linked to children.", LinkSelf: "%s cannot be their own child.",
		LinkOtherSchool: "%s is in another school than the parent.",
		LinkKey:         "link a child", LinkTitle: "A child of %s", LinkHint: "The child's login.", LinkChild: "Child's login",
		LinkOrUnlink: "Link or unlink?", LinkChoice: "Link", UnlinkChoice: "Unlink",
		KeyTitle: "Product key", AnyKey: "The first with room", KeyRoom: "%s (%s free)",
		RenewKey: "renew", RenewTitle: "Renewal code for %s", RenewCode: "Renewal code",
		RenewHint: "The code (or link) from the vendor's renewal email.",
		Renewed:   "%s renewed: %s, %s added.", RenewDry: "Would renew %s: %s, %s added. Nothing was changed.",
		RenewalNotARenewal: "This is a claim code, not a renewal code: claim it with rollcall subs claim.",
		RenewalNotAClaim:   "This is a renewal code: renew its subscription with rollcall subs renew.",
		RenewalOtherOrder:  "This renewal code is for order %s of another subscription (or another vendor or product).",
		RenewalEarlier:     "This renewal code does not move the subscription's date later: it was already renewed further.",
	}
}
