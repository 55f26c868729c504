package app

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"rollcall/dirsync"
	"rollcall/model"
	"rollcall/storage"
)

// SyncSource says where a seat sync reads the emails that should hold seats.
type SyncSource struct {
	Kind model.SeatSource // SeatRoster, SeatSelection, SeatGoogle or SeatMicrosoft

	OrgID        model.ID        // roster: the organization whose teachers get seats
	ImportSource string          // roster: only users of this import source ("oneroster"); "" all
	Selection    model.Selection // selection: the users picked in the directory
	OrgUnit      string          // google: an organizational unit ("/Teachers"), or
	Group        string          // google: a group's email; microsoft: a group's id
}

// Key names the sync: its seats carry it, so the next run of the same sync knows them and
// leaves every other seat alone.
func (s SyncSource) Key() string {
	switch s.Kind {
	case model.SeatRoster:
		k := fmt.Sprintf("roster:org=%d:teachers", s.OrgID)
		if s.ImportSource != "" {
			k += ":source=" + s.ImportSource
		}
		return k
	case model.SeatSelection:
		sel := s.Selection // sorted copies: the caller's slices stay as they are
		sel.ClassIDs = slices.Sorted(slices.Values(sel.ClassIDs))
		sel.GroupIDs = slices.Sorted(slices.Values(sel.GroupIDs))
		sel.OrgIDs = slices.Sorted(slices.Values(sel.OrgIDs))
		sel.Profiles = slices.Sorted(slices.Values(sel.Profiles))
		sel.Sort = model.SortByName // the order does not change who is picked
		raw, _ := json.Marshal(sel)
		return "selection:" + string(raw)
	case model.SeatGoogle:
		if s.OrgUnit != "" {
			return "google:ou:" + s.OrgUnit
		}
		return "google:group:" + strings.ToLower(s.Group)
	case model.SeatMicrosoft:
		return "microsoft:group:" + s.Group
	}
	return ""
}

// SyncStage is where a running sync is.
type SyncStage uint8

// The stages of a sync.
const (
	SyncReading SyncStage = iota // listing the source
	SyncWriting                  // comparing and writing the seats
)

// SyncProgress reports a running sync: its stage and how many people were read.
type SyncProgress struct {
	Stage SyncStage
	Read  int
}

// SyncSeats gives seats to everyone the source lists and takes back the seats this same sync
// gave to people it no longer lists; seats given by hand or by another sync are never touched.
// When the new seats do not fit, nothing changes (*model.SeatLimitError). Cancelling ctx stops
// it before anything is written.
func (a *App) SyncSeats(ctx context.Context, admin model.Admin, subID model.ID, src SyncSource, opts SeatOptions, progress func(SyncProgress)) (SeatResult, error) {
	if _, err := a.visibleSub(ctx, admin, subID); err != nil {
		return SeatResult{}, err
	}
	if progress == nil {
		progress = func(SyncProgress) {}
	}
	progress(SyncProgress{Stage: SyncReading})
	want, noEmail, err := a.syncEmails(ctx, admin, src, func(n int) { progress(SyncProgress{Stage: SyncReading, Read: n}) })
	if err != nil {
		return SeatResult{}, err
	}
	if err := ctx.Err(); err != nil {
		return SeatResult{}, err
	}
	progress(SyncProgress{Stage: SyncWriting, Read: len(want)})
	res := SeatResult{Read: len(want), NoEmail: noEmail}
	key, now := src.Key(), a.now()
	plan := func(sub model.Subscription, current []model.Seat) (storage.SeatWrite, error) {
		p, err := model.PlanSeatSync(sub.Seats, current, key, want)
		res.Duplicates, res.Kept, res.Free, res.Removed = p.Duplicates, p.Kept, p.Free-len(p.Add), p.Remove
		if len(p.Add) > 0 { // an ended subscription still loses seats, but says so before any count
			if ended := sub.CheckSeatsOpen(model.DateOf(now)); ended != nil {
				err = ended
			}
		}
		if err != nil {
			return storage.SeatWrite{}, err
		}
		w := storage.SeatWrite{}
		var gone []string
		for _, s := range p.Remove {
			w.Remove = append(w.Remove, s.ID)
			gone = append(gone, s.Email)
		}
		for _, e := range p.Add {
			w.Add = append(w.Add, model.Seat{SubscriptionID: sub.ID, Email: e, Source: src.Kind, Sync: key, AddedBy: admin.ID, AddedAt: now})
		}
		if len(w.Add)+len(w.Remove) > 0 {
			w.Audit = &model.AuditEvent{At: now, AdminID: admin.ID, Action: model.AuditSeatsSync, OrgID: sub.OrgID,
				SubjectID: sub.ID, Detail: seatDetail(key, p.Add, gone)}
		}
		return w, nil
	}
	w, err := a.changeSeats(ctx, subID, plan, opts.DryRun)
	if err != nil {
		return res, err
	}
	res.Added = w.Add
	return a.notify(ctx, admin, subID, res, opts), nil
}

// syncEmails lists the source's emails (normalized) and, for the directory, how many users
// have no email.
func (a *App) syncEmails(ctx context.Context, admin model.Admin, src SyncSource, read dirsync.Progress) ([]string, int, error) {
	switch src.Kind {
	case model.SeatRoster:
		if src.OrgID == 0 || !adminOf(admin, src.OrgID) {
			return nil, 0, model.ErrNoOrganization
		}
		sel := model.Selection{Profiles: []model.Profile{model.Teacher}, OrgIDs: []model.ID{src.OrgID}}
		return a.directoryEmails(ctx, admin, sel, src.ImportSource, read)
	case model.SeatSelection:
		return a.directoryEmails(ctx, admin, src.Selection, "", read)
	case model.SeatGoogle:
		return a.googleEmails(ctx, src, read)
	case model.SeatMicrosoft:
		c, err := dirsync.NewMicrosoft(ctx, a.lic.opts.Directories.Microsoft)
		if err != nil {
			return nil, 0, err
		}
		emails, err := c.GroupEmails(ctx, src.Group, read)
		return emails, 0, err
	}
	return nil, 0, &model.ValidationError{Field: "source", Rule: model.RuleUnknownValue, Value: src.Kind.String()}
}

func (a *App) googleEmails(ctx context.Context, src SyncSource, read dirsync.Progress) ([]string, int, error) {
	if (src.OrgUnit == "") == (src.Group == "") {
		return nil, 0, &model.ValidationError{Field: "google", Rule: model.RuleRequired}
	}
	c, err := dirsync.NewGoogle(ctx, a.lic.opts.Directories.Google)
	if err != nil {
		return nil, 0, err
	}
	var emails []string
	if src.OrgUnit != "" {
		emails, err = c.OrgUnitEmails(ctx, src.OrgUnit, read)
	} else {
		emails, err = c.GroupEmails(ctx, src.Group, read)
	}
	return emails, 0, err
}

// directoryEmails returns the emails of the users a selection picks (of one import source
// when given), counting those without one.
func (a *App) directoryEmails(ctx context.Context, admin model.Admin, sel model.Selection, source string, read dirsync.Progress) ([]string, int, error) {
	ids, err := a.SelectUserIDs(ctx, admin, sel)
	if err != nil {
		return nil, 0, err
	}
	var emails []string
	noEmail := 0
	for i, id := range ids {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
			read(i)
		}
		u, err := a.store.User(ctx, id)
		if err != nil {
			return nil, 0, err
		}
		switch e := model.NormalizeEmail(u.Email); {
		case source != "" && u.Source != source:
		case model.ValidEmail(e):
			emails = append(emails, e)
		default:
			noEmail++
		}
	}
	read(len(ids))
	return emails, noEmail, nil
}
