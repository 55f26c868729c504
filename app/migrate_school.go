package app

import (
	"slices"
	"strconv"
	"strings"

	"rollcall/model"
	"rollcall/storage"
)

// schoolCopy picks, from a whole store's records in storage.Kinds order, those of one school:
// what `rollcall migrate --org ID` copies. It takes
//
//   - the school, its classes, groups, users (with their provenance) and subscriptions (with their
//     seats and the claims of their codes and serials);
//   - its admins, each administering only this school in the copy, with their SSH keys, saved
//     filters and one-time codes (verification, password reset); its invitations and their codes;
//   - the users' reset codes; the import runs that touched the school (their undo data keeping
//     only this school's users, classes and groups); the email campaigns sent to its users (only
//     their recipients in the school, the counts made up again); the audit entries about the
//     school, and those about no school made by its admins;
//   - the store-wide settings, the school's own settings and trusted vendor keys (another
//     school's are left), and every id sequence, so the copy never gives an id the source gave.
//
// Sessions are left, the admins' and the people's on the web pages: they sign in again on the
// copy. A reference to a record of another
// school (a parent's child there) is kept as it is, as for a deleted record.
type schoolCopy struct {
	org                                              model.ID
	admins, users, classes, groups, subs, invs, runs map[model.ID]bool
	campaigns                                        map[model.ID]*model.Campaign
	campaignOrder                                    []model.ID
}

func newSchoolCopy(org model.ID) *schoolCopy {
	set := func() map[model.ID]bool { return map[model.ID]bool{} }
	return &schoolCopy{org: org, admins: set(), users: set(), classes: set(), groups: set(), subs: set(),
		invs: set(), runs: set(), campaigns: map[model.ID]*model.Campaign{}}
}

// keep says whether a record belongs to the school's copy, and what it becomes there.
func (sc *schoolCopy) keep(r storage.Record) (storage.Record, bool) {
	org := sc.org
	switch v := r.Value.(type) {
	case model.Admin:
		if !slices.Contains(v.OrgIDs, org) {
			return r, false
		}
		sc.admins[v.ID] = true
		v.OrgIDs = []model.ID{org}
		r.Value = v
		return r, true
	case model.Organization:
		return r, v.ID == org
	case model.Class:
		return r, mark(sc.classes, v.ID, v.OrgID == org)
	case model.Group:
		return r, mark(sc.groups, v.ID, v.OrgID == org)
	case model.User:
		return r, mark(sc.users, v.ID, v.OrgID == org)
	case model.Subscription:
		return r, mark(sc.subs, v.ID, v.OrgID == org)
	case model.Seat:
		return r, sc.subs[v.SubscriptionID]
	case model.Claim:
		return r, sc.subs[v.SubscriptionID] || v.OrgID == org
	case model.Invitation:
		return r, mark(sc.invs, v.ID, v.OrgID == org)
	case model.OneTimeCode:
		return r, sc.codeKept(v)
	case model.Session, storage.LocalToken:
		return r, false
	case model.PersonSession:
		return r, false
	case model.ImportRun:
		if !slices.Contains(v.OrgIDs, org) {
			return r, false
		}
		sc.runs[v.ID] = true
		v.OrgIDs = []model.ID{org}
		r.Value = v
		return r, true
	case model.ImportUndo:
		if !sc.runs[v.RunID] {
			return r, false
		}
		r.Value = sc.undo(v)
		return r, true
	case storage.UserProvenance:
		return r, sc.users[v.UserID]
	case model.Campaign:
		if slices.Contains(v.OrgIDs, org) {
			v.OrgIDs = []model.ID{org}
			v.Counts = model.CampaignCounts{}
			sc.campaigns[v.ID] = &v
			sc.campaignOrder = append(sc.campaignOrder, v.ID)
		}
		return r, false // flush writes it once its recipients are counted
	case model.CampaignRecipient:
		c := sc.campaigns[v.CampaignID]
		if c == nil || !sc.users[v.UserID] {
			return r, false
		}
		c.Counts.Add(v.Status, 1)
		return r, true
	case model.SSHKey:
		return r, sc.admins[v.AdminID]
	case model.SavedFilter:
		return r, sc.admins[v.AdminID]
	case model.AuditEvent:
		return r, v.OrgID == org || (v.OrgID == 0 && sc.admins[v.AdminID])
	case storage.Setting:
		school, ok := settingsSchool(v.Key)
		return r, !ok || school == org
	case model.VendorKey:
		return r, v.OrgID == org || (v.OrgID == 0 && sc.admins[v.AddedBy])
	}
	return r, true // sequences: the whole store's
}

// flush passes the school's campaigns, their counts made from the recipients kept.
func (sc *schoolCopy) flush(fn func(storage.Record) error) error {
	for _, id := range sc.campaignOrder {
		if err := fn(storage.Record{Kind: storage.KindCampaigns, Value: *sc.campaigns[id]}); err != nil {
			return err
		}
	}
	return nil
}

func mark(set map[model.ID]bool, id model.ID, in bool) bool {
	if in {
		set[id] = true
	}
	return in
}

// codeKept keeps the codes whose subject the copy holds, by what their purpose makes of it.
func (sc *schoolCopy) codeKept(c model.OneTimeCode) bool {
	switch c.Purpose {
	case model.PurposeVerifyEmail, model.PurposeAdminReset:
		return sc.admins[c.SubjectID]
	case model.PurposeResetPassword:
		return sc.users[c.SubjectID]
	case model.PurposeInvite:
		return sc.invs[c.SubjectID]
	}
	return false
}

// undo keeps what undoing a run needs for this school only.
func (sc *schoolCopy) undo(u model.ImportUndo) model.ImportUndo {
	var before []model.User
	for _, b := range u.Before {
		if b.OrgID == sc.org {
			before = append(before, b)
		}
	}
	u.Before = before
	u.NewUsers = keepIDs(u.NewUsers, sc.users)
	u.NewClasses = keepIDs(u.NewClasses, sc.classes)
	u.NewGroups = keepIDs(u.NewGroups, sc.groups)
	u.NewOrgs = keepIDs(u.NewOrgs, map[model.ID]bool{sc.org: true})
	return u
}

func keepIDs(ids []model.ID, in map[model.ID]bool) []model.ID {
	if ids == nil {
		return nil
	}
	out := []model.ID{}
	for _, id := range ids {
		if in[id] {
			out = append(out, id)
		}
	}
	return out
}

// settingsSchool is the school a settings key belongs to (schoolSettingsKey), if any.
func settingsSchool(key string) (model.ID, bool) {
	rest, ok := strings.CutPrefix(key, "school.")
	if !ok {
		return 0, false
	}
	id, ok := strings.CutSuffix(rest, ".settings")
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseUint(id, 10, 64)
	return model.ID(n), err == nil && schoolSettingsKey(model.ID(n)) == key
}
