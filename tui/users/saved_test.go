package users

import (
	"slices"
	"strings"
	"testing"

	"rollcall/model"
)

// S saves the panel's filters under a name; after clearing them F finds the filter again and
// enter brings back the same users and the same panel; x deletes it, esc goes back.
func TestSaveAndApplyAFilter(t *testing.T) {
	t.Parallel()
	sess := demoSession(t, model.English)
	m, d := open(t, sess)
	d.Press("down") // profiles
	d.Press("space")
	d.Press("down") // classes
	d.Press("down") // activation
	d.Press("right")
	d.Press("right") // not activated
	sel := m.panel.sel
	want := count(t, sess, sel)
	d.WaitFor("the filtered count", func() bool { return m.list.Loaded() && shownCount(d) == want })

	d.Press("S")
	d.WaitView("Save these filters", "Filter name")
	d.Type("Students not activated")
	d.Press("enter")
	d.WaitView(`Filter "Students not activated" saved: `)
	if list, _ := sess.Acting.SavedFilters(sess.Ctx); len(list) != 1 || list[0].Selection.Activation != model.TriNo ||
		!slices.Equal(list[0].Selection.Profiles, []model.Profile{model.Student}) {
		t.Fatalf("saved %+v", list)
	}

	d.Press("ctrl+r") // every filter off
	d.WaitFor("everyone", func() bool { return m.list.Loaded() && shownCount(d) > want })
	d.Press("F")
	d.WaitView("Saved filters", "Students not activated")
	d.Press("enter")
	d.WaitView(`Filter "Students not activated" applied.`)
	d.WaitFor("the saved filter's users", func() bool { return m.list.Loaded() && shownCount(d) == want })
	if m.panel.sel.Activation != model.TriNo || !strings.Contains(d.View(), "[x] Student") {
		t.Errorf("the panel does not show the saved filter:\n%s", d.View())
	}

	d.Press("F")
	d.WaitView("Students not activated")
	d.Press("x")
	d.WaitView(`Filter "Students not activated" deleted.`, "No saved filter.")
	d.Press("esc")
	d.WaitFor("the list again", func() bool { return m.focus == m.saved.back && m.focus != focusSaved })
	if list, _ := sess.Acting.SavedFilters(sess.Ctx); len(list) != 0 {
		t.Errorf("left after the delete: %+v", list)
	}
}
