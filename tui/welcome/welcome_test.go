package welcome

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

func TestMenuNavigates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		keys  []string
		route screen.Route
	}{
		{"s signs in", []string{"s"}, screen.RouteSignIn},
		{"n signs up", []string{"n"}, screen.RouteSignUp},
		{"enter on the first item signs in", []string{"enter"}, screen.RouteSignIn},
		{"down then enter signs up", []string{"down", "enter"}, screen.RouteSignUp},
		{"up wraps to quit, down comes back", []string{"up", "down", "down", "enter"}, screen.RouteSignUp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d := tuitest.ForScreen(t, New(tuitest.NewSession(t, model.English)), 80, 20)
			for _, k := range tt.keys {
				d.Press(k)
			}
			if nav := tuitest.Await[screen.NavigateMsg](d); nav.Route != tt.route || nav.Mode != screen.Push {
				t.Errorf("navigated to %+v, want route %v pushed", nav, tt.route)
			}
		})
	}
}

func TestQuitItem(t *testing.T) {
	t.Parallel()
	d := tuitest.ForScreen(t, New(tuitest.NewSession(t, model.English)), 80, 20)
	d.Press("up") // the cursor wraps to Quit
	d.Press("enter")
	tuitest.Await[tea.QuitMsg](d)
}

func TestLanguageToggle(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.English)
	d := tuitest.ForScreen(t, New(sess), 80, 20)
	d.WaitView("Welcome to Rollcall", "Create an account", "Français")
	d.Press("l")
	d.WaitView("Bienvenue dans Rollcall", "Créer un compte", "English")
	if sess.Cat.Lang != model.French {
		t.Errorf("session language = %s, want fr", sess.Cat.Lang)
	}
}

func TestDemoLoadsOnceThenSaysAlreadyLoaded(t *testing.T) {
	t.Parallel()
	d := tuitest.ForScreen(t, New(tuitest.NewSession(t, model.English)), 100, 20)
	d.Press("d")
	d.WaitView("Demo school loaded:", "users", "2 organizations")
	tuitest.Await[screen.DataChangedMsg](d)
	d.Press("d")
	d.WaitView("The demo school is already loaded.")
	if strings.Contains(d.View(), "Demo school loaded:") {
		t.Errorf("the old summary stayed on screen:\n%s", d.View())
	}
}

func TestViewAtFixedSize(t *testing.T) {
	t.Parallel()
	d := tuitest.ForScreen(t, New(tuitest.NewSession(t, model.French)), 60, 20)
	d.Press("down")
	want := []string{
		"Bienvenue dans Rollcall",
		"  s   Se connecter",
		"› n   Créer un compte",
		"  d   Charger l'établissement de démonstration",
		"  l   English",
		"  q   Quitter",
	}
	v := d.View()
	for _, w := range want {
		if !strings.Contains(v, w) {
			t.Errorf("view lacks %q:\n%s", w, v)
		}
	}
}

// The demo's summary is longer than a narrow terminal: it wraps instead of losing its end.
func TestDemoSummaryWrapsToTheWidth(t *testing.T) {
	t.Parallel()
	const width = 60
	d := tuitest.ForScreen(t, New(tuitest.NewSession(t, model.French)), width, 24)
	d.Press("d")
	d.WaitView("Établissement de démonstration chargé", "abonnements")
	for _, line := range strings.Split(d.View(), "\n") {
		if w := lipgloss.Width(line); w > width {
			t.Errorf("a line is %d columns wide, more than %d: %q", w, width, line)
		}
	}
}
