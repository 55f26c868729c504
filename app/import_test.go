package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"rollcall/importers"
	"rollcall/model"
)

// samplesDir finds ../shared/samples from the repository root.
func samplesDir(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "shared", "samples")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/samples is absent: the roster samples live beside the repository")
	}
	return dir
}

// schoolAdmin is a verified admin of one empty school.
func schoolAdmin(t *testing.T, f *fixture) model.Admin {
	t.Helper()
	ctx := context.Background()
	org := model.Organization{Name: "École Test", Country: "FR"}
	if err := f.store.CreateOrg(ctx, &org); err != nil {
		t.Fatal(err)
	}
	return f.verifiedAdmin(t, "admin@example.fr", "password1") // the first admin gets every org
}

func inputs(paths ...string) []importers.Input {
	in := make([]importers.Input, len(paths))
	for i, p := range paths {
		in[i] = importers.Input{Path: p}
	}
	return in
}

func TestImportENTSamplesTwiceIsIdempotent(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	dir := filepath.Join(samplesDir(t), "ent", "templates-fr")
	rep, err := f.app.importFiles(ctx, admin, inputs(dir), ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := rep.Counts
	if c.Created != 24 || c.Updated != 0 || c.ClassesCreated != 10 || rep.Source != "ent" || len(rep.Files) != 5 {
		t.Fatalf("first import: %+v, source %q, %d files", c, rep.Source, len(rep.Files))
	}
	again, err := f.app.importFiles(ctx, admin, inputs(dir), ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := again.Counts; c.Created != 0 || c.Updated != 0 || c.Unchanged != 24 || c.PendingDeletion != 0 || c.ClassesCreated != 0 {
		t.Errorf("second import of the same files: %+v, want 24 unchanged and nothing else", c)
	}
	ids, _ := f.app.selectUserIDs(ctx, admin, model.Selection{Profiles: []model.Profile{model.Parent}})
	if len(ids) != 8 {
		t.Fatalf("%d parents, want 8", len(ids))
	}
	linked := 0
	for _, id := range ids {
		u, _ := f.store.User(ctx, id)
		linked += len(u.ChildIDs)
	}
	if linked == 0 {
		t.Error("no parent is linked to a child")
	}
	runs, _ := f.store.ListImports(ctx)
	if len(runs) != 2 || runs[0].Counts.Unchanged != 24 || runs[1].Files[0].SHA256 == "" {
		t.Errorf("history = %+v", runs)
	}
}

func TestImportErrorsChangeNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	bad := filepath.Join(t.TempDir(), "CSV_Eleves.csv")
	os.WriteFile(bad, []byte("Prénom*;Nom*;Date de naissance*;Classes*\r\nLéa;COLIN;31/02/2014;CP\r\nThéo;COLIN;02/01/2010;CM2\r\n"), 0o600)
	_, err := f.app.importFiles(ctx, admin, inputs(bad), ImportOptions{}, nil)
	var errs *importers.Errors
	if !errors.As(err, &errs) || len(errs.List) != 1 || errs.List[0].Line != 2 || errs.List[0].Column != "Date de naissance*" {
		t.Fatalf("err = %v", err)
	}
	if n, _ := f.store.CountUsers(ctx); n != 0 {
		t.Errorf("an invalid import wrote %d users", n)
	}
}
