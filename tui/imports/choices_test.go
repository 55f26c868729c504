package imports

import (
	"context"
	"testing"

	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/importers"
	"rollcall/model"
	"rollcall/tui/internal/tuitest"
)

// TestModeAndCreatedClassesOnScreen: the first import says which classes it created; an
// update-only run chosen in the options creates nobody and says who it skipped.
func TestModeAndCreatedClassesOnScreen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeENT(t, dir, threeStudents...)
	f := newFixture(t, model.English, 1, dir)
	f.dryRun(dir)
	f.d.WaitView("Dry run: 3 created", "Classes created: CP, CM2")

	// Import them for real, then add a fourth pupil to the file and ask for an update only.
	if _, err := f.sess.Acting.Import(context.Background(), []importers.Input{{Path: dir}}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	writeENT(t, dir, append(threeStudents, "Zoé;ABEL;01/01/2014;CP")...)
	f.m = New(f.sess)
	f.m.start = dir
	f.d = tuitest.ForScreen(t, f.m, 120, 40)
	d := f.d
	f.typePath(dir)
	d.Press("enter")
	d.WaitFor("the options", func() bool { return f.m.step == stepOptions && f.m.forms.Form.GetFocusedField() != nil })
	for f.m.step == stepOptions && f.m.forms.Form.State == huh.StateNormal {
		key := f.m.forms.Form.GetFocusedField().GetKey()
		if key == fieldMode {
			d.Press("down")
			d.Press("down")
		}
		d.Press("enter")
		d.WaitFor("the field after "+key, func() bool {
			return f.m.step != stepOptions || f.m.forms.Form.State != huh.StateNormal || f.m.forms.Form.GetFocusedField().GetKey() != key
		})
	}
	d.WaitFor("the dry run's end", func() bool { return f.m.step == stepDiff })
	d.WaitView("Dry run: 0 created", "1 skipped", "ABEL")
}
