package screen

import (
	"context"
	"errors"
	"testing"

	"rollcall/model"
)

func TestLocalFilesOnlyOnALocalTerminal(t *testing.T) {
	s := NewSession(context.Background(), nil, model.English, true)
	if err := s.LocalFiles(); err != nil {
		t.Errorf("a local console: %v", err)
	}
	s.Remote = true
	if err := s.LocalFiles(); !errors.Is(err, model.ErrServerFiles) {
		t.Errorf("a console over SSH: %v, want model.ErrServerFiles", err)
	}
}

func TestRequiredNamesTheField(t *testing.T) {
	s := NewSession(context.Background(), nil, model.French, true)
	check := s.Required("Fichier de sauvegarde")
	for _, blank := range []string{"", "   ", "\t"} {
		if err := check(blank); err == nil || err.Error() != "Fichier de sauvegarde "+s.Cat.Rules.Required {
			t.Errorf("%q: %v", blank, err)
		}
	}
	if err := check(" copie.db "); err != nil {
		t.Errorf("a path: %v", err)
	}
}
