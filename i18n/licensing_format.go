package i18n

import (
	"fmt"
	"strings"

	"rollcall/model"
)

// SubState says a subscription's state: "Next renewal: 30 Sep 2026", "Ends: …" or "Expired".
func (c *Catalog) SubState(st model.SubState) string {
	t := c.Licensing.Subs
	switch {
	case st.Kind == model.StateExpired:
		return t.Expired
	case st.Kind == model.StateEnds:
		return fmt.Sprintf(t.Ends, c.Date(st.Date))
	case st.Date.IsZero():
		return t.RenewsUnknown
	}
	return fmt.Sprintf(t.Renews, c.Date(st.Date))
}

// SubStateShort is SubState for a table's State column: "Renews 30 Sep 2027".
func (c *Catalog) SubStateShort(st model.SubState) string {
	if st.Kind != model.StateExpired && st.Kind != model.StateEnds && !st.Date.IsZero() {
		return fmt.Sprintf(c.Licensing.Subs.RenewsShort, c.Date(st.Date))
	}
	return c.SubState(st)
}

// ProductKeys lists up to n product keys with their seats, then how many more there are;
// "—" when there is none.
func (c *Catalog) ProductKeys(keys []model.ProductKey, n int) string {
	var parts []string
	for i, k := range keys {
		if i == n {
			parts = append(parts, c.Phrase(len(keys)-n, c.Licensing.Subs.MoreKeys))
			break
		}
		parts = append(parts, fmt.Sprintf(c.Licensing.Subs.KeySeats, k.Key, c.Count(k.Seats, c.Licensing.Seat)))
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, ", ")
}

// SeatCounts is what a change of seats did, for SeatSummary.
type SeatCounts struct {
	Added, Removed, Kept, Duplicates, Notified, Free int
	DryRun                                           bool
}

// SeatSummary says what a change of seats did: "3 seats added, 1 already there or repeated
// (ignored), 3 seats free"; a dry run says it would.
func (c *Catalog) SeatSummary(n SeatCounts) string {
	t, seat := c.Licensing.Seats, c.Licensing.Seat
	parts := []string{fmt.Sprintf(t.Added, c.Count(n.Added, seat))}
	if n.Removed > 0 {
		parts = append(parts, fmt.Sprintf(t.Removed, c.Count(n.Removed, seat)))
	}
	if n.Kept > 0 {
		parts = append(parts, fmt.Sprintf(t.Kept, c.Count(n.Kept, seat)))
	}
	if n.Duplicates > 0 {
		parts = append(parts, fmt.Sprintf(t.Duplicates, c.Int(n.Duplicates)))
	}
	if n.Notified > 0 {
		parts = append(parts, fmt.Sprintf(t.Notified, c.Int(n.Notified)))
	}
	parts = append(parts, fmt.Sprintf(t.Free, c.Count(n.Free, seat)))
	line := strings.Join(parts, ", ")
	if n.DryRun {
		return fmt.Sprintf(t.Would, line)
	}
	return line
}

// SeatSource says how a seat was added: "typed", "Google sync (ou:/Teachers)", …
func (c *Catalog) SeatSource(s model.Seat) string {
	t := c.Licensing.Seats
	switch s.Source {
	case model.SeatFile:
		return t.File
	case model.SeatRoster:
		return t.Roster
	case model.SeatSelection:
		return t.Selection
	case model.SeatGoogle:
		return t.Google + " (" + strings.TrimPrefix(s.Sync, "google:") + ")"
	case model.SeatMicrosoft:
		return t.Microsoft + " (" + strings.TrimPrefix(s.Sync, "microsoft:") + ")"
	}
	return t.Typed
}
