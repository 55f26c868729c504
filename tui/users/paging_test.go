package users

import (
	"context"
	"strings"
	"testing"

	"rollcall/model"
	"rollcall/tui/screen"
)

// TestOnlyThePageOnScreenIsLoaded: the screen holds the rows it shows, never the selection.
func TestOnlyThePageOnScreenIsLoaded(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	vis := m.list.Visible()
	at, rows := m.list.Rows()
	if vis < 10 || at != 0 || len(rows) != vis || m.list.Total() <= vis {
		t.Fatalf("loaded %d rows at %d for %d visible of %d", len(rows), at, vis, m.list.Total())
	}
	d.Press("tab")
	d.Press("pgdown")
	d.WaitFor("the second page", func() bool { at, rows = m.list.Rows(); return at == vis })
	if len(rows) != vis {
		t.Errorf("the second page holds %d rows, want %d", len(rows), vis)
	}
	want, err := sess.Acting.FindUsers(context.Background(), model.Selection{}, vis, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := selectedLogin(m); got != want.Users[0].Login {
		t.Errorf("cursor on %q after a page down, want %q", got, want.Users[0].Login)
	}
	d.WaitView("rows " + sess.Cat.Int(vis+1) + "–" + sess.Cat.Int(2*vis))

	d.Press("end")
	total := m.list.Total()
	d.WaitFor("the last page", func() bool { at, rows = m.list.Rows(); return at == total-vis })
	last, err := sess.Acting.FindUsers(context.Background(), model.Selection{}, total-1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if selectedLogin(m) != last.Users[0].Login || !strings.Contains(d.View(), last.Users[0].Login) {
		t.Errorf("end does not show the last user %s:\n%s", last.Users[0].Login, d.View())
	}
	d.Press("up")
	d.Press("home")
	d.WaitFor("the first page again", func() bool { at, _ = m.list.Rows(); return at == 0 })
}

// TestStaleResultsAreDropped: of two filters in flight, the newest wins whatever order their
// answers come back in, and a debounce overtaken by a newer keystroke runs nothing.
func TestStaleResultsAreDropped(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m := New(sess)
	m.SetSize(120, 40)
	students := model.Selection{Profiles: []model.Profile{model.Student}}
	teachers := model.Selection{Profiles: []model.Profile{model.Teacher}}

	m.panel.sel = students
	older := m.refilter(false)
	m.panel.sel = teachers
	newer := m.refilter(false)
	m.Update(newer())
	m.Update(older())
	if got, want := m.list.Total(), count(t, sess, teachers); got != want || !m.list.Loaded() {
		t.Fatalf("total %d after a stale answer, want the teachers' %d", got, want)
	}
	if _, rows := m.list.Rows(); len(rows) == 0 || rows[0].Profile != model.Teacher {
		t.Errorf("rows are not the teachers'")
	}

	m.panel.sel.Text = "a"
	first := m.refilter(true)
	m.panel.sel.Text = "ar"
	second := m.refilter(true)
	if _, cmd := m.Update(first()); cmd != nil {
		t.Errorf("an overtaken debounce started a query")
	}
	if m.list.Loaded() {
		t.Errorf("the list claims a count while the newest filter has not run")
	}
	_, query := m.Update(second())
	if query == nil {
		t.Fatal("the newest debounce ran no query")
	}
	m.Update(query())
	want := count(t, sess, model.Selection{Profiles: teachers.Profiles, Text: "ar"})
	if !m.list.Loaded() || m.list.Total() != want {
		t.Errorf("total %d, want %d", m.list.Total(), want)
	}
}

// TestTypingDebounces: keystrokes only schedule a filter (it runs in a command, so typing never
// waits for it), and six quick ones run one query, for the last text.
func TestTypingDebounces(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	before := sess.NewRequest()
	d.Type("dubois")
	if m.list.Loaded() {
		t.Error("the count claims to be current right after typing")
	}
	d.WaitView("filtering…")
	waitCount(d, m, count(t, sess, model.Selection{Text: "dubois"}))
	// Request ids are handed out one by one: six debounces, then one page.
	if ids := sess.NewRequest() - before - 1; ids != 7 {
		t.Errorf("typing six letters used %d request ids, want 6 debounces and 1 query", ids)
	}
	if !strings.Contains(d.View(), "Dubois") {
		t.Errorf("no Dubois on screen:\n%s", d.View())
	}
}

// TestMailMergeGetsTheSelection: m opens the mail merge on exactly the rows filtered.
func TestMailMergeGetsTheSelection(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	d.Press("down")
	d.Press("right")
	d.Send(space()) // teachers
	waitCount(d, m, count(t, sess, model.Selection{Profiles: []model.Profile{model.Teacher}}))
	d.Press("tab")
	d.Press("m")
	nav := tuitestAwaitNav(d)
	args, ok := nav.Arg.(screen.MailMergeArgs)
	if nav.Route != screen.RouteMailMerge || !ok || len(args.Selection.Profiles) != 1 || args.Selection.Profiles[0] != model.Teacher {
		t.Errorf("navigated to %+v", nav)
	}
}
