package i18n

// LicensingTexts are the words of subscriptions and seats: the Subscriptions screen, the claim
// wizard, the seats screen, the CLI's sentences, and the refusals of codes, serials and files.
type LicensingTexts struct {
	Subs   SubsTexts
	Claim  ClaimTexts
	Seats  SeatsTexts
	Sync   SyncTexts
	Vendor VendorTexts
	Refuse RefusalTexts
	Notice NoticeTexts
	Keys   LicensingKeyTexts
	Seat   Noun // "seat", "seats"
}

// SubsTexts are the Subscriptions list.
type SubsTexts struct {
	Title, Product, Organization, ProductKeys, Assigned, State       string
	Renews, RenewsUnknown, Ends, Expired, AllOrgs, Banner, NoRenewal string
	// RenewsShort is Renews in a table, whose column header already says "State".
	RenewsShort                                                               string
	Empty, SortState, SortProduct, ShowingOrg                                 string
	MoreKeys                                                                  Noun // "+%s more" product keys
	Vendor, Order, Claimed, Displays, Serial, Term, Location, KeySeats, Seats string
}

// ClaimTexts are the claim wizard and the claim's report.
type ClaimTexts struct {
	Title, Method, MethodCode, MethodDisplays, Code, CodeHint, Displays, DisplaysHint     string
	Serial, SerialHint, Vendor, VendorHint, Location, Org, NewOrg, NewOrgName, NewOrgCity string
	NewOrgCountry, Review, Submit, Edit, EditWhat, EditCode, EditVendor, EditOrg, Cancel  string
	Checking, Claiming, Claimed, DryRun, NotANumber, NewTag, Again                        string
}

// SeatsTexts are the seats screen and the seats commands.
type SeatsTexts struct {
	Title, Summary, Email, HowAdded, When, By, Empty, Demo                string
	Typed, File, Roster, Selection, Google, Microsoft                     string
	AddTyped, Import, Sync, RemoveOne, RemoveHand                         string
	EmailsTitle, EmailsHint, FileTitle, FileHint, Notify                  string
	ConfirmRemoveOne, ConfirmRemoveHand, NothingByHand, NoMailer          string
	Added, Duplicates, Removed, Kept, Free, Notified, NotifyFailed, Would string
}

// SyncTexts are the choices and progress of a seat sync.
type SyncTexts struct {
	Choose, Roster, Class, Group, Profile, GoogleOU, GoogleGroup, Microsoft string
	OrgUnit, OrgUnitHint, GroupEmail, GroupID, NotConfigured, Pick          string
	Reading, Writing, CancelHint                                            string
}

// VendorTexts are the vendor commands' sentences.
type VendorTexts struct {
	Trusted, AlreadyTrusted, KeyWritten, Shipped, Added, Demo string
	Untrusted                                                 string
	KeyFile, KeyFileHint                                      string
	DemoCodes, DemoSerials                                    string
}

// RefusalTexts say why a code, a serial, a file or a sync was refused.
type RefusalTexts struct {
	Empty, BadCharacter, Mistyped, Malformed, Version, UnknownVendor, Forged, Expired                    string
	SerialUnknown, SerialCheckDigit, SerialMalformed, DisplaysCount                                      string
	AlreadyClaimed, SeatLimit, InvalidEmails, FileErrors, FileLine, AndMore                              string
	SubscriptionEnded                                                                                    string
	LineNotEmail, LineSpace, LineComma, LineQuote, LineTooLong, LineEncoding                             string
	FileTooBig, KeyFile, KeyFileUnnamed, DemoKey                                                         string
	BuiltInKey                                                                                           string
	KeyUnknownLine, KeyBadVendor, KeyBadKey, KeyPrivate, KeyMissingKey, KeyMissingVendor, KeyLineTooLong string
	DirNotConfigured, DirUnauthorized, DirNoSuchGroup, DirBadAnswer                                      string
}

// NoticeTexts are the email telling someone their seat is ready.
type NoticeTexts struct {
	Subject, Body string
}

// LicensingKeyTexts describe the keys of the subscriptions and seats screens.
type LicensingKeyTexts struct {
	Claim, Open, Org, Sort, Add, Import, Sync, Remove, RemoveHand, Cancel, Vendor string
}
