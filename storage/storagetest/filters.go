package storagetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

var filterTests = []test{
	{"saved filters are each admin's, replaced by name", testSavedFilters},
	{"filter methods refuse a cancelled context", testFiltersCancelled},
}

func testFiltersCancelled(t *testing.T, s storage.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := []call{
		{"SaveFilter", func() error { return s.SaveFilter(ctx, model.SavedFilter{AdminID: 1, Name: "x"}) }},
		{"SavedFilters", func() error { _, err := s.SavedFilters(ctx, 1); return err }},
		{"DeleteFilter", func() error { return s.DeleteFilter(ctx, 1, "x") }},
	}
	for _, c := range calls {
		isErr(t, c.name, c.call(), context.Canceled)
	}
	if got, _ := s.SavedFilters(context.Background(), 1); len(got) != 0 {
		t.Errorf("a cancelled SaveFilter stored %+v", got)
	}
}

func testSavedFilters(t *testing.T, s storage.Store) {
	ctx := context.Background()
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	ce2 := model.Selection{ClassIDs: []model.ID{7}, Profiles: []model.Profile{model.Student}, Activation: model.TriNo,
		CreatedFrom: model.Date{Year: 2026, Month: 9, Day: 1}, Text: "élodie"}
	for _, f := range []model.SavedFilter{
		{AdminID: 1, Name: "CE2 pas activés", Selection: model.Selection{ClassIDs: []model.ID{3}}, SavedAt: at},
		{AdminID: 1, Name: "Anglais", Selection: model.Selection{Email: model.TriYes}, SavedAt: at},
		{AdminID: 2, Name: "CE2 pas activés", Selection: model.Selection{Pending: model.PendingOnly}, SavedAt: at},
		{AdminID: 1, Name: "CE2 pas activés", Selection: ce2, SavedAt: at.Add(time.Hour)}, // replaces the first
	} {
		if err := s.SaveFilter(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.SavedFilters(ctx, 1)
	if err != nil || len(got) != 2 || got[0].Name != "Anglais" || got[1].Name != "CE2 pas activés" {
		t.Fatalf("admin 1's filters: %+v, %v", got, err)
	}
	if f := got[1]; !f.SavedAt.Equal(at.Add(time.Hour)) || f.Selection.Text != "élodie" || f.Selection.Activation != model.TriNo ||
		len(f.Selection.ClassIDs) != 1 || f.Selection.ClassIDs[0] != 7 || f.Selection.CreatedFrom != ce2.CreatedFrom {
		t.Errorf("the replaced filter reads back as %+v", f)
	}
	if other, _ := s.SavedFilters(ctx, 2); len(other) != 1 || other[0].Selection.Pending != model.PendingOnly {
		t.Errorf("admin 2's filters: %+v", other)
	}
	if err := s.DeleteFilter(ctx, 1, "Anglais"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteFilter(ctx, 1, "Anglais"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
	if got, _ := s.SavedFilters(ctx, 1); len(got) != 1 {
		t.Errorf("after the delete: %+v", got)
	}
	if none, err := s.SavedFilters(ctx, 3); err != nil || len(none) != 0 {
		t.Errorf("an admin without filters: %+v, %v", none, err)
	}
}
