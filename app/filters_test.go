package app

import (
	"errors"
	"strings"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// A saved filter finds again what its selection found; it is its owner's alone, and a
// selection naming another school's organization is narrowed like any other.
func TestSavedFilters(t *testing.T) {
	t.Parallel()
	f := licFixture(t, LicensingOptions{})
	ada := f.adminWithOrgs(t, "ada@example.org")
	if _, err := f.app.LoadDemo(bg); err != nil {
		t.Fatal(err)
	}
	ada, _ = f.store.Admin(bg, ada.ID)
	cm2, err := f.app.findSet(bg, ada, Classes, "CM2 A")
	if err != nil {
		t.Fatal(err)
	}
	sel := model.Selection{ClassIDs: []model.ID{cm2.ID}, Profiles: []model.Profile{model.Student}, Activation: model.TriNo}
	want, err := f.app.findUsers(bg, ada, sel, 0, 0)
	if err != nil || want.Total == 0 {
		t.Fatalf("the selection finds %d: %v", want.Total, err)
	}

	if _, err := f.app.saveFilter(bg, ada, "  CM2   pas activés ", sel, true); err != nil {
		t.Fatal(err)
	}
	if list, _ := f.app.savedFilters(bg, ada); len(list) != 0 {
		t.Errorf("a dry run saved %+v", list)
	}
	saved, err := f.app.saveFilter(bg, ada, "  CM2   pas activés ", sel, false)
	if err != nil || saved.Name != "CM2 pas activés" {
		t.Fatalf("save: %+v, %v", saved, err)
	}
	found, err := f.app.savedFilter(bg, ada, "cm2 PAS activés")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.saveFilter(bg, ada, "CM2 PAS ACTIVÉS", sel, false); err != nil {
		t.Fatal(err)
	}
	if list, _ := f.app.savedFilters(bg, ada); len(list) != 1 || list[0].Name != "CM2 PAS ACTIVÉS" {
		t.Errorf("saving under another case should replace, not add: %+v", list)
	}
	again, _ := f.app.findUsers(bg, ada, found.Selection, 0, 0)
	if again.Total != want.Total {
		t.Errorf("the saved filter finds %d users, the selection %d", again.Total, want.Total)
	}

	var ve *model.ValidationError
	for _, bad := range []string{"   ", "x\x07y", strings.Repeat("é", model.MaxFilterName+1)} {
		if _, err := f.app.saveFilter(bg, ada, bad, sel, false); !errors.As(err, &ve) {
			t.Errorf("name %q: %v", bad, err)
		}
	}

	bob := f.adminWithOrgs(t, "bob@example.org", "Lycée Ampère")
	var nf *model.NotFoundError
	if _, err := f.app.savedFilter(bg, bob, "CM2 pas activés"); !errors.As(err, &nf) || nf.Thing != model.ThingFilter {
		t.Errorf("another admin finds ada's filter: %v", err)
	}
	theirs := model.Selection{OrgIDs: ada.OrgIDs}
	if _, err := f.app.saveFilter(bg, bob, "Leurs écoles", theirs, false); err != nil {
		t.Fatal(err)
	}
	leak, _ := f.app.savedFilter(bg, bob, "Leurs écoles")
	if page, err := f.app.findUsers(bg, bob, leak.Selection, 0, 0); err != nil || page.Total != 0 {
		t.Errorf("a filter naming another admin's schools finds %d users: %v", page.Total, err)
	}

	if _, err := f.app.deleteFilter(bg, ada, "CM2 PAS ACTIVÉS", false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.deleteFilter(bg, ada, "CM2 pas activés", false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
}
