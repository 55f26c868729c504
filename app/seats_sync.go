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
// A directory source seats every account it picks, with an email or not, and only ever reaches
// the subscription's own school (model.ErrOtherSchool when it names another's classes, groups or
// organization); an email a cloud directory lists seats the school's account that has it. When
// the new seats do not fit, nothing changes (*model.SeatLimitError). Cancelling ctx stops it
// before anything is written.
func (s *Session) SyncSeats(ctx context.Context, subID model.ID, src SyncSource, opts SeatOptions, progress func(SyncProgress)) (_ SeatResult, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.syncSeats(ctx, admin, subID, src, opts, progress)
}

func (a *App) syncSeats(ctx context.Context, admin model.Admin, subID model.ID, src SyncSource, opts SeatOptions, progress func(SyncProgress)) (SeatResult, error) {
	sub, err := a.visibleSub(ctx, admin, subID)
	if err != nil {
		return SeatResult{}, err
	}
	if progress == nil {
		progress = func(SyncProgress) {}
	}
	progress(SyncProgress{Stage: SyncReading})
	want, err := a.syncHolders(ctx, admin, sub, src, func(n int) { progress(SyncProgress{Stage: SyncReading, Read: n}) })
	if err != nil {
		return SeatResult{}, err
	}
	alias, err := a.aliasesFor(ctx, sub, want)
	if err != nil {
		return SeatResult{}, err
	}
	if err := ctx.Err(); err != nil {
		return SeatResult{}, err
	}
	progress(SyncProgress{Stage: SyncWriting, Read: len(want)})
	res := SeatResult{Read: len(want)}
	key, now := src.Key(), a.now()
	plan := func(sub model.Subscription, current []model.Seat) (storage.SeatWrite, error) {
		p, err := model.PlanSeatSync(&sub, current, key, want, alias)
		res.Duplicates, res.Kept, res.Free, res.Removed = p.Duplicates, p.Kept, p.Free-len(p.Add), p.Remove
		if len(p.Add) > 0 || err != nil { // an ended subscription still loses seats, but says so before any count
			if ended := sub.CheckSeatsOpen(model.DateOf(now)); ended != nil {
				err = ended
			}
		}
		if err != nil {
			return storage.SeatWrite{}, err
		}
		w := storage.SeatWrite{}
		for _, s := range p.Remove {
			w.Remove = append(w.Remove, s.ID)
		}
		for _, s := range p.Add {
			s.SubscriptionID, s.Source, s.Sync, s.AddedBy, s.AddedAt = sub.ID, src.Kind, key, admin.ID, now
			w.Add = append(w.Add, s)
		}
		if len(w.Add)+len(w.Remove) > 0 {
			w.Audit = &model.AuditEvent{At: now, AdminID: admin.ID, Action: model.AuditSeatsSync, OrgID: sub.OrgID,
				SubjectID: sub.ID, Detail: seatDetail(key, seatLabels(p.Add), seatLabels(p.Remove))}
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

// syncHolders lists the people a source names, as seat holders of the subscription's school.
func (a *App) syncHolders(ctx context.Context, admin model.Admin, sub model.Subscription, src SyncSource, read dirsync.Progress) ([]model.SeatHolder, error) {
	var emails []string
	var err error
	switch src.Kind {
	case model.SeatRoster:
		if src.OrgID == 0 || !adminOf(admin, src.OrgID) {
			return nil, model.ErrNoOrganization
		}
		if src.OrgID != sub.OrgID {
			return nil, model.ErrOtherSchool
		}
		sel := model.Selection{Profiles: []model.Profile{model.Teacher}, OrgIDs: []model.ID{src.OrgID}}
		return a.directoryHolders(ctx, admin, sel, src.ImportSource, read)
	case model.SeatSelection:
		sel, err := a.schoolSelection(ctx, sub.OrgID, src.Selection)
		if err != nil {
			return nil, err
		}
		return a.directoryHolders(ctx, admin, sel, "", read)
	case model.SeatGoogle:
		emails, err = a.googleEmails(ctx, src, read)
	case model.SeatMicrosoft:
		c, cerr := dirsync.NewMicrosoft(ctx, a.lic.opts.Directories.Microsoft)
		if err = cerr; err == nil {
			emails, err = c.GroupEmails(ctx, src.Group, read)
		}
	default:
		return nil, &model.ValidationError{Field: "source", Rule: model.RuleUnknownValue, Value: src.Kind.String()}
	}
	if err != nil {
		return nil, err
	}
	hs := make([]model.SeatHolder, len(emails))
	for i, e := range emails {
		hs[i] = model.SeatHolder{Email: model.NormalizeEmail(e)}
	}
	return a.emailHolders(ctx, sub.OrgID, hs, emails)
}

// schoolSelection narrows a selection to one school, refusing one that names another school's
// organization, classes or groups (model.ErrOtherSchool): a seat sync only reaches the
// subscription's own school.
func (a *App) schoolSelection(ctx context.Context, org model.ID, sel model.Selection) (model.Selection, error) {
	for _, id := range sel.OrgIDs {
		if id != org {
			return sel, model.ErrOtherSchool
		}
	}
	for _, id := range sel.ClassIDs {
		if c, err := a.store.Class(ctx, id); err != nil || c.OrgID != org {
			return sel, model.ErrOtherSchool
		}
	}
	for _, id := range sel.GroupIDs {
		if g, err := a.store.Group(ctx, id); err != nil || g.OrgID != org {
			return sel, model.ErrOtherSchool
		}
	}
	sel.OrgIDs = []model.ID{org}
	return sel, nil
}

func (a *App) googleEmails(ctx context.Context, src SyncSource, read dirsync.Progress) ([]string, error) {
	if (src.OrgUnit == "") == (src.Group == "") {
		return nil, &model.ValidationError{Field: "google", Rule: model.RuleRequired}
	}
	c, err := dirsync.NewGoogle(ctx, a.lic.opts.Directories.Google)
	if err != nil {
		return nil, err
	}
	if src.OrgUnit != "" {
		return c.OrgUnitEmails(ctx, src.OrgUnit, read)
	}
	return c.GroupEmails(ctx, src.Group, read)
}

// directoryHolders returns the accounts a selection picks (of one import source when given),
// with or without an email.
func (a *App) directoryHolders(ctx context.Context, admin model.Admin, sel model.Selection, source string, read dirsync.Progress) ([]model.SeatHolder, error) {
	ids, err := a.selectUserIDs(ctx, admin, sel)
	if err != nil {
		return nil, err
	}
	var out []model.SeatHolder
	for i, id := range ids {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			read(i)
		}
		u, err := a.store.User(ctx, id)
		if err != nil {
			return nil, err
		}
		if source != "" && u.Source != source {
			continue
		}
		out = append(out, model.SeatHolder{UserID: u.ID, Email: model.NormalizeEmail(u.Email), Login: u.Login})
	}
	read(len(ids))
	return out, nil
}
