package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

// TestEveryMessageInEveryLanguage fails when a catalogue leaves a message empty, or when the
// two languages disagree on the number of %s placeholders of a message.
func TestEveryMessageInEveryLanguage(t *testing.T) {
	en, fr := For(model.English), For(model.French)
	var walk func(path string, a, b reflect.Value)
	walk = func(path string, a, b reflect.Value) {
		switch a.Kind() {
		case reflect.Struct:
			for i := 0; i < a.NumField(); i++ {
				if !a.Type().Field(i).IsExported() {
					continue
				}
				walk(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i))
			}
		case reflect.String:
			if a.String() == "" {
				t.Errorf("English lacks %s", path)
			}
			if b.String() == "" {
				t.Errorf("French lacks %s", path)
			}
			if ca, cb := strings.Count(a.String(), "%"), strings.Count(b.String(), "%"); ca != cb && path != "Catalog.Rules.PasswordSymbol" {
				t.Errorf("%s: English has %d %% verbs, French %d", path, ca, cb)
			}
		}
	}
	walk("Catalog", reflect.ValueOf(*en), reflect.ValueOf(*fr))
	for _, p := range model.Profiles {
		if en.Profile(p) == "" || fr.Profile(p) == "" {
			t.Errorf("profile %v lacks a name", p)
		}
	}
}

func TestNumbersAndPlurals(t *testing.T) {
	en, fr := For(model.English), For(model.French)
	tests := []struct {
		got, want string
	}{
		{en.Int(1170), "1,170"},
		{fr.Int(1170), "1\u202f170"},
		{en.Int(-1234567), "-1,234,567"},
		{en.Int(999), "999"},
		{en.Count(1, en.Nouns.User), "1 user"},
		{en.Count(0, en.Nouns.User), "0 users"},
		{fr.Count(0, fr.Nouns.User), "0 utilisateur"},
		{fr.Count(1170, fr.Nouns.User), "1\u202f170 utilisateurs"},
		{en.Date(model.Date{Year: 2026, Month: 9, Day: 30}), "30 Sep 2026"},
		{fr.Date(model.Date{Year: 2026, Month: 9, Day: 30}), "30 sept. 2026"},
		{fr.ImportReport(model.ImportCounts{Created: 1, Updated: 1, Unchanged: 1170}),
			"1 créé, 1 mis à jour, 0 protégé, 1\u202f170 inchangés, 0 à supprimer"},
		{en.ImportReport(model.ImportCounts{Created: 47, Updated: 1170, PendingDeletion: 2}),
			"47 created, 1,170 updated, 0 protected, 0 unchanged, 2 to be deleted"},
		{fr.ImportClasses(model.ImportCounts{ClassesCreated: 2, OrgsCreated: 1}), "2 classes, 0 groupe et 1 établissement créés"},
		{en.ImportClasses(model.ImportCounts{GroupsCreated: 1}), "0 classes, 1 group and 0 organizations created"},
		{en.Label("Paper", "A4"), "Paper: A4"},
		{fr.Label("Papier", "A4"), "Papier : A4"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestErrorsAreTranslated(t *testing.T) {
	fr := For(model.French)
	dir := t.TempDir()
	_, missing := os.ReadFile(filepath.Join(dir, "eleves.csv")) // the system's own errors
	_, folder := os.ReadFile(dir)
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("sign in: %w", model.ErrInvalidCredentials), "Courriel ou mot de passe incorrect."},
		{fmt.Errorf("open x.db: %w", storage.ErrLocked), fr.Errors.Locked},
		{model.ValidationErrors{{Field: "email", Rule: model.RuleEmail}, {Field: "password", Rule: model.RulePasswordDigit}},
			"Courriel n'est pas une adresse valide\nMot de passe doit contenir au moins un chiffre"},
		{errors.New("disk full"), "Une erreur est survenue : disk full"},
		{&model.ValidationError{Field: "--profile", Rule: model.RuleUnknownValue, Value: "élèves"}, "--profile n'est pas une valeur connue (« élèves »)"},
		{&model.RowError{File: "eleves.csv", Line: 3, Column: "Date de naissance*", Letter: "C", Value: "31/02/2010", Rule: model.RuleDate, Expected: "DD/MM/YYYY"},
			`eleves.csv, ligne 3, colonne Date de naissance* (C), valeur "31/02/2010" : doit être une date (attendu : JJ/MM/AAAA)`},
		{fmt.Errorf("import: %w", missing), "Impossible de lire " + filepath.Join(dir, "eleves.csv") + " : ce fichier ou dossier n'existe pas."},
		{folder, "Impossible de lire " + dir + " : c'est un dossier."},
		{&fs.PathError{Op: "write", Path: "/x/copie.db", Err: fs.ErrNotExist}, "Impossible d'écrire /x/copie.db : ce fichier ou dossier n'existe pas."},
		{fmt.Errorf("--class %q: %w", "6e Z", &model.NotFoundError{Thing: model.ThingClass, Ref: "6e Z", Err: storage.ErrNotFound}),
			"Classe introuvable : 6e Z."},
	}
	for _, tt := range tests {
		if got := fr.Error(tt.err); got != tt.want {
			t.Errorf("Error(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestResolveOrder(t *testing.T) {
	if got := Resolve("fr", model.English, "en_US.UTF-8"); got != model.French {
		t.Errorf("flag must win, got %s", got)
	}
	if got := Resolve("", model.French, "en_US.UTF-8"); got != model.French {
		t.Errorf("saved choice must beat LANG, got %s", got)
	}
	if got := Resolve("", "", "fr_FR.UTF-8"); got != model.French {
		t.Errorf("LANG must be used last, got %s", got)
	}
	if got := Resolve("", "", "C"); got != model.English {
		t.Errorf("default must be English, got %s", got)
	}
}
