package app

import (
	"context"
	"errors"
	"slices"
	"testing"

	"rollcall/dirsync"
	"rollcall/dirsync/dirsynctest"
	"rollcall/model"
)

func TestSyncFromGoogleOrgUnit(t *testing.T) {
	t.Parallel()
	g := dirsynctest.NewGoogle(t)
	g.SetUsers(
		dirsynctest.GoogleUser{Email: "ana@school.fr", OrgUnit: "/Teachers"},
		dirsynctest.GoogleUser{Email: "bob@school.fr", OrgUnit: "/Teachers/Maths"},
		dirsynctest.GoogleUser{Email: "hand@school.fr", OrgUnit: "/Teachers"},
		dirsynctest.GoogleUser{Email: "eve@school.fr", OrgUnit: "/Students"},
	)
	f := licFixture(t, LicensingOptions{Directories: dirsync.Config{Google: dirsync.GoogleConfig{
		BaseURL: g.URL, ServiceAccountFile: g.ServiceAccountFile(t), Admin: g.Admin}}})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin")
	sub := f.claimed(t, ada, "PO-1", 5)
	if _, err := f.app.addTypedSeats(bg, ada, sub, "hand@school.fr", SeatOptions{}); err != nil {
		t.Fatal(err)
	}
	src := SyncSource{Kind: model.SeatGoogle, OrgUnit: "/Teachers"}
	var stages []SyncProgress
	res, err := f.app.syncSeats(bg, ada, sub, src, SeatOptions{}, func(p SyncProgress) { stages = append(stages, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 2 || res.Duplicates != 1 || res.Read != 3 || res.Free != 2 {
		t.Errorf("first sync %+v", res)
	}
	if last := stages[len(stages)-1]; last.Stage != SyncWriting || last.Read != 3 {
		t.Errorf("progress %+v", stages)
	}
	// Bob leaves the unit, the hand-added teacher too, Carl arrives: Bob's seat goes, the
	// hand-added seat stays, Carl gets one.
	g.SetUsers(
		dirsynctest.GoogleUser{Email: "ana@school.fr", OrgUnit: "/Teachers"},
		dirsynctest.GoogleUser{Email: "carl@school.fr", OrgUnit: "/Teachers"},
	)
	res, err = f.app.syncSeats(bg, ada, sub, src, SeatOptions{}, nil)
	if err != nil || len(res.Added) != 1 || len(res.Removed) != 1 || res.Removed[0].Email != "bob@school.fr" || res.Kept != 1 {
		t.Fatalf("second sync %+v, %v", res, err)
	}
	if got := seatEmails(t, f, ada, sub); !slices.Equal(got, []string{"hand@school.fr", "ana@school.fr", "carl@school.fr"}) {
		t.Errorf("seats %q", got)
	}
	// More people than seats: nothing changes, and the error says how many are free.
	g.SetUsers(
		dirsynctest.GoogleUser{Email: "a1@school.fr", OrgUnit: "/Teachers"}, dirsynctest.GoogleUser{Email: "a2@school.fr", OrgUnit: "/Teachers"},
		dirsynctest.GoogleUser{Email: "a3@school.fr", OrgUnit: "/Teachers"}, dirsynctest.GoogleUser{Email: "a4@school.fr", OrgUnit: "/Teachers"},
		dirsynctest.GoogleUser{Email: "a5@school.fr", OrgUnit: "/Teachers"},
	)
	_, err = f.app.syncSeats(bg, ada, sub, src, SeatOptions{}, nil)
	var le *model.SeatLimitError
	if !errors.As(err, &le) || le.Free != 4 || le.Requested != 5 {
		t.Fatalf("over the limit: %v", err)
	}
	if got := seatEmails(t, f, ada, sub); len(got) != 3 {
		t.Errorf("a refused sync changed the seats: %q", got)
	}
}

func TestSyncFromMicrosoftGroup(t *testing.T) {
	t.Parallel()
	m := dirsynctest.NewMicrosoft(t)
	m.SetGroup("g-profs", dirsynctest.GraphUser{Mail: "ana@school.fr"}, dirsynctest.GraphUser{UserPrincipalName: "bob@school.fr"},
		dirsynctest.GraphUser{Mail: "carl@school.fr"})
	f := licFixture(t, LicensingOptions{Directories: dirsync.Config{Microsoft: dirsync.MicrosoftConfig{
		BaseURL: m.URL, LoginURL: m.URL, Tenant: m.Tenant, ClientID: m.ClientID, ClientSecret: m.ClientSecret}}})
	ada := f.adminWithOrgs(t, "ada@example.org", "Collège Jean Moulin")
	sub := f.claimed(t, ada, "PO-1", 10)
	src := SyncSource{Kind: model.SeatMicrosoft, Group: "g-profs"}
	// Another sync's seat for the same person: counted as a duplicate, never removed by this one.
	f.addSyncSeat(t, sub, "carl@school.fr", "google:ou:/Teachers")
	res, err := f.app.syncSeats(bg, ada, sub, src, SeatOptions{}, nil)
	if err != nil || len(res.Added) != 2 || res.Duplicates != 1 {
		t.Fatalf("first sync %+v, %v", res, err)
	}
	m.SetGroup("g-profs", dirsynctest.GraphUser{Mail: "bob@school.fr"})
	res, err = f.app.syncSeats(bg, ada, sub, src, SeatOptions{}, nil)
	if err != nil || len(res.Removed) != 1 || res.Removed[0].Email != "ana@school.fr" || len(res.Added) != 0 {
		t.Fatalf("second sync %+v, %v", res, err)
	}
	if got := seatEmails(t, f, ada, sub); !slices.Equal(got, []string{"carl@school.fr", "bob@school.fr"}) {
		t.Errorf("seats %q", got)
	}
	if _, err := f.app.syncSeats(bg, ada, sub, SyncSource{Kind: model.SeatMicrosoft, Group: "nope"}, SeatOptions{}, nil); !errors.Is(err, dirsync.ErrNoSuchGroup) {
		t.Errorf("unknown group: %v", err)
	}
	// Not configured: said so.
	g := licFixture(t, LicensingOptions{})
	gada := g.adminWithOrgs(t, "ada@example.org", "X")
	gsub := g.claimed(t, gada, "PO-9", 3)
	if _, err := g.app.syncSeats(bg, gada, gsub, src, SeatOptions{}, nil); !errors.Is(err, dirsync.ErrNotConfigured) {
		t.Errorf("no credentials: %v", err)
	}
}

func TestSyncFromRosterAndSelection(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org")
	if _, err := f.app.LoadDemo(bg); err != nil {
		t.Fatal(err)
	}
	ada, _ = f.store.Admin(bg, ada.ID)
	ecole := ada.OrgIDs[1]
	sub, err := f.app.claim(bg, ada, ClaimInput{Displays: 40, Serial: "DEMOTB-2609-0001-8", OrgID: ecole}, false)
	if err != nil {
		t.Fatalf("claim: %v", err)
	}
	res, err := f.app.syncSeats(bg, ada, sub.ID, SyncSource{Kind: model.SeatRoster, OrgID: ecole}, SeatOptions{}, nil)
	if err != nil || len(res.Added) != 12 || res.Added[0].Source != model.SeatRoster {
		t.Fatalf("roster sync: %+v, %v", res, err)
	}
	// A teacher marked for deletion leaves the roster: the next sync takes the seat back.
	leaving := res.Added[0].Email
	ids, _ := f.app.selectUserIDs(bg, ada, model.Selection{Text: leaving})
	if _, err := f.app.markPendingDeletion(bg, ada, ids, false); err != nil {
		t.Fatal(err)
	}
	res, err = f.app.syncSeats(bg, ada, sub.ID, SyncSource{Kind: model.SeatRoster, OrgID: ecole}, SeatOptions{}, nil)
	if err != nil || len(res.Removed) != 1 || res.Removed[0].Email != leaving || res.Kept != 11 {
		t.Fatalf("second roster sync: %+v, %v", res, err)
	}
	// A class of the école: its pupils with an email get seats, the others are counted.
	classes, _ := f.app.listSets(bg, ada, Classes)
	var cm2 model.ID
	for _, c := range classes {
		if c.OrgID == ecole && c.Code == "CM2 A" {
			cm2 = c.ID
		}
	}
	src := SyncSource{Kind: model.SeatSelection, Selection: model.Selection{ClassIDs: []model.ID{cm2}, Profiles: []model.Profile{model.Student, model.Teacher}}}
	res, err = f.app.syncSeats(bg, ada, sub.ID, src, SeatOptions{DryRun: true}, nil)
	if err != nil || res.Read < 22 || len(res.Added)+res.Duplicates != res.Read {
		t.Fatalf("selection sync (dry): %+v, %v", res, err)
	}
	if src.Key() == (SyncSource{Kind: model.SeatRoster, OrgID: ecole}).Key() || src.Key() != (SyncSource{Kind: model.SeatSelection,
		Selection: model.Selection{Profiles: []model.Profile{model.Teacher, model.Student}, ClassIDs: []model.ID{cm2}}}).Key() {
		t.Error("sync keys: the same selection must give the same key, another source another")
	}
	ctx, cancel := context.WithCancel(bg)
	cancel()
	if _, err := f.app.syncSeats(ctx, ada, sub.ID, src, SeatOptions{}, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled sync: %v", err)
	}
}
