package terms

import (
	"context"
	"strings"
	"testing"

	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

func signedIn(t *testing.T, lang model.Language) *screen.Session {
	t.Helper()
	sess := tuitest.NewSession(t, lang)
	ad := tuitest.SignUp(t, sess.App, "ada@example.org", lang, false)
	sess.Admin, sess.Acting = ad.Admin, ad.Session
	return sess
}

func TestAcceptingRecordsAndOpensHome(t *testing.T) {
	t.Parallel()
	sess := signedIn(t, model.French)
	m := New(sess)
	d := tuitest.ForScreen(t, m, 90, 30)
	d.WaitView("Avant de commencer", "Je confirme être majeur", "Rollcall est réservé aux adultes qui acceptent ses conditions.", "Oui", "Non")
	d.Press("y")
	d.WaitFor("the second question", func() bool { return m.form.GetFocusedField().GetKey() == fieldAccept })
	d.Press("o") // "oui" works as well as y
	admin := tuitest.Await[screen.AdminMsg](d)
	if !admin.Admin.AcceptedTerms() {
		t.Errorf("the admin sent to the root has not accepted the terms")
	}
	nav := tuitest.Await[screen.NavigateMsg](d)
	if nav.Route != screen.RouteHome || nav.Mode != screen.Reset {
		t.Errorf("navigated to %+v, want home alone on the stack", nav)
	}
	stored, err := sess.Acting.Admin(context.Background())
	if err != nil || !stored.AcceptedTerms() {
		t.Errorf("acceptance not stored: %v", err)
	}
}

// A No never signs out on its own: the screen says why Rollcall needs both answers and starts
// on going back to the questions; signing out from there says why.
func TestDecliningSaysWhyThenSignsOut(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		keys []string
	}{
		{"not an adult", []string{"n", "y"}},
		{"terms refused", []string{"y", "n"}},
		{"enter keeps the default No", []string{"enter", "enter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sess := signedIn(t, model.English)
			m := New(sess)
			d := tuitest.ForScreen(t, m, 90, 30)
			focus := func(key string) {
				t.Helper()
				d.WaitFor("focus on "+key, func() bool { return m.form.GetFocusedField().GetKey() == key })
			}
			answer := func() {
				t.Helper()
				focus(fieldAdult)
				d.Press(tt.keys[0])
				focus(fieldAccept)
				d.Press(tt.keys[1])
				focus(fieldDecline)
				d.WaitView("Rollcall is only for adults who accept its terms of use", "You answered No", "Back to the questions", "Sign out")
			}
			answer()
			d.Press("enter") // the choice starts on going back
			answer()
			d.Press("down")
			d.Press("enter")
			out := tuitest.Await[screen.SignOutMsg](d)
			if !strings.Contains(out.Reason, "only for adults who accept its terms of use") {
				t.Errorf("signed out without saying why: %q", out.Reason)
			}
			for _, e := range d.Emitted {
				if _, ok := e.(screen.AdminMsg); ok {
					t.Error("terms recorded although declined")
				}
			}
			if a, _ := sess.Acting.Admin(context.Background()); a.AcceptedTerms() {
				t.Error("terms stored although declined")
			}
		})
	}
}

func TestQuitKeyIsLeftToTheRoot(t *testing.T) {
	t.Parallel()
	m := New(signedIn(t, model.English))
	m.SetSize(90, 30)
	m.Init()
	if m.CapturesInput() {
		t.Error("yes/no questions must not capture q")
	}
	if v := m.View(); !strings.Contains(v, "I accept the terms of use") {
		t.Errorf("view lacks the question:\n%s", v)
	}
}
