package merge

import (
	"strings"
	"testing"

	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

// A field of the screen's forms that refuses what was typed says what it expects, in the
// admin's language, rather than a bare "* ?".
func TestRefusedFieldsSayWhatTheyExpect(t *testing.T) {
	t.Parallel()
	sess, admin := demoSession(t)
	m := New(sess, screen.MailMergeArgs{Selection: class6eA(t, sess, admin)}, false)
	d := tuitest.ForScreen(t, m, 120, 50)
	d.WaitView("sélectionnés")
	focus := func(key string) {
		t.Helper()
		d.WaitFor("focus on "+key, func() bool { return m.forms.Form != nil && m.forms.Form.GetFocusedField().GetKey() == key })
	}
	refused := func(key, typed, want string) {
		t.Helper()
		focus(key)
		clearAndType(d, typed)
		d.Press("enter")
		d.WaitView(want)
		if v := d.View(); strings.Contains(v, "* ?") {
			t.Errorf("%s: a bare mark is still shown:\n%s", key, v)
		}
		clearAndType(d, "")
	}
	next := func(key string) {
		t.Helper()
		focus(key)
		d.Press("enter")
	}

	d.Press("e")
	next("per_sheet")
	next("paper")
	next("output")
	next("split")
	refused("activation_url", "comptes.example.fr", "Adresse d’activation : une adresse commençant par https://")
	d.Press("enter") // empty: none
	refused("rate", "vite", "messages par minute : un nombre entier, comme 60")
	d.Press("esc")

	d.Press("tab")
	d.WaitView("Premier e-mail")
	d.Press("p")
	refused("host", "", "obligatoire")
	clearAndType(d, "smtp.example.fr")
	d.Press("enter")
	refused("port", "vingt-cinq", "un nombre de 1 à 65535")
	d.Press("enter")
	next("security")
	next("username")
	next("password")
	refused("from", "pas une adresse", "une adresse e-mail, comme")
	d.Press("esc")

	d.Press("w")
	next("profile")
	refused("min", "4", "un nombre entier de 8 à 64")
}

// The same refusal reads in English for an English admin.
func TestRefusedFieldInEnglish(t *testing.T) {
	t.Parallel()
	sess, admin := demoSession(t)
	sess.SetLanguage(model.English)
	m := New(sess, screen.MailMergeArgs{Selection: class6eA(t, sess, admin)}, false)
	d := tuitest.ForScreen(t, m, 120, 50)
	d.WaitView("selected")
	d.Press("e")
	for _, k := range []string{"per_sheet", "paper", "output", "split", "activation_url"} {
		d.WaitFor("focus on "+k, func() bool { return m.forms.Form != nil && m.forms.Form.GetFocusedField().GetKey() == k })
		if k != "activation_url" {
			d.Press("enter")
		}
	}
	d.Press("enter")
	d.WaitFor("focus on rate", func() bool { return m.forms.Form.GetFocusedField().GetKey() == "rate" })
	d.Type("fast")
	d.Press("enter")
	d.WaitView("messages a minute: a whole number, such as 60")
}
