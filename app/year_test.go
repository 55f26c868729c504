package app

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// yearSnapshot is every user, class and seat of the store, to compare before and after.
type yearSnapshot struct {
	users   map[model.ID]model.User
	classes map[model.ID]model.Class
	seats   map[model.ID][]model.Seat // by subscription, ids and logins left out
}

func takeYearSnapshot(t *testing.T, f *fixture) yearSnapshot {
	t.Helper()
	ctx := context.Background()
	s := yearSnapshot{users: map[model.ID]model.User{}, classes: map[model.ID]model.Class{}, seats: map[model.ID][]model.Seat{}}
	if err := f.store.ForEachUser(ctx, func(u *model.User) error { s.users[u.ID] = cloneUser(*u); return nil }); err != nil {
		t.Fatal(err)
	}
	classes, err := f.store.ListClasses(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range classes {
		s.classes[c.ID] = c
	}
	subs, _ := f.store.ListSubscriptions(ctx)
	for _, sub := range subs {
		seats, err := f.store.Seats(ctx, sub.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i := range seats {
			seats[i].ID, seats[i].Login = 0, ""
		}
		s.seats[sub.ID] = seats
	}
	return s
}

// diff names the users and classes of one school (every school when org is 0) that differ in
// other; seats are compared too when org is 0.
func (s yearSnapshot) diff(other yearSnapshot, org model.ID) []string {
	var out []string
	for id, u := range s.users {
		if org != 0 && u.OrgID != org {
			continue
		}
		if o, ok := other.users[id]; !ok || !reflect.DeepEqual(normUser(o), normUser(u)) {
			out = append(out, "user "+u.Login)
		}
	}
	for id, c := range s.classes {
		if org != 0 && c.OrgID != org {
			continue
		}
		if o, ok := other.classes[id]; !ok || !reflect.DeepEqual(o, c) {
			out = append(out, "class "+c.Code)
		}
	}
	if org == 0 && !reflect.DeepEqual(s.seats, other.seats) {
		out = append(out, "seats")
	}
	return out
}

// normUser compares times as instants.
func normUser(u model.User) model.User {
	for _, t := range []*time.Time{&u.CreatedAt, &u.UpdatedAt, &u.ActivatedAt, &u.PendingSince} {
		*t = t.UTC()
	}
	return u
}

// yearFixture is the demo's first school with leavers: a pupil pending deletion for 40 days
// who holds a seat and has a parent, another pending for 5 days who was never activated.
type yearFixture struct {
	f             *fixture
	s             *Session
	school, other model.ID
	gone, leaving model.User
	parent        model.User
	sub           model.ID
}

func newYearFixture(t *testing.T) yearFixture {
	t.Helper()
	ctx := context.Background()
	f := newFixture(t)
	admin, school := loadedDemoSchool(t, f)
	y := yearFixture{f: f, s: f.session(t, admin), school: school, other: admin.OrgIDs[1]}
	if _, err := y.s.AcceptTerms(ctx); err != nil {
		t.Fatal(err)
	}
	var pupils []model.User
	_ = f.store.ForEachUser(ctx, func(u *model.User) error {
		if u.OrgID == school && u.Profile == model.Student && len(u.ClassIDs) > 0 && len(pupils) < 2 {
			pupils = append(pupils, cloneUser(*u))
		}
		return nil
	})
	now := f.clock.Now()
	y.gone, y.leaving = pupils[0], pupils[1]
	y.gone.PendingSince, y.leaving.PendingSince = now.AddDate(0, 0, -40), now.AddDate(0, 0, -5)
	y.leaving.ActivationCode, y.leaving.ActivatedAt = "ABCD2345", time.Time{}
	y.parent = model.User{ID: model.TempID(1), OrgID: school, Profile: model.Parent, Login: "parent.of.gone",
		LastName: "Gone", ChildIDs: []model.ID{y.gone.ID}}
	applied, err := f.store.Apply(ctx, storage.Batch{Users: []model.User{y.gone, y.leaving, y.parent}})
	if err != nil {
		t.Fatal(err)
	}
	y.parent.ID = applied.IDs[model.TempID(1)]
	subs, _ := f.store.ListSubscriptions(ctx)
	for _, sub := range subs {
		if sub.OrgID == school && y.sub == 0 {
			y.sub = sub.ID
		}
	}
	if _, err := f.store.ChangeSeats(ctx, y.sub, func(sub model.Subscription, _ []model.Seat) (storage.SeatWrite, error) {
		return storage.SeatWrite{Add: []model.Seat{{UserID: y.gone.ID, Login: y.gone.Login, Key: sub.Keys[0].Key, AddedAt: now}}}, nil
	}); err != nil {
		t.Fatal(err)
	}
	f.app.dir.upsert([]model.User{y.gone, y.leaving, y.parent}, nil, nil)
	return y
}

// yearEvents are the audit log's entries of years' turns and their undoing.
func yearEvents(t *testing.T, f *fixture) []model.AuditEvent {
	t.Helper()
	all, err := f.store.ListAudit(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return slices.DeleteFunc(all, func(e model.AuditEvent) bool {
		return e.Action != model.AuditYearClose && e.Action != model.AuditYearUndo
	})
}

func TestYearCloseDryRunChangesNothing(t *testing.T) {
	y := newYearFixture(t)
	before := takeYearSnapshot(t, y.f)
	p, err := y.s.CloseYear(context.Background(), YearCloseOptions{OrgID: y.school}, true)
	if err != nil {
		t.Fatal(err)
	}
	voidable := 0 // the demo has people pending deletion already
	for _, u := range before.users {
		if u.OrgID == y.school && u.PendingDeletion() && u.ID != y.gone.ID && u.ActivationCode != "" && !u.Activated() {
			voidable++
		}
	}
	if p.Applied || p.Summary.Deleted != 1 || p.Summary.CodesVoided != voidable || voidable == 0 || p.Summary.SeatsFreed != 1 ||
		p.Summary.LeftClasses == 0 || p.Summary.ClassesChanged == 0 || p.Summary.Year != "2026-2027" {
		t.Errorf("dry plan = %+v", p.Summary)
	}
	if d := before.diff(takeYearSnapshot(t, y.f), 0); len(d) > 0 {
		t.Errorf("a dry run changed %v", d)
	}
	if runs, _ := y.s.YearCloseHistory(context.Background()); len(runs) != 0 {
		t.Errorf("a dry run is in the history: %+v", runs)
	}
}

func TestYearCloseAndUndo(t *testing.T) {
	ctx := context.Background()
	y := newYearFixture(t)
	before := takeYearSnapshot(t, y.f)
	p, err := y.s.CloseYear(ctx, YearCloseOptions{OrgID: y.school, Year: "2025-2026"}, false)
	if err != nil {
		t.Fatal(err)
	}
	after := takeYearSnapshot(t, y.f)
	if d := before.diff(after, y.other); len(d) > 0 {
		t.Errorf("the other school changed: %v", d)
	}
	for _, u := range after.users {
		if u.OrgID != y.school {
			continue
		}
		if len(u.ClassIDs) > 0 || (u.Profile == model.Student && len(u.GroupIDs) > 0) {
			t.Fatalf("%s is still in classes %v, groups %v", u.Login, u.ClassIDs, u.GroupIDs)
		}
	}
	was := before.users[y.leaving.ID]
	leaving := after.users[y.leaving.ID]
	if leaving.ActivationCode != "" || len(leaving.History) != 1 || leaving.History[0].Year != "2025-2026" ||
		leaving.History[0].Classes[0] != before.classes[was.ClassIDs[0]].Code {
		t.Errorf("a leaver after the turn: code %q, history %+v", leaving.ActivationCode, leaving.History)
	}
	if _, ok := after.users[y.gone.ID]; ok {
		t.Errorf("%s, pending for 40 days, was not deleted", y.gone.Login)
	}
	if held, _ := y.f.store.UserSeats(ctx, y.gone.ID); len(held) != 0 {
		t.Errorf("the deleted pupil's seats stay: %+v", held)
	}
	if got := after.users[y.parent.ID]; len(got.ChildIDs) != 0 {
		t.Errorf("the parent still lists %v", got.ChildIDs)
	}
	for id, c := range before.classes {
		if c.OrgID == y.school && !c.Archived() {
			got := after.classes[id]
			if got.Code != c.Code+" (2025-2026)" || got.ArchivedYear != "2025-2026" {
				t.Errorf("class %s after the turn: %+v", c.Code, got)
			}
		}
	}
	runs, err := y.s.YearCloseHistory(ctx)
	if err != nil || len(runs) != 1 || runs[0].ID != p.RunID || runs[0].YearClose.Deleted != 1 {
		t.Fatalf("history = %+v, %v", runs, err)
	}
	if imports, _ := y.s.ImportHistory(ctx); len(imports) != 0 {
		t.Errorf("a year's turn is in the import history: %+v", imports)
	}
	if _, err := y.s.UndoLastImport(ctx, true); !errors.Is(err, model.ErrNothingToUndo) {
		t.Errorf("import undo reaches the year's turn: %v", err)
	}
	events := yearEvents(t, y.f)
	if len(events) != 1 || events[0].Action != model.AuditYearClose || events[0].OrgID != y.school || events[0].SubjectID != p.RunID {
		t.Errorf("audit = %+v", events)
	}
	// Dry, the undo changes nothing; then it restores everything, seat included.
	if rep, err := y.s.UndoYearClose(ctx, p.RunID, true); err != nil || rep.Restored != 1 || rep.Seats != 1 {
		t.Fatalf("dry undo = %+v, %v", rep, err)
	}
	if d := after.diff(takeYearSnapshot(t, y.f), 0); len(d) > 0 {
		t.Errorf("a dry undo changed %v", d)
	}
	rep, err := y.s.UndoYearClose(ctx, p.RunID, false)
	if err != nil || rep.Restored != 1 || rep.Seats != 1 || rep.SeatsNotFree != 0 || !rep.Run.Undone() {
		t.Fatalf("undo = %+v, %v", rep, err)
	}
	if d := before.diff(takeYearSnapshot(t, y.f), 0); len(d) > 0 {
		t.Errorf("the undo left %v different", d)
	}
	if u, err := y.s.app.store.UserByLogin(ctx, y.gone.Login); err != nil || u.ID != y.gone.ID {
		t.Errorf("the deleted pupil is back as %+v, %v", u, err)
	}
	if _, err := y.s.UndoYearClose(ctx, p.RunID, false); !errors.Is(err, model.ErrYearUndone) {
		t.Errorf("second undo: %v", err)
	}
	events = yearEvents(t, y.f)
	if len(events) != 2 || events[1].Action != model.AuditYearUndo {
		t.Errorf("audit after the undo = %+v", events)
	}
}

func TestYearCloseGracePeriodAndRename(t *testing.T) {
	ctx := context.Background()
	y := newYearFixture(t)
	if _, err := y.s.SetDeletionGrace(ctx, y.school, 60, false); err != nil {
		t.Fatal(err)
	}
	if _, err := y.s.SetDeletionGrace(ctx, y.school, -1, false); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a negative grace period: %v", err)
	}
	_, err := y.s.CloseYear(ctx, YearCloseOptions{OrgID: y.school, Classes: model.ClassesRename}, true)
	if !errors.Is(err, model.ErrInvalid) {
		t.Errorf("rename without a pattern: %v", err)
	}
	p, err := y.s.CloseYear(ctx, YearCloseOptions{OrgID: y.school, Classes: model.ClassesRename, Pattern: "{code} {year}", Year: "2025"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if p.Summary.Deleted != 0 || p.Summary.GraceDays != 60 {
		t.Errorf("with 60 days of grace: %+v", p.Summary)
	}
	if gone, err := y.f.store.User(ctx, y.gone.ID); err != nil || len(gone.History) != 1 || gone.ActivationCode != "" && !gone.Activated() {
		t.Errorf("pending for 40 days of 60: %+v, %v", gone, err)
	}
	classes, _ := y.f.store.ListClasses(ctx)
	for _, c := range classes {
		if c.OrgID == y.school && (c.Archived() || !strings.HasSuffix(c.Code, " 2025")) {
			t.Errorf("renamed class %+v", c)
		}
	}
	// A pattern without {code} is refused.
	if _, err := y.s.CloseYear(ctx, YearCloseOptions{OrgID: y.school, Classes: model.ClassesRename, Pattern: "{year}"}, true); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("pattern without {code}: %v", err)
	}
	// A person changed since blocks the undo, naming them.
	y.f.clock.Advance(time.Minute)
	u, _ := y.f.store.User(ctx, y.leaving.ID)
	name := "Changed"
	if _, err := y.s.EditUser(ctx, u.ID, UserFields{FirstName: &name}, false); err != nil {
		t.Fatal(err)
	}
	var blocked *model.YearUndoBlockedError
	if _, err := y.s.UndoYearClose(ctx, p.RunID, false); !errors.As(err, &blocked) || blocked.Name != u.Login {
		t.Errorf("undo after an edit: %v", err)
	}
}

func TestYearCloseOtherSchoolsAdmin(t *testing.T) {
	ctx := context.Background()
	y := newYearFixture(t)
	stranger := y.f.verifiedAdmin(t, "stranger@example.fr", "password1")
	s := y.f.session(t, stranger)
	if _, err := s.AcceptTerms(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CloseYear(ctx, YearCloseOptions{OrgID: y.school}, true); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("an admin of no school closes its year: %v", err)
	}
	p, err := y.s.CloseYear(ctx, YearCloseOptions{OrgID: y.school}, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UndoYearClose(ctx, p.RunID, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("another admin undoes it: %v", err)
	}
}
