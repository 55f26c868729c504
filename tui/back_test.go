package tui

import (
	"testing"

	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

// TestAScreenWithStepsKeepsEsc: the import screen opens from home; while its path field has
// focus esc leaves the field, not the screen; from its picker esc returns home.
func TestAScreenWithStepsKeepsEsc(t *testing.T) {
	t.Parallel()
	a := tuitest.NewApp(t)
	remembered(t, a, true)
	m, d := start(t, a, Options{})
	d.WaitView("Accueil", "› Abonnements")
	for range 3 {
		d.Press("down")
	}
	d.WaitView("› Imports")
	d.Press("enter")
	d.WaitView("Choisissez ce qu'il faut importer")
	d.Press("/")
	d.Type("q") // typed into the field: the console does not quit
	d.WaitView("Chemin : q")
	d.Press("esc")
	if quitted(d) || len(m.stack) != 2 || screen.HandlesBack(m.top()) {
		t.Fatalf("esc in the path field left the screen, or q quit: %d screens", len(m.stack))
	}
	d.Press("esc")
	d.WaitView("Accueil", "› Imports")
}
