package model

import (
	"crypto/sha256"
	"time"
)

// ClaimKind says how a subscription was claimed.
type ClaimKind uint8

// The ways to claim a subscription.
const (
	ClaimNone       ClaimKind = iota // made some other way (the demo school)
	ClaimByCode                      // a vendor-signed claim code
	ClaimByDisplays                  // a number of displays and one serial
)

// String is the kind's name in --json output.
func (k ClaimKind) String() string {
	switch k {
	case ClaimByCode:
		return "code"
	case ClaimByDisplays:
		return "displays"
	}
	return ""
}

// Claim remembers that a code or serial was spent, so it is claimed once. It is filed under
// the hash of the normalized code or serial; the code itself is not kept.
type Claim struct {
	Hash           string
	Kind           ClaimKind
	SubscriptionID ID
	OrgID          ID
	OrgName        string // the organization's name when it claimed, in case it is renamed or gone
	ClaimedAt      time.Time
	ClaimedBy      ID
}

// ClaimHash is the key a claim is filed under: the SHA-256 of its kind and normalized text
// (the entitlement's signed bytes for a code, the normalized serial for displays).
func ClaimHash(kind ClaimKind, normalized string) string {
	return HashSecret(kind.String() + "\x00" + normalized)
}

// StateKind is where a subscription stands on a given day.
type StateKind uint8

// The states of a subscription.
const (
	StateRenews  StateKind = iota // renews on Date
	StateEnds                     // runs until Date, then ends
	StateExpired                  // ended on Date
)

// SubState is a subscription's state on a day, with the date that matters.
type SubState struct {
	Kind StateKind
	Date Date
}

// State says whether the subscription renews (and when next), ends (and when) or has expired.
// A renewing subscription whose renewal date passed is taken as renewed: its next renewal is
// the first one from today on, a term (whole years from start to first renewal, at least one)
// after the previous.
func (s *Subscription) State(today Date) SubState {
	switch {
	case !s.EndsOn.IsZero() && s.EndsOn.Before(today):
		return SubState{Kind: StateExpired, Date: s.EndsOn}
	case !s.EndsOn.IsZero():
		return SubState{Kind: StateEnds, Date: s.EndsOn}
	case s.RenewsOn.IsZero():
		return SubState{Kind: StateRenews} // no date known: renews, when unknown
	}
	next := s.RenewsOn
	years := max(1, s.RenewsOn.Year-s.StartsOn.Year)
	if s.StartsOn.IsZero() {
		years = 1
	}
	for n := 1; next.Before(today) && n < 1000; n++ {
		next = DateOf(s.RenewsOn.Time().AddDate(years*n, 0, 0))
	}
	return SubState{Kind: StateRenews, Date: next}
}

// StateOrder sorts subscriptions "by state": those that renew or end soonest first, then the
// expired ones, most recently ended first. It returns <0, 0 or >0 like cmp.Compare.
func StateOrder(a, b SubState) int {
	if (a.Kind == StateExpired) != (b.Kind == StateExpired) {
		if a.Kind == StateExpired {
			return 1
		}
		return -1
	}
	ad, bd := a.Date, b.Date
	if a.Kind == StateExpired {
		ad, bd = bd, ad // most recent first
	}
	switch {
	case ad == bd:
		return 0
	case ad.IsZero(): // an unknown date goes last
		return 1
	case bd.IsZero():
		return -1
	case ad.Before(bd):
		return -1
	}
	return 1
}

// DeriveProductKeys splits seats over n product keys (the first keys take the remainder) and
// names each key after seed, so the same entitlement always gives the same keys:
// "K7Q4-9ZMD-1XHC-TR2B".
func DeriveProductKeys(seed []byte, seats, n int) []ProductKey {
	if n < 1 || seats < 1 {
		return nil
	}
	n = min(n, seats)
	out := make([]ProductKey, n)
	for i := range out {
		h := sha256.Sum256(append(append([]byte("rollcall/product-key\x00"), seed...), byte(i>>8), byte(i)))
		syms := toSymbols(h[:10])[:16]
		key := make([]byte, 0, 19)
		for j, v := range syms {
			if j > 0 && j%4 == 0 {
				key = append(key, '-')
			}
			key = append(key, crockford[v])
		}
		out[i] = ProductKey{Key: string(key), Seats: seats / n}
		if i < seats%n {
			out[i].Seats++
		}
	}
	return out
}
