package app

import (
	"context"
	"path/filepath"
	"testing"

	"rollcall/model"
)

// An import big enough to let the store drop its users as it writes reads the same afterwards:
// the directory is read back from the store, classes and parents included, and a second import
// of the same files changes nothing.
func TestAReleasedImportReadsBackTheSame(t *testing.T) {
	f := newFixture(t)
	f.app.releaseAt = 1
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	dir := filepath.Join(samplesDir(t), "ent", "templates-fr")
	if _, err := f.app.importFiles(ctx, admin, inputs(dir), ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	parents, _ := f.app.selectUserIDs(ctx, admin, model.Selection{Profiles: []model.Profile{model.Parent}})
	pupils, _ := f.app.selectUserIDs(ctx, admin, model.Selection{Profiles: []model.Profile{model.Student}})
	if len(parents) != 8 || len(pupils) == 0 {
		t.Fatalf("after a released import the directory holds %d parents, %d pupils", len(parents), len(pupils))
	}
	for _, id := range pupils {
		u, err := f.store.User(ctx, id)
		if err != nil || u.Login == "" || u.LastName == "" || len(u.ClassIDs) == 0 {
			t.Fatalf("a pupil written from a released batch: %+v, %v", u, err)
		}
	}
	again, err := f.app.importFiles(ctx, admin, inputs(dir), ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := again.Counts; c.Created != 0 || c.Updated != 0 || c.Unchanged != 24 {
		t.Errorf("the second import: %+v, want 24 unchanged", c)
	}
}
