package app

import (
	"context"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"rollcall/model"
)

// SubsSort is how the subscriptions list is ordered.
type SubsSort uint8

// The orders of the subscriptions list.
const (
	SubsByProduct SubsSort = iota // product, then organization
	SubsByState                   // renewing or ending soonest first, expired last
)

// SubsQuery picks and orders the subscriptions an admin sees.
type SubsQuery struct {
	OrgID model.ID // 0: every organization the admin administers
	Sort  SubsSort
}

// SubRow is one subscription with what the list shows about it.
type SubRow struct {
	Sub      model.Subscription
	OrgName  string
	Assigned int // seats given
	State    model.SubState
}

// Free is the number of seats still to give.
func (r SubRow) Free() int { return max(r.Sub.Seats-r.Assigned, 0) }

// SubsList is the subscriptions list and its banner.
type SubsList struct {
	Rows  []SubRow
	Today model.Date
	// Next is the subscription that renews soonest (Next.Sub.ID == 0 when none renews).
	Next SubRow
}

// ListSubscriptions returns the subscriptions of the admin's organizations (or of one), with
// their seats given and their state today, and the next renewal for the banner.
func (s *Session) ListSubscriptions(ctx context.Context, q SubsQuery) (_ SubsList, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.listSubscriptions(ctx, admin, q)
}

func (a *App) listSubscriptions(ctx context.Context, admin model.Admin, q SubsQuery) (SubsList, error) {
	out := SubsList{Today: model.DateOf(a.now())}
	if q.OrgID != 0 && !adminOf(admin, q.OrgID) {
		return out, notFound(model.ThingOrganization, q.OrgID) // rather than an empty list that looks like an answer
	}
	subs, err := a.store.ListSubscriptions(ctx)
	if err != nil {
		return out, err
	}
	counts, err := a.store.CountSeats(ctx)
	if err != nil {
		return out, err
	}
	names, err := a.orgNames(ctx)
	if err != nil {
		return out, err
	}
	for _, s := range subs {
		if !adminOf(admin, s.OrgID) || (q.OrgID != 0 && s.OrgID != q.OrgID) {
			continue
		}
		row := SubRow{Sub: s, OrgName: names[s.OrgID], Assigned: counts[s.ID], State: s.State(out.Today)}
		out.Rows = append(out.Rows, row)
		if row.State.Kind == model.StateRenews && !row.State.Date.IsZero() &&
			(out.Next.Sub.ID == 0 || row.State.Date.Before(out.Next.State.Date)) {
			out.Next = row
		}
	}
	sortSubs(out.Rows, q.Sort)
	return out, nil
}

func sortSubs(rows []SubRow, by SubsSort) {
	col := collate.New(language.French, collate.Numeric, collate.IgnoreCase)
	slices.SortStableFunc(rows, func(x, y SubRow) int {
		if by == SubsByState {
			if c := model.StateOrder(x.State, y.State); c != 0 {
				return c
			}
		}
		if c := col.CompareString(x.Sub.Product, y.Sub.Product); c != 0 {
			return c
		}
		return col.CompareString(x.OrgName, y.OrgName)
	})
}

func (a *App) orgNames(ctx context.Context) (map[model.ID]string, error) {
	orgs, err := a.store.ListOrgs(ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[model.ID]string, len(orgs))
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	return names, nil
}

// Subscription returns one subscription of the admin's organizations as the list shows it
// (storage.ErrNotFound for another's).
func (s *Session) Subscription(ctx context.Context, id model.ID) (_ SubRow, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.subscription(ctx, admin, id)
}

func (a *App) subscription(ctx context.Context, admin model.Admin, id model.ID) (SubRow, error) {
	s, err := a.visibleSub(ctx, admin, id)
	if err != nil {
		return SubRow{}, err
	}
	seats, err := a.store.Seats(ctx, id)
	if err != nil {
		return SubRow{}, err
	}
	row := SubRow{Sub: s, Assigned: len(seats), State: s.State(model.DateOf(a.now()))}
	if o, err := a.store.Org(ctx, s.OrgID); err == nil {
		row.OrgName = o.Name
	}
	return row, nil
}

// visibleSub returns a subscription of one of the admin's organizations.
func (a *App) visibleSub(ctx context.Context, admin model.Admin, id model.ID) (model.Subscription, error) {
	s, err := a.store.Subscription(ctx, id)
	if err != nil {
		return s, orNotFound(err, model.ThingSubscription, id)
	}
	if !adminOf(admin, s.OrgID) {
		return model.Subscription{}, notFound(model.ThingSubscription, id)
	}
	return s, nil
}
