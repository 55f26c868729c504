package keys

import (
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rollcall/i18n"
	"rollcall/model"
)

func TestHelpTextsFollowTheLanguage(t *testing.T) {
	t.Parallel()
	en, fr := New(i18n.For(model.English)), New(i18n.For(model.French))
	tests := []struct {
		name     string
		got      key.Binding
		wantDesc string
	}{
		{"quit en", en.Quit, "quit"},
		{"quit fr", fr.Quit, "quitter"},
		{"language en names the other language", en.Language, "français"},
		{"language fr names the other language", fr.Language, "english"},
		{"sign out fr", fr.SignOut, "déconnexion"},
	}
	for _, tt := range tests {
		if d := tt.got.Help().Desc; d != tt.wantDesc {
			t.Errorf("%s: %q, want %q", tt.name, d, tt.wantDesc)
		}
	}
}

func TestFormKeysLeaveCtrlCToTheShell(t *testing.T) {
	t.Parallel()
	m := Form(i18n.For(model.French))
	if key.Matches(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}, m.Quit) {
		t.Error("Huh would abort the form on ctrl+c instead of the shell quitting")
	}
	if m.Select.Filter.Enabled() {
		t.Error("select filtering would take esc from the shell")
	}
	if d := m.Input.Next.Help().Desc; d != "suivant" {
		t.Errorf("input next help = %q, want the French text", d)
	}
	if !key.Matches(tea.KeyPressMsg{Code: 'o', Text: "o"}, m.Confirm.Accept) {
		t.Error("o (oui) does not accept a yes/no question")
	}
	if Form(i18n.For(model.French)) == m {
		t.Error("two forms share one key map")
	}
}
