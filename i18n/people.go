package i18n

// PeopleTexts are the words of seats held by directory accounts, parents and their children,
// the school year's turn, duplicates and suspended accounts.
type PeopleTexts struct {
	// Holder heads the seat holders' column: an account's email or login, or an outside email.
	Holder string
	// ConfirmDetach asks before taking back a seat a sync gave (holder, the sync).
	ConfirmDetach string
	// SeatSynced refuses to take back a sync's seat by hand (holder, the sync).
	SeatSynced string
	// OtherSchool refuses a seat sync that names another school's people.
	OtherSchool string
	// KeyFull refuses seats on a product key that has too few (key, asked, free).
	KeyFull string
	// Licences heads a person's seats on their card and in `users show`; Licence is one
	// (product, key).
	Licences, Licence, LicenceNoKey string

	// Children and Parents head a person's family in `users show` and on cards.
	Children, Parents string
	// Linked and Unlinked say a link was made or undone (parent, child); LinkNotParent,
	// LinkSelf and LinkOtherSchool refuse one (login).
	Linked, Unlinked, LinkNotParent, LinkSelf, LinkOtherSchool string
	// LinkKey, LinkTitle (parent), LinkHint, LinkChild, LinkOrUnlink, LinkChoice and
	// UnlinkChoice are the console's link form.
	LinkKey, LinkTitle, LinkHint, LinkChild, LinkOrUnlink, LinkChoice, UnlinkChoice string
	// KeyTitle, AnyKey and KeyRoom (key, free seats) offer a product key for typed seats.
	KeyTitle, AnyKey, KeyRoom string
	// Ambiguous refuses a code several schools use (thing, code, the schools).
	Ambiguous string

	// RenewKey, RenewTitle (product), RenewHint and RenewCode are the renewal form; Renewed
	// says what a renewal did (product, new state, seats added); RenewDry says it would.
	RenewKey, RenewTitle, RenewHint, RenewCode, Renewed, RenewDry string
	// RenewalNotARenewal, RenewalNotAClaim, RenewalOtherOrder (order), RenewalEarlier refuse
	// a code.
	RenewalNotARenewal, RenewalNotAClaim, RenewalOtherOrder, RenewalEarlier string
}
