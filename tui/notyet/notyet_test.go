package notyet

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

func TestSaysTheAreaIsNotThereYet(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.French)
	m := New(sess, screen.AreaMailMerge)
	m.SetSize(60, 10)
	got := ansi.Strip(m.View())
	for _, want := range []string{"Publipostage", "Distribuer les comptes", "pas encore disponible"} {
		if !strings.Contains(got, want) {
			t.Errorf("view lacks %q:\n%s", want, got)
		}
	}
	if m.CapturesInput() || len(m.ShortHelp()) != 0 {
		t.Error("the placeholder must leave esc and q to the root")
	}
}
