package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"rollcall/model"
)

// TestImportLoginsNumberHomonyms: new users' logins are firstname.lastname, numbered from 2 past
// the logins already taken (in the store, in this school or another, or earlier in the files),
// and a login the file gives is kept when free.
func TestImportLoginsNumberHomonyms(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	other := model.Organization{Name: "Autre école"}
	if err := f.store.CreateOrg(ctx, &other); err != nil {
		t.Fatal(err)
	}
	for _, u := range []model.User{{Login: "Lea.Martin2", OrgID: other.ID}, {Login: "lea.martin4", OrgID: admin.OrgIDs[0]}} {
		if err := f.store.CreateUser(ctx, &u); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "CSV_Eleves.csv")
	rows := "Identifiant externe;Nom;Prénom;Date de naissance;Classe;Identifiant\n" +
		"E1;Martin;Léa;01/02/2014;6A;\nE2;MARTIN;Léa;02/02/2014;6A;\nE3;Martin;Lea;03/02/2014;6A;\n" +
		"E4;Martin;Léa;04/02/2014;6A;lea.martin2\nE5;Martin;Léa;05/02/2014;6A;la.fee\nE6;Martin;Léa;06/02/2014;6A;\n"
	if err := os.WriteFile(path, []byte(rows), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.importFiles(ctx, admin, inputs(path), ImportOptions{Classes: ClassesCreate}, nil); err != nil {
		t.Fatal(err)
	}
	var got []string
	f.store.ForEachUser(ctx, func(u *model.User) error {
		if u.ExternalID != "" {
			got = append(got, u.ExternalID+"="+u.Login)
		}
		return nil
	})
	slices.Sort(got)
	want := []string{"E1=lea.martin", "E2=lea.martin3", "E3=lea.martin5", "E4=lea.martin6", "E5=la.fee", "E6=lea.martin7"}
	if !slices.Equal(got, want) {
		t.Errorf("logins = %v, want %v", got, want)
	}
}

// TestLoginSet: stored logins are found whatever order they came in, this import's own win.
func TestLoginSet(t *testing.T) {
	for _, stored := range [][]string{{"ana", "bob", "lea.martin", "lea.martin2", "zoe"}, {"zoe", "lea.martin2", "ana", "lea.martin", "bob"}} {
		s := newLoginSet(4)
		for _, k := range stored {
			s.addStored([]byte(k))
		}
		s.sort()
		for _, k := range stored {
			if s.get(k) != loginTaken {
				t.Errorf("%v: %q not taken", stored, k)
			}
		}
		for _, k := range []string{"", "a", "anna", "lea.martin3", "zzz", "bo"} {
			if s.get(k) != loginFree {
				t.Errorf("%v: %q taken", stored, k)
			}
		}
		s.set("lea.martin", 3)
		s.set("new", loginTaken)
		if s.get("lea.martin") != 3 || s.get("new") != loginTaken {
			t.Errorf("%v: this import's logins lost", stored)
		}
	}
}
