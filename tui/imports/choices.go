package imports

import (
	"charm.land/huh/v2"

	"rollcall/app"
)

const (
	fieldMode    = "mode"
	fieldClasses = "classes"
)

// choiceFields are the options form's import mode and class policy, as --mode and --classes.
func (m *Model) choiceFields() []huh.Field {
	t := m.sess.Cat.ImportSync
	return []huh.Field{
		huh.NewSelect[app.ImportMode]().Key(fieldMode).Title(t.Mode).Description(t.ModeHint).Options(
			huh.NewOption(t.ModeSync, app.ModeSync), huh.NewOption(t.ModeAdd, app.ModeAdd),
			huh.NewOption(t.ModeUpdate, app.ModeUpdate)).Value(&m.opts.mode),
		huh.NewSelect[app.ClassPolicy]().Key(fieldClasses).Title(t.Classes).Description(t.ClassesHint).Options(
			huh.NewOption(t.ClassesDefault, app.ClassesDefault), huh.NewOption(t.ClassesCreate, app.ClassesCreate),
			huh.NewOption(t.Known, app.ClassesExisting)).Value(&m.opts.classes),
	}
}
