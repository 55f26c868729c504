package model

import "time"

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

// Seat gives one person (by email) the use of a subscription.
type Seat struct {
	ID             ID
	SubscriptionID ID
	Email          string // normalized
	Source         SeatSource
	Sync           string // the sync that added it (SyncSource.Key); empty when added by hand
	AddedBy        ID     // the admin who added it, or who ran the sync
	AddedAt        time.Time
}

// SeatAddPlan is what adding a list of emails would do.
type SeatAddPlan struct {
	Add        []string // new emails, in the order given
	Duplicates int      // emails given twice, or that already have a seat
	Free       int      // free seats before adding
}

// CheckSeatsOpen refuses new seats on a subscription that has ended by today
// (*SubscriptionEndedError).
func (s *Subscription) CheckSeatsOpen(today Date) error {
	if st := s.State(today); st.Kind == StateExpired {
		return &SubscriptionEndedError{EndedOn: st.Date}
	}
	return nil
}

// PlanSeatAdd decides which of emails (normalized already) get a new seat on a subscription of
// total seats that has current: duplicates are skipped and counted, and when the new ones do
// not fit, none is added (a *SeatLimitError says how many are free).
func PlanSeatAdd(total int, current []Seat, emails []string) (SeatAddPlan, error) {
	have := make(map[string]bool, len(current)+len(emails))
	for _, s := range current {
		have[s.Email] = true
	}
	p := SeatAddPlan{Free: max(total-len(current), 0)}
	for _, e := range emails {
		if have[e] {
			p.Duplicates++
			continue
		}
		have[e] = true
		p.Add = append(p.Add, e)
	}
	if len(p.Add) > p.Free {
		return p, &SeatLimitError{Requested: len(p.Add), Free: p.Free}
	}
	return p, nil
}

// SeatSyncPlan is what one sync would do.
type SeatSyncPlan struct {
	Add        []string // emails of the source without a seat
	Remove     []Seat   // seats this same sync added whose email left the source
	Kept       int      // seats of this sync still in the source
	Duplicates int      // emails the source lists twice, or that hold a seat given another way
	Free       int      // free seats once Remove is done
}

// PlanSeatSync compares the emails a source lists now (normalized) with the seats: it adds the
// missing, removes the seats that the sync named key added and whose email is gone, and never
// touches seats given another way (by hand, or by another sync). When the new seats do not fit
// the free ones, nothing is done (a *SeatLimitError).
func PlanSeatSync(total int, current []Seat, key string, want []string) (SeatSyncPlan, error) {
	wanted := make(map[string]bool, len(want))
	var p SeatSyncPlan
	for _, e := range want {
		if wanted[e] {
			p.Duplicates++
		}
		wanted[e] = true
	}
	held := make(map[string]bool, len(current))
	for _, s := range current {
		switch {
		case s.Sync == key && !wanted[s.Email]:
			p.Remove = append(p.Remove, s)
			continue
		case s.Sync == key:
			p.Kept++
		case wanted[s.Email]:
			p.Duplicates++
		}
		held[s.Email] = true
	}
	for _, e := range want {
		if !held[e] {
			held[e] = true
			p.Add = append(p.Add, e)
		}
	}
	p.Free = max(total-(len(current)-len(p.Remove)), 0)
	if len(p.Add) > p.Free {
		return p, &SeatLimitError{Requested: len(p.Add), Free: p.Free}
	}
	return p, nil
}
