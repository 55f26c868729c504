package tui

import (
	"context"
	"strings"
	"testing"

	"rollcall/tui/internal/tuitest"
)

// TestUsersAreaThroughTheRoot: home opens the Users and the Classes & groups screens; esc first
// closes what is open inside them (the detail), then the screen itself.
func TestUsersAreaThroughTheRoot(t *testing.T) {
	t.Parallel()
	a := tuitest.NewApp(t)
	remembered(t, a, true)
	if _, err := a.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, d := start(t, a, Options{})
	d.WaitView("Accueil", "Utilisateurs")
	d.Press("down")
	d.Press("enter")
	d.WaitView("› Recherche", "utilisateurs  lignes 1–")
	d.Press("tab")
	d.Press("enter")
	d.WaitView("D'où viennent les valeurs", "esc fermer")
	if strings.Contains(d.View(), "esc retour") {
		t.Errorf("the footer offers esc to go back while esc closes the detail:\n%s", d.View())
	}
	d.Press("esc")
	d.WaitFor("the list again", func() bool {
		v := d.View()
		return !strings.Contains(v, "D'où viennent") && strings.Contains(v, "Code d'activation")
	})
	d.Press("esc")
	d.WaitView("Accueil", "› Utilisateurs")
	d.Press("down")
	d.Press("enter")
	d.WaitView("Classes et groupes", " Classes (26) ", "6e A")
}
