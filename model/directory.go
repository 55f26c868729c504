package model

import "time"

// Organization is a school, or a group of schools, that subscriptions and users belong to.
type Organization struct {
	ID         ID
	Name       string
	City       string
	Country    string
	Code       string // the school's official identifier where known (UAI in France)
	Source     string
	ExternalID string
	CreatedAt  time.Time
}

// Class is a teaching class ("3e A"). Its code is unique within its organization.
type Class struct {
	ID         ID
	OrgID      ID
	Code       string
	Name       string
	Level      string
	Source     string
	ExternalID string
	CreatedAt  time.Time
	// ArchivedYear is the school year a year's turn archived the class at ("" while in use):
	// it keeps its members' history readable and takes no new members.
	ArchivedYear string `json:",omitempty"`
}

// Archived reports whether a year's turn took the class out of use.
func (c *Class) Archived() bool { return c.ArchivedYear != "" }

// Group is a set of users other than a class (an option, a club, a team).
type Group struct {
	ID         ID
	OrgID      ID
	Code       string
	Name       string
	Source     string
	ExternalID string
	CreatedAt  time.Time
}

// Field identifies one editable field of a user, for protection and provenance.
type Field uint16

// The fields of a user that imports and hand edits touch.
const (
	FieldLastName Field = 1 << iota
	FieldFirstName
	FieldEmail
	FieldBirthDate
	FieldClasses
	FieldGroups
	FieldProfile
	FieldLogin
	FieldChildren
	FieldLanguage
	FieldFunctions
	FieldSubjects
)

// FieldSet is a set of Fields.
type FieldSet uint16

// Has reports whether f is in the set.
func (s FieldSet) Has(f Field) bool { return s&FieldSet(f) != 0 }

// With returns the set plus f.
func (s FieldSet) With(f Field) FieldSet { return s | FieldSet(f) }

// User is a person in a school's directory: a student, teacher, parent, staff member or guest.
type User struct {
	ID        ID
	OrgID     ID
	Profile   Profile
	LastName  string
	FirstName string
	Login     string
	Email     string
	BirthDate Date
	Language  Language // empty: use the admin's
	ClassIDs  []ID
	GroupIDs  []ID
	ChildIDs  []ID // for parents: their children
	// Functions are a staff member's functions as the académie's feed or STS-Web writes them,
	// family first: "DIR$DIRECTION$D0011$CHEF D'ETABLISSEMENT ADJOINT", "ENS".
	Functions      []string
	Subjects       []string // what a teacher teaches, as labels ("ANGLAIS LV1")
	Source         string
	ExternalID     string
	LocalAdmin     bool
	ActivationCode string    // printed on the login card; cleared once activated
	ActivatedAt    time.Time // zero: not activated
	PasswordHash   string
	CreatedAt      time.Time
	UpdatedAt      time.Time
	PendingSince   time.Time // zero: not pending deletion
	SuspendedAt    time.Time // zero: not suspended (a suspended account keeps its data, gets no card and cannot sign in)
	ByHand         FieldSet  // fields set by hand in Rollcall: imports leave them alone
	CreatedByHand  bool
	// History is what the person left at each year's turn, oldest first.
	History []YearRecord
}

// Activated reports whether the account's owner has used the activation code.
func (u *User) Activated() bool { return !u.ActivatedAt.IsZero() }

// PendingDeletion reports whether the user is marked for deletion.
func (u *User) PendingDeletion() bool { return !u.PendingSince.IsZero() }

// Suspended reports whether the account is suspended.
func (u *User) Suspended() bool { return !u.SuspendedAt.IsZero() }

// FullName is "First Last" for display.
func (u *User) FullName() string {
	switch {
	case u.FirstName == "":
		return u.LastName
	case u.LastName == "":
		return u.FirstName
	}
	return u.FirstName + " " + u.LastName
}

// Subscription is a software entitlement claimed by an organization.
type Subscription struct {
	ID          ID
	OrgID       ID
	Product     string
	Vendor      string
	OrderNumber string
	Seats       int
	StartsOn    Date
	RenewsOn    Date // zero when the subscription ends instead of renewing
	EndsOn      Date // zero when it renews
	Keys        []ProductKey
	ClaimedBy   ID
	ClaimedAt   time.Time
	ClaimRef    string // the code or serial it was claimed with (hashed for codes)

	VendorLocation string    // where the vendor or reseller is, as the admin typed it
	VendorKeyID    string    // the key that signed the claim code (KeyID)
	ClaimKind      ClaimKind // by code or by displays; zero for subscriptions made otherwise
	Displays       int       // ClaimByDisplays: how many displays were bought
	Serial         string    // ClaimByDisplays: the serial typed, formatted
}

// ProductKey is a licence key carried by a subscription, with the seats it activates.
type ProductKey struct {
	Key   string
	Seats int
}

// Expired reports whether the subscription has ended at `today`: its end date is its last day.
// A subscription that renews never expires.
func (s *Subscription) Expired(today Date) bool {
	return !s.EndsOn.IsZero() && s.EndsOn.Before(today)
}
