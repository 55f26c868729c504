package storagetest

import (
	"errors"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

var importTests = []test{
	{"a batch records its run, undo data and provenance", testImportParts},
	{"a new run or class with an updated user's id leaves that user's provenance merged", testProvenanceIDsOfOtherKinds},
}

// testProvenanceIDsOfOtherKinds: each kind draws its ids from its own sequence, so the run and
// the class a batch creates may have the ids of users it updates; those users are not new, and
// their stored provenance is merged with the batch's, not replaced (nor written twice).
func testProvenanceIDsOfOtherKinds(t *testing.T, s storage.Store) {
	must(t, "ApplySeed", s.ApplySeed(bg, demoSeed()))
	var users []model.User
	must(t, "ForEachUser", s.ForEachUser(bg, func(u *model.User) error { users = append(users, *u); return nil }))
	first := map[model.ID]model.Provenance{}
	for _, u := range users {
		first[u.ID] = model.Provenance{model.FieldLastName: {File: "first.csv", Line: 2}}
	}
	_, err := s.Apply(bg, storage.Batch{Provenance: first})
	must(t, "Apply first", err)
	run := model.ImportRun{ID: model.TempID(50), Source: "ent"}
	second := map[model.ID]model.Provenance{}
	for _, u := range users {
		second[u.ID] = model.Provenance{model.FieldEmail: {Run: run.ID, File: "second.csv", Line: 3}}
	}
	_, err = s.Apply(bg, storage.Batch{Import: &run, Classes: []model.Class{{ID: model.TempID(51), OrgID: users[0].OrgID, Code: "NEW"}},
		Provenance: second})
	must(t, "Apply second", err)
	for _, u := range users {
		p, err := s.Provenance(bg, u.ID)
		must(t, "Provenance", err)
		if p[model.FieldLastName].File != "first.csv" || p[model.FieldEmail].File != "second.csv" {
			t.Errorf("provenance of user %d = %+v, want last name from first.csv and email from second.csv", u.ID, p)
		}
	}
}

func testImportParts(t *testing.T, s storage.Store) {
	must(t, "ApplySeed", s.ApplySeed(bg, demoSeed()))
	student, _ := s.UserByLogin(bg, "student")
	before := student
	student.FirstName = "Léa"
	at := time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)
	run := model.ImportRun{ID: model.TempID(100), At: at, Source: "ent", Files: []model.ImportFile{{Name: "eleves.csv", SHA256: "ab", Rows: 2}},
		Counts: model.ImportCounts{Created: 1, Updated: 1}}
	fresh := model.User{ID: model.TempID(1), Login: "fresh", OrgID: student.OrgID}
	applied, err := s.Apply(bg, storage.Batch{
		Users:  []model.User{student, fresh},
		Import: &run,
		Undo:   &model.ImportUndo{RunID: model.TempID(100), Before: []model.User{before}, NewUsers: []model.ID{model.TempID(1)}, WrittenAt: at},
		Provenance: map[model.ID]model.Provenance{
			student.ID:      {model.FieldFirstName: {Run: model.TempID(100), File: "eleves.csv", Line: 2}},
			model.TempID(1): {model.FieldLastName: {File: "eleves.csv", Line: 3}},
		},
		// In bulk, merged with the maps above, which win for a field both set.
		Origins: []storage.FieldsOrigin{
			{User: model.TempID(1), Fields: model.FieldSet(0).With(model.FieldFirstName).With(model.FieldLastName),
				Origin: model.Origin{Run: model.TempID(100), File: "eleves.csv", Line: 7}},
			{User: student.ID, Fields: model.FieldSet(0).With(model.FieldBirthDate), Origin: model.Origin{File: "eleves.csv", Line: 8}},
		},
	})
	must(t, "Apply", err)
	runID, freshID := applied.IDs[model.TempID(100)], applied.IDs[model.TempID(1)]
	runs, err := s.ListImports(bg)
	must(t, "ListImports", err)
	if len(runs) != 1 || runs[0].ID != runID || runs[0].Files[0].SHA256 != "ab" || runs[0].Counts.Created != 1 {
		t.Fatalf("history = %+v, want the run as %d", runs, runID)
	}
	undo, err := s.ImportUndo(bg, runID)
	must(t, "ImportUndo", err)
	if undo.RunID != runID || len(undo.NewUsers) != 1 || undo.NewUsers[0] != freshID || undo.Before[0].FirstName == "Léa" {
		t.Errorf("undo = %+v", undo)
	}
	p, err := s.Provenance(bg, freshID)
	must(t, "Provenance", err)
	if p[model.FieldLastName].Line != 3 || p[model.FieldFirstName].Line != 7 || p[model.FieldFirstName].Run != runID || len(p) != 2 {
		t.Errorf("provenance of the new user = %+v", p)
	}
	if p, _ := s.Provenance(bg, student.ID); p[model.FieldFirstName].Line != 2 || p[model.FieldBirthDate].Line != 8 {
		t.Errorf("provenance of the updated user = %+v", p)
	}
	// A later batch merges provenance, drops fields, and updates the run.
	runs[0].UndoneAt = at
	_, err = s.Apply(bg, storage.Batch{Import: &runs[0], DropProvenance: map[model.ID][]model.Field{freshID: {model.FieldLastName}},
		Provenance: map[model.ID]model.Provenance{student.ID: {model.FieldEmail: {File: "x.csv", Line: 9}}}})
	must(t, "Apply 2", err)
	if p, _ := s.Provenance(bg, freshID); len(p) != 1 || p[model.FieldFirstName].Line != 7 {
		t.Errorf("dropped provenance kept: %+v", p)
	}
	if p, _ := s.Provenance(bg, student.ID); p[model.FieldFirstName].Line != 2 || p[model.FieldEmail].Line != 9 {
		t.Errorf("merged provenance = %+v", p)
	}
	if runs, _ := s.ListImports(bg); !runs[0].Undone() {
		t.Error("the run update was lost")
	}
	if _, err := s.ImportUndo(bg, 9999); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("undo of an unknown run: %v", err)
	}
}
