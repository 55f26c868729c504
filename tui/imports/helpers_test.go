package imports

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/huh/v2"

	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

// fixture is a signed-in admin's session over a real store, with the organization imports go
// to, and the import screen driven at a fixed size.
type fixture struct {
	t    *testing.T
	sess *screen.Session
	m    *Model
	d    *tuitest.Driver
}

// newFixture signs an admin in (in lang) and, with orgs > 0, creates that many organizations;
// the picker opens in start.
func newFixture(t *testing.T, lang model.Language, orgs int, start string) *fixture {
	t.Helper()
	sess := tuitest.NewSession(t, lang)
	ad := tuitest.SignUp(t, sess.App, "ada@example.org", lang, true)
	sess.Admin, sess.Acting = ad.Admin, ad.Session
	for i := range orgs {
		if _, err := ad.Session.CreateOrg(context.Background(), model.Organization{Name: fmt.Sprintf("École %d", i+1), Country: "FR"}, false); err != nil {
			t.Fatal(err)
		}
	}
	m := New(sess)
	m.start = start
	f := &fixture{t: t, sess: sess, m: m}
	f.d = tuitest.ForScreen(t, m, 120, 40)
	return f
}

// admin is the admin as the store has them now.
func (f *fixture) admin() model.Admin {
	f.t.Helper()
	a, err := f.sess.Acting.Admin(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	return a
}

// users counts the users of the admin's organizations in the store.
func (f *fixture) users() int {
	f.t.Helper()
	ov, err := f.sess.Acting.Overview(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	return ov.Users
}

// typePath opens the path field, types path and detects what it is.
func (f *fixture) typePath(path string) {
	f.t.Helper()
	f.d.WaitFor("the folder", func() bool { return f.m.picker.dir != "" })
	f.d.Press("/")
	f.d.Type(path)
	f.d.Press("enter")
	f.d.WaitFor("the detection", func() bool { return f.m.step == stepDetected })
}

// submitOptions opens the options and submits them.
func (f *fixture) submitOptions() {
	f.t.Helper()
	f.d.Press("enter")
	f.fillOptions()
}

// fillOptions goes through every field of the options with enter, typing typed[key] into a
// field first; the last enter starts the dry run.
func (f *fixture) fillOptions(typed ...map[string]string) {
	f.t.Helper()
	f.d.WaitFor("the options", func() bool { return f.m.step == stepOptions && f.m.forms.Form.GetFocusedField() != nil })
	for f.m.step == stepOptions && f.m.forms.Form.State == huh.StateNormal {
		key := f.m.forms.Form.GetFocusedField().GetKey()
		for _, values := range typed {
			f.d.Type(values[key])
		}
		f.d.Press("enter")
		f.d.WaitFor("the next field after "+key, func() bool {
			return f.m.step != stepOptions || f.m.forms.Form.State != huh.StateNormal || f.m.forms.Form.GetFocusedField().GetKey() != key
		})
	}
}

// dryRun detects path, submits the options and waits for the diff.
func (f *fixture) dryRun(path string) {
	f.t.Helper()
	f.typePath(path)
	f.submitOptions()
	f.d.WaitFor("the dry run's end", func() bool { return f.m.step == stepDiff })
}

// writeENT writes an ENT students file of the given rows ("first;last;birth;class") into dir.
func writeENT(t *testing.T, dir string, rows ...string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "CSV_Eleves.csv")
	body := "Prénom*;Nom*;Date de naissance*;Classes*\n" + strings.Join(rows, "\n") + "\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// threeStudents are the rows of a small class.
var threeStudents = []string{"Léa;COLIN;13/08/2014;CP", "Théo;COLIN;02/01/2010;CM2", "Inès;BERGER;05/03/2014;CP"}

// writeBigENT writes an English ENT students file of n distinct students, big enough for an
// import to report progress several times before it ends.
func writeBigENT(t *testing.T, dir string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("externalID;First name*;Last name*;Birthdate*;Email;Class\n")
	for i := range n {
		fmt.Fprintf(&b, "S%06d;Anna;%s;%02d/%02d/2012;;C%02d\n", i, letters(i), i%28+1, i%12+1, i%30)
	}
	path := filepath.Join(dir, "CSV_Students.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// letters spells i in base 26 with capital letters: a distinct last name per row.
func letters(i int) string {
	s := ""
	for {
		s = string(rune('A'+i%26)) + s
		if i /= 26; i == 0 {
			return s
		}
	}
}
