package seats

import (
	"context"
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// formKind is what the open form is for.
type formKind int

const (
	formEmails formKind = iota
	formFile
	formSync
	formRemoveOne
	formRemoveHand
)

// Sync sources, as the sync form's values.
const (
	srcRoster      = "roster"
	srcClass       = "class"
	srcGroup       = "group"
	srcProfile     = "profile"
	srcGoogleOU    = "google-ou"
	srcGoogleGroup = "google-group"
	srcMicrosoft   = "microsoft"
)

// formValues are what the open form edits.
type formValues struct {
	emails, path   string
	notify, yes    bool
	source         string
	org, class     model.ID
	group          model.ID
	profile        model.Profile
	ou, groupEmail string
	groupID        string
	target         model.Seat
	key            string // the product key typed seats use; "" the first with room
}

func (m *Model) openForm(kind formKind, groups ...*huh.Group) tea.Cmd {
	m.focus, m.notice, m.err = focusForm, "", nil
	return m.forms.Open(kind, m.sess.NewForm(groups...), m.width, m.bodyHeight())
}

// closeForm drops the form and goes back to the list.
func (m *Model) closeForm() {
	m.forms.Close()
	m.focus = focusList
}

// notifyField asks whether to email the new seat holders, when a mailer is set up.
func (m *Model) notifyFields() []huh.Field {
	if !m.canNotify {
		return nil
	}
	return []huh.Field{huh.NewConfirm().Key("notify").Title(m.sess.Cat.Licensing.Seats.Notify).Value(&m.fv.notify).
		Affirmative(m.sess.Cat.App.Yes).Negative(m.sess.Cat.App.No)}
}

// keyFields offers the subscription's product keys, with their free seats, when it has several:
// the typed seats use the key chosen.
func (m *Model) keyFields() []huh.Field {
	rooms := model.SeatRooms(&m.list.Sub, m.list.Seats)
	if len(m.list.Sub.Keys) < 2 {
		return nil
	}
	cat := m.sess.Cat
	opts := []huh.Option[string]{huh.NewOption(cat.People.AnyKey, "")}
	for _, r := range rooms {
		if r.Key != "" {
			opts = append(opts, huh.NewOption(fmt.Sprintf(cat.People.KeyRoom, r.Key, cat.Int(max(r.Free, 0))), r.Key))
		}
	}
	return []huh.Field{huh.NewSelect[string]().Key("key").Title(cat.People.KeyTitle).Options(opts...).Value(&m.fv.key)}
}

func (m *Model) emailsForm() tea.Cmd {
	t := m.sess.Cat.Licensing.Seats
	m.fv = &formValues{}
	fields := append([]huh.Field{huh.NewText().Key("emails").Title(t.EmailsTitle).Description(t.EmailsHint).
		CharLimit(100_000).Lines(6).ExternalEditor(false).Value(&m.fv.emails).Validate(m.checkEmails)}, m.keyFields()...)
	fields = append(fields, m.notifyFields()...)
	return m.openForm(formEmails, huh.NewGroup(fields...).Title(t.AddTyped))
}

// checkEmails says at once which typed words with an @ are not addresses; the others are
// logins, which the change itself looks up.
func (m *Model) checkEmails(s string) error {
	words := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(", ;\t\n\r\u00a0", r) })
	var bad []string
	for _, w := range words {
		if strings.Contains(w, "@") && !model.ValidEmail(model.NormalizeEmail(w)) {
			bad = append(bad, w)
		}
	}
	switch {
	case len(bad) > 0:
		return errors.New(m.sess.Cat.Error(&model.InvalidEmailsError{Values: bad}))
	case len(words) == 0:
		return errors.New(m.sess.Cat.Licensing.Seats.EmailsTitle + " " + m.sess.Cat.Rules.Required)
	}
	return nil
}

func (m *Model) fileForm() tea.Cmd {
	t := m.sess.Cat.Licensing.Seats
	m.fv = &formValues{}
	fields := append([]huh.Field{huh.NewInput().Key("path").Title(t.FileTitle).Description(t.FileHint).
		CharLimit(4096).Value(&m.fv.path).Validate(m.sess.Required(t.FileTitle))}, m.notifyFields()...)
	return m.openForm(formFile, huh.NewGroup(fields...).Title(t.Import))
}

func (m *Model) confirmForm(kind formKind, question string) tea.Cmd {
	return m.openForm(kind, huh.NewGroup(huh.NewConfirm().Key("yes").Title(question).Value(&m.fv.yes).
		Affirmative(m.sess.Cat.App.Yes).Negative(m.sess.Cat.App.No)))
}

// updateForm passes a message (esc included) to the form and acts once it completes.
func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	cmd, end := m.forms.Update(msg, m.keys.cancel)
	switch end {
	case screen.FormDone:
		return tea.Batch(cmd, m.submit())
	case screen.FormCancelled:
		m.focus = focusList
	}
	return cmd
}

func (m *Model) submit() tea.Cmd {
	fv, sub := m.fv, m.subID
	opts := app.SeatOptions{Notify: fv.notify, Lang: m.sess.Cat.Lang}
	switch m.forms.Kind {
	case formEmails:
		opts.Key = fv.key
		return m.change(func(ctx context.Context, as *app.Session) (app.SeatResult, error) {
			return as.AddTypedSeats(ctx, sub, fv.emails, opts)
		})
	case formFile:
		if err := m.sess.LocalFiles(); err != nil { // over SSH the file would be the server's
			return m.change(func(context.Context, *app.Session) (app.SeatResult, error) { return app.SeatResult{}, err })
		}
		return m.change(importFile(strings.TrimSpace(fv.path), opts, sub))
	case formSync:
		return m.startSync(m.syncSource(), opts)
	case formRemoveOne, formRemoveHand:
		if !fv.yes {
			m.closeForm()
			return nil
		}
		one, who, detach := m.forms.Kind == formRemoveOne, fv.target.Label(), !fv.target.ByHand()
		return m.change(func(ctx context.Context, as *app.Session) (app.SeatResult, error) {
			if one { // a sync's seat: the question said the sync would give it back
				return as.RemoveSeat(ctx, sub, who, detach, false)
			}
			return as.RemoveHandSeats(ctx, sub, false)
		})
	}
	return nil
}
