package model

import (
	"slices"
	"strconv"
	"time"
)

// SeatSource says how a seat was given.
type SeatSource uint8

// The ways seats are given. Typed and file seats are "by hand": no sync ever removes them.
const (
	SeatTyped     SeatSource = iota // emails typed by an admin
	SeatFile                        // a CSV file of emails
	SeatRoster                      // a sync from the imported roster (teachers of an organization)
	SeatSelection                   // a sync from a selection of the directory
	SeatGoogle                      // a sync from Google Workspace
	SeatMicrosoft                   // a sync from Microsoft 365
)

// String is the source's name in --json output and files.
func (s SeatSource) String() string {
	switch s {
	case SeatTyped:
		return "typed"
	case SeatFile:
		return "file"
	case SeatRoster:
		return "roster"
	case SeatSelection:
		return "selection"
	case SeatGoogle:
		return "google"
	case SeatMicrosoft:
		return "microsoft"
	}
	return "unknown"
}

// SeatSources lists every source, in the order the UI shows them.
func SeatSources() []SeatSource {
	return []SeatSource{SeatTyped, SeatFile, SeatRoster, SeatSelection, SeatGoogle, SeatMicrosoft}
}

// ByHand reports whether seats of this source were given by hand (typed or from a file).
func (s SeatSource) ByHand() bool { return s == SeatTyped || s == SeatFile }

// MarshalText writes the source's name.
func (s SeatSource) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a source's name.
func (s *SeatSource) UnmarshalText(b []byte) error {
	for _, src := range SeatSources() {
		if src.String() == string(b) {
			*s = src
			return nil
		}
	}
	return &ValidationError{Field: "seat_source", Rule: RuleUnknownValue, Value: string(b)}
}

// Seat gives one person the use of a subscription: a directory account (any profile, with or
// without an email) or an email from outside the directory.
type Seat struct {
	ID             ID
	SubscriptionID ID
	UserID         ID     // the directory account holding it; 0 for an email from outside
	Email          string // normalized; a directory account's email when the seat was given, maybe ""
	Login          string // a directory account's login, refreshed when the seats are listed
	Key            string // the product key the seat uses; "" when the subscription has none free
	Source         SeatSource
	Sync           string // the sync that added it (SyncSource.Key); empty when added by hand
	AddedBy        ID     // the admin who added it, or who ran the sync
	AddedAt        time.Time
}

// SeatHolder is who a seat is for: a directory account (UserID set; Email and Login as it has
// them) or an email from outside the directory.
type SeatHolder struct {
	UserID ID
	Email  string
	Login  string
}

// Holder is the seat's holder.
func (s *Seat) Holder() SeatHolder {
	return SeatHolder{UserID: s.UserID, Email: s.Email, Login: s.Login}
}

// Label names the holder in lists and logs: the email, else the login.
func (h SeatHolder) Label() string {
	if h.Email != "" {
		return h.Email
	}
	return h.Login
}

// Label names the seat's holder: the email, else the login.
func (s *Seat) Label() string { return s.Holder().Label() }

// ByHand reports whether the seat was given by hand: no sync manages it.
func (s *Seat) ByHand() bool { return s.Sync == "" }

// seatRef identifies a holder for comparisons: an account by id; an email by the account it
// belongs to when alias knows one (a seat typed for a person later imported), else by itself.
func seatRef(userID ID, email string, alias map[string]ID) string {
	if userID == 0 && alias != nil {
		userID = alias[email]
	}
	if userID != 0 {
		return "u" + strconv.FormatUint(uint64(userID), 10)
	}
	return "e" + email
}

func (h SeatHolder) ref(alias map[string]ID) string { return seatRef(h.UserID, h.Email, alias) }

// SeatAddPlan is what adding a list of holders would do.
type SeatAddPlan struct {
	Add        []Seat // new seats (holder and product key), in the order given
	Duplicates int    // holders given twice, or that already have a seat
	Free       int    // free seats before adding
}

// CheckSeatsOpen refuses new seats on a subscription that has ended by today
// (*SubscriptionEndedError).
func (s *Subscription) CheckSeatsOpen(today Date) error {
	if st := s.State(today); st.Kind == StateExpired {
		return &SubscriptionEndedError{EndedOn: st.Date}
	}
	return nil
}

// PlanSeatAdd decides which holders get a new seat on sub, which has current: duplicates are
// skipped and counted, and when the new ones do not fit, none is added (a *SeatLimitError says
// how many are free). Each new seat takes a product key with room, or key when given (an
// unknown key is a *ValidationError; a full one a *SeatLimitError naming it). alias maps an
// email to the directory account that has it, so an email seat and its account are one holder.
func PlanSeatAdd(sub *Subscription, current []Seat, want []SeatHolder, key string, alias map[string]ID) (SeatAddPlan, error) {
	have := make(map[string]bool, len(current)+len(want))
	for _, s := range current {
		have[seatRef(s.UserID, s.Email, alias)] = true
	}
	p := SeatAddPlan{Free: max(sub.Seats-len(current), 0)}
	var add []SeatHolder
	for _, h := range want {
		r := h.ref(alias)
		if have[r] {
			p.Duplicates++
			continue
		}
		have[r] = true
		add = append(add, h)
	}
	seats, err := allocateSeats(sub, current, add, key)
	p.Add = seats
	return p, err
}

// allocateSeats gives each holder a seat with a product key that has room (key only, when
// set), refusing them all when they do not fit.
func allocateSeats(sub *Subscription, current []Seat, add []SeatHolder, key string) ([]Seat, error) {
	rooms := SeatRooms(sub, current)
	free := max(sub.Seats-len(current), 0)
	if key != "" {
		i := slices.IndexFunc(rooms, func(r KeyRoom) bool { return r.Key == key })
		if i < 0 {
			return nil, &ValidationError{Field: "key", Rule: RuleUnknownValue, Value: key}
		}
		rooms = rooms[i : i+1]
		free = min(free, rooms[0].Free)
	}
	if len(add) > free {
		return nil, &SeatLimitError{Requested: len(add), Free: free, Key: key}
	}
	out := make([]Seat, 0, len(add))
	r := 0
	for _, h := range add {
		for r < len(rooms)-1 && rooms[r].Free <= 0 {
			r++
		}
		s := Seat{UserID: h.UserID, Email: h.Email, Login: h.Login}
		if len(rooms) > 0 && rooms[r].Free > 0 {
			s.Key = rooms[r].Key
			rooms[r].Free--
		}
		out = append(out, s)
	}
	return out, nil
}

// KeyRoom is one product key of a subscription and its free seats. The seats a subscription
// has beyond its keys' (added by a renewal without keys) form a last room with Key "".
type KeyRoom struct {
	Key         string
	Seats, Free int
}

// SeatRooms counts the free seats of each product key of sub, given its current seats. A seat
// that records no key (or a key the subscription no longer has) uses the keyless room.
func SeatRooms(sub *Subscription, current []Seat) []KeyRoom {
	rooms := make([]KeyRoom, 0, len(sub.Keys)+1)
	inKeys := 0
	for _, k := range sub.Keys {
		rooms = append(rooms, KeyRoom{Key: k.Key, Seats: k.Seats, Free: k.Seats})
		inKeys += k.Seats
	}
	if rest := sub.Seats - inKeys; rest > 0 || len(rooms) == 0 {
		rooms = append(rooms, KeyRoom{Seats: max(rest, 0), Free: max(rest, 0)})
	}
	for _, s := range current {
		i := slices.IndexFunc(rooms, func(r KeyRoom) bool { return r.Key == s.Key })
		if i < 0 {
			i = len(rooms) - 1
		}
		rooms[i].Free--
	}
	return rooms
}

// AssignSeatKeys gives a product key to the seats of sub that record none, in order, as new
// seats would get them: seats stored before keys were recorded.
func AssignSeatKeys(sub *Subscription, seats []Seat) []Seat {
	var keyed []Seat
	var bare []int
	for i, s := range seats {
		if s.Key == "" {
			bare = append(bare, i)
			continue
		}
		keyed = append(keyed, s)
	}
	rooms := SeatRooms(sub, keyed)
	r := 0
	for _, i := range bare {
		for r < len(rooms) && (rooms[r].Free <= 0 || rooms[r].Key == "") {
			r++
		}
		if r == len(rooms) {
			break
		}
		seats[i].Key = rooms[r].Key
		rooms[r].Free--
	}
	return seats
}

// SeatSyncPlan is what one sync would do.
type SeatSyncPlan struct {
	Add        []Seat // holders of the source without a seat, with their product keys
	Remove     []Seat // seats this same sync added whose holder left the source
	Kept       int    // seats of this sync still in the source
	Duplicates int    // holders the source lists twice, or that hold a seat given another way
	Free       int    // free seats once Remove is done
}

// PlanSeatSync compares the holders a source lists now with the seats: it adds the missing,
// removes the seats that the sync named key added and whose holder is gone, and never touches
// seats given another way (by hand, or by another sync). When the new seats do not fit the free
// ones, nothing is done (a *SeatLimitError). alias is as for PlanSeatAdd.
func PlanSeatSync(sub *Subscription, current []Seat, key string, want []SeatHolder, alias map[string]ID) (SeatSyncPlan, error) {
	wanted := make(map[string]bool, len(want))
	var p SeatSyncPlan
	for _, h := range want {
		r := h.ref(alias)
		if wanted[r] {
			p.Duplicates++
		}
		wanted[r] = true
	}
	held := make(map[string]bool, len(current))
	var staying []Seat
	for _, s := range current {
		r := seatRef(s.UserID, s.Email, alias)
		switch {
		case s.Sync == key && !wanted[r]:
			p.Remove = append(p.Remove, s)
			continue
		case s.Sync == key:
			p.Kept++
		case wanted[r]:
			p.Duplicates++
		}
		held[r] = true
		staying = append(staying, s)
	}
	var add []SeatHolder
	for _, h := range want {
		if r := h.ref(alias); !held[r] {
			held[r] = true
			add = append(add, h)
		}
	}
	p.Free = max(sub.Seats-len(staying), 0)
	seats, err := allocateSeats(sub, staying, add, "")
	if err != nil {
		return p, err
	}
	p.Add = seats
	return p, nil
}
