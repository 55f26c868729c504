package app

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"rollcall/model"
)

// setAction names a class or group change: "classes.create", "groups.members".
func setAction(set Set, verb string) model.AuditAction {
	if set == Groups {
		return model.AuditAction("groups." + verb)
	}
	return model.AuditAction("classes." + verb)
}

// Audit records that admin made a change: action is a dotted name (model.AuditUserCreate, or a
// feature's own "seats.add"), detail says what it was done to, for a person (a login, an email,
// a class code; never a secret), and orgs are the organizations the change concerns: one event
// per organization, seen by its admins in the log. With no organization only the author sees
// it (their own SSH keys, say). Call it once the change is committed; an error means the
// change happened but was not recorded. A change that must be logged atomically passes its
// event to the store method that makes it instead.
func (s *Session) Audit(ctx context.Context, action model.AuditAction, detail string, orgs ...model.ID) (err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.audit(ctx, admin, action, detail, orgs...)
}

func (a *App) audit(ctx context.Context, admin model.Admin, action model.AuditAction, detail string, orgs ...model.ID) error {
	orgs = slices.Compact(slices.Sorted(slices.Values(orgs)))
	if len(orgs) == 0 {
		orgs = []model.ID{0}
	}
	now := a.now()
	for _, org := range orgs {
		e := model.AuditEvent{At: now, AdminID: admin.ID, Action: action, OrgID: org, Detail: detail}
		if err := a.store.AppendAudit(ctx, &e); err != nil {
			return fmt.Errorf("audit %s: %w", action, err)
		}
	}
	return nil
}

// auditUsers records a change of several users, naming the first few by login, once per
// organization concerned.
func (a *App) auditUsers(ctx context.Context, admin model.Admin, action model.AuditAction, users []model.User) error {
	byOrg := map[model.ID][]string{}
	for _, u := range users {
		byOrg[u.OrgID] = append(byOrg[u.OrgID], u.Login)
	}
	for _, org := range slices.Sorted(maps.Keys(byOrg)) {
		if err := a.audit(ctx, admin, action, summarize(byOrg[org], 10), org); err != nil {
			return err
		}
	}
	return nil
}

// loginList names users by login, the first few of them.
func loginList(users []model.User) string {
	logins := make([]string, len(users))
	for i, u := range users {
		logins[i] = u.Login
	}
	return summarize(logins, 10)
}

// summarize joins the first max names and says how many more there were.
func summarize(names []string, max int) string {
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s (+%d)", strings.Join(names[:max], ", "), len(names)-max)
}

// AuditQuery narrows the log: zero fields do not filter.
type AuditQuery struct {
	Limit   int      // most events returned; 0 means 100
	OrgID   model.ID // only events about this organization
	AdminID model.ID // only events by this admin
	Action  string   // only this action, or a prefix ending in "." ("users.")
}

// AuditRecord is an event as the log shows it, with its author's email.
type AuditRecord struct {
	model.AuditEvent
	AdminEmail string
}

// AuditLog returns the events the admin may see, newest first: those about organizations they
// administer, and their own.
func (s *Session) AuditLog(ctx context.Context, q AuditQuery) (_ []AuditRecord, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.auditLog(ctx, admin, q)
}

func (a *App) auditLog(ctx context.Context, admin model.Admin, q AuditQuery) ([]AuditRecord, error) {
	if q.Limit <= 0 {
		q.Limit = 100
	}
	events, err := a.store.ListAudit(ctx, 0)
	if err != nil {
		return nil, err
	}
	admins, err := a.store.ListAdmins(ctx)
	if err != nil {
		return nil, err
	}
	emails := map[model.ID]string{}
	for _, ad := range admins {
		emails[ad.ID] = ad.Email
	}
	var out []AuditRecord
	for i := len(events) - 1; i >= 0 && len(out) < q.Limit; i-- {
		if e := events[i]; auditVisible(admin, e) && q.matches(e) {
			out = append(out, AuditRecord{AuditEvent: e, AdminEmail: emails[e.AdminID]})
		}
	}
	return out, nil
}

// AuthorEmails names the authors of records the caller shows (import runs, audit events):
// the email of each admin id, "" for an id no admin has.
func (s *Session) AuthorEmails(ctx context.Context, ids []model.ID) (_ map[model.ID]string, err error) {
	if _, err = s.acting(ctx); err != nil {
		return
	}
	return s.app.authorEmails(ctx, ids)
}

func (a *App) authorEmails(ctx context.Context, ids []model.ID) (map[model.ID]string, error) {
	admins, err := a.store.ListAdmins(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[model.ID]string, len(ids))
	for _, ad := range admins {
		if slices.Contains(ids, ad.ID) {
			out[ad.ID] = ad.Email
		}
	}
	return out, nil
}

func auditVisible(admin model.Admin, e model.AuditEvent) bool {
	return e.AdminID == admin.ID || (e.OrgID != 0 && adminOf(admin, e.OrgID))
}

func (q AuditQuery) matches(e model.AuditEvent) bool {
	action := string(e.Action)
	switch {
	case q.OrgID != 0 && e.OrgID != q.OrgID:
		return false
	case q.AdminID != 0 && e.AdminID != q.AdminID:
		return false
	case q.Action == "":
		return true
	case strings.HasSuffix(q.Action, "."):
		return strings.HasPrefix(action, q.Action)
	}
	return action == q.Action
}

// audited records a change once it happened: it returns err as it is when the change failed or
// was a dry run, else the result of recording it.
func (a *App) audited(ctx context.Context, err error, dryRun bool, admin model.Admin, action model.AuditAction, detail string, orgs ...model.ID) error {
	if err != nil || dryRun {
		return err
	}
	return a.audit(ctx, admin, action, detail, orgs...)
}

// auditedUsers is audited for a change of several users.
func (a *App) auditedUsers(ctx context.Context, err error, dryRun bool, admin model.Admin, action model.AuditAction, users []model.User) error {
	if err != nil || dryRun {
		return err
	}
	return a.auditUsers(ctx, admin, action, users)
}

// auditImport records an import run's undo once per organization it touched.
func (a *App) auditImport(ctx context.Context, admin model.Admin, action model.AuditAction, run model.ImportRun) error {
	for _, e := range importAudit(admin.ID, action, run, nil, a.now()) {
		if err := a.store.AppendAudit(ctx, &e); err != nil {
			return fmt.Errorf("audit %s: %w", action, err)
		}
	}
	return nil
}

// importAudit is the audit of an import run or its undo, one event per organization it touched;
// ids maps the run's temporary ids (its own, and those of organizations it created) to the
// real ones, inside the import's transaction.
func importAudit(admin model.ID, action model.AuditAction, run model.ImportRun, ids map[model.ID]model.ID, now time.Time) []model.AuditEvent {
	real := func(id model.ID) model.ID {
		if r, ok := ids[id]; ok {
			return r
		}
		return id
	}
	orgs := make([]model.ID, len(run.OrgIDs))
	for i, org := range run.OrgIDs {
		orgs[i] = real(org)
	}
	orgs = slices.Compact(slices.Sorted(slices.Values(orgs)))
	if len(orgs) == 0 {
		orgs = []model.ID{0}
	}
	c := run.Counts
	detail := fmt.Sprintf("run %d (%s): %d created, %d updated, %d pending deletion", real(run.ID), run.Source,
		c.Created, c.Updated, c.PendingDeletion)
	events := make([]model.AuditEvent, len(orgs))
	for i, org := range orgs {
		events[i] = model.AuditEvent{At: now, AdminID: admin, Action: action, OrgID: org, Detail: detail}
	}
	return events
}
