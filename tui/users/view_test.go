package users

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"rollcall/model"
	"rollcall/tui/internal/tuitest"
)

// TestViewFitsTheBody: at any size, in every part of the screen, the view stays inside the body
// area the root gives it.
func TestViewFitsTheBody(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.French)
	for _, size := range [][2]int{{60, 20}, {80, 24}, {118, 36}, {160, 50}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := New(sess)
			d := tuitest.ForScreen(t, m, size[0], size[1])
			d.WaitFor("the first page", func() bool { return m.list.Loaded() })
			check := func(part string) {
				t.Helper()
				v := d.View()
				if h := lipgloss.Height(v); h > size[1] {
					t.Errorf("%s: %d lines in %d", part, h, size[1])
				}
				for i, line := range strings.Split(v, "\n") {
					if w := lipgloss.Width(line); w > size[0] {
						t.Errorf("%s: line %d is %d wide in %d: %q", part, i, w, size[0], line)
					}
				}
			}
			check("panel")
			d.Press("down")
			d.Press("down")
			d.Press("enter")
			d.WaitView("Classes à afficher")
			check("picker")
			d.Press("esc")
			d.Press("tab")
			d.Press("enter")
			d.WaitFor("the detail", func() bool { return m.detail.loaded })
			check("detail")
			d.Press("e")
			waitField(d, m, "profile")
			check("form")
		})
	}
}

// TestFrenchCountAndLayout: numbers and plurals follow the language; the short filters go two
// by two only when there is room.
func TestFrenchCountAndLayout(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.French)
	all := count(t, sess, model.Selection{})
	m := New(sess)
	d := tuitest.ForScreen(t, m, 120, 40)
	d.WaitView("Utilisateurs  "+sess.Cat.Count(all, sess.Cat.Nouns.User), "lignes 1–28") // 40 lines less the title, 7 of filters, the header and status
	if !strings.Contains(sess.Cat.Count(all, sess.Cat.Nouns.User), "\u202f") {
		t.Errorf("no narrow space in %q", sess.Cat.Count(all, sess.Cat.Nouns.User))
	}
	lines := strings.Split(d.View(), "\n")
	if !strings.Contains(lines[4], "Classes") || !strings.Contains(lines[4], "Activation") {
		t.Errorf("at 120 columns classes and activation share a line:\n%s", d.View())
	}
	header := "\n  Nom           Prénom     Profil      Identifiant     Code d'activation  Courriel             Classe    Créé le "
	if !strings.Contains(d.View(), header) {
		t.Errorf("header is not\n%s\nin\n%s", header, d.View())
	}

	narrow := New(sess)
	d = tuitest.ForScreen(t, narrow, 78, 30) // an 80-column terminal's body
	d.WaitFor("the first page", func() bool { return narrow.list.Loaded() })
	lines = strings.Split(d.View(), "\n")
	if !strings.Contains(lines[4], "Classes") || strings.Contains(lines[4], "Activation") {
		t.Errorf("at 80 columns each filter has its line:\n%s", d.View())
	}
	if !strings.Contains(lines[3], "Profils") || !strings.Contains(lines[3], "[ ] Invité") {
		t.Errorf("at 80 columns every profile shows: %q", lines[3])
	}
}
