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
