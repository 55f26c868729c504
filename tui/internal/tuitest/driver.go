// Package tuitest drives a screen or the root model in tests the way Bubble Tea would: send a
// message, run the commands it returns, feed their messages back, and wait for a condition.
// Commands run in goroutines, as in a real program, so slow ones (timers, spinners) never block
// a test; Update and View only ever run on the test's goroutine.
package tuitest

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"rollcall/tui/screen"
)

// Deadline bounds every wait: generous, because the test machine is shared.
const Deadline = 20 * time.Second

// Driver runs one model.
type Driver struct {
	t      testing.TB
	update func(tea.Msg) tea.Cmd
	view   func() string
	// keep says whether a message is recorded for the test instead of fed back.
	keep func(tea.Msg) (record, feed bool)
	msgs chan tea.Msg
	// inflight counts the commands still running, so the test's end waits for them before its
	// cleanups close the store and remove the temporary folders they may still write to.
	inflight sync.WaitGroup

	// Emitted are the messages recorded for the test, oldest first.
	Emitted []tea.Msg
}

// ForScreen drives a screen alone: the messages meant for the root (navigation, sign-in, quit)
// are recorded in Emitted instead of being fed back.
func ForScreen(t testing.TB, s screen.Screen, width, height int) *Driver {
	s.SetSize(width, height)
	cur := s
	d := newDriver(t, func(msg tea.Msg) tea.Cmd {
		var cmd tea.Cmd
		cur, cmd = cur.Update(msg)
		return cmd
	}, func() string { return cur.View() })
	d.keep = screenKeep
	d.run(s.Init())
	return d
}

// ForModel drives a root model: only tea.QuitMsg is recorded.
func ForModel(t testing.TB, m tea.Model, width, height int) *Driver {
	cur := m
	d := newDriver(t, func(msg tea.Msg) tea.Cmd {
		var cmd tea.Cmd
		cur, cmd = cur.Update(msg)
		return cmd
	}, func() string { return cur.View().Content })
	d.keep = func(msg tea.Msg) (bool, bool) {
		_, quit := msg.(tea.QuitMsg)
		return quit, !quit
	}
	d.run(m.Init())
	d.Send(tea.WindowSizeMsg{Width: width, Height: height})
	return d
}

func newDriver(t testing.TB, update func(tea.Msg) tea.Cmd, view func() string) *Driver {
	d := &Driver{t: t, update: update, view: view, msgs: make(chan tea.Msg, 256)}
	t.Cleanup(d.settle)
	return d
}

// settle waits, for a bounded time, for the commands still running; their messages are dropped.
// A command that never returns (a blocked tick) does not hold the test past the bound.
func (d *Driver) settle() {
	done := make(chan struct{})
	go func() { d.inflight.Wait(); close(done) }()
	for {
		select {
		case <-done:
			return
		case <-d.msgs: // unblock commands waiting to queue their message
		case <-time.After(5 * time.Second):
			return
		}
	}
}

func screenKeep(msg tea.Msg) (record, feed bool) {
	switch msg.(type) {
	case screen.NavigateMsg, screen.BackMsg, screen.SignedInMsg, screen.AdminMsg, screen.SignOutMsg,
		screen.ErrorMsg, tea.QuitMsg:
		return true, false
	case screen.DataChangedMsg:
		return true, true // the root passes it on to the top screen
	}
	return false, true
}

// T is the test the driver reports to.
func (d *Driver) T() testing.TB { return d.t }

// Send delivers one message now and starts the commands it returns.
func (d *Driver) Send(msg tea.Msg) {
	d.t.Helper()
	record, feed := d.keep(msg)
	if record {
		d.Emitted = append(d.Emitted, msg)
	}
	if feed {
		d.run(d.update(msg))
	}
}

// run executes a command in the background and queues what it returns.
func (d *Driver) run(cmd tea.Cmd) {
	if cmd != nil {
		d.inflight.Add(1)
		go func() {
			defer d.inflight.Done()
			d.exec(cmd)
		}()
	}
}

func (d *Driver) exec(cmd tea.Cmd) {
	msg := cmd()
	switch m := msg.(type) {
	case nil:
		return
	case tea.BatchMsg:
		for _, c := range m {
			d.run(c)
		}
		return
	}
	// tea.Sequence's message type is unexported: a slice of commands, run in order.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		for i := range v.Len() {
			if c, _ := v.Index(i).Interface().(tea.Cmd); c != nil {
				d.exec(c)
			}
		}
		return
	}
	d.msgs <- msg
}

// Type sends each character of s as a key press.
func (d *Driver) Type(s string) {
	d.t.Helper()
	for _, r := range s {
		d.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// Press sends a named key: "enter", "esc", "up", "down", "tab", "ctrl+c", or one character.
func (d *Driver) Press(name string) {
	d.t.Helper()
	d.Send(Key(name))
}

// Key builds the key press message of a named key.
func Key(name string) tea.KeyPressMsg {
	named := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp,
		"down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "tab": tea.KeyTab,
		"backspace": tea.KeyBackspace}
	if c, ok := named[name]; ok {
		return tea.KeyPressMsg{Code: c}
	}
	if rest, ok := strings.CutPrefix(name, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(rest)[0], Mod: tea.ModCtrl}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// WaitFor feeds queued messages back until cond holds, failing the test at the deadline.
func (d *Driver) WaitFor(what string, cond func() bool) {
	d.t.Helper()
	timeout := time.After(Deadline)
	for !cond() {
		select {
		case msg := <-d.msgs:
			d.Send(msg)
		case <-timeout:
			d.t.Fatalf("timed out waiting for %s; screen:\n%s", what, d.View())
		}
	}
}

// WaitView waits until the plain view contains every one of texts.
func (d *Driver) WaitView(texts ...string) {
	d.t.Helper()
	d.WaitFor(strings.Join(texts, " and "), func() bool {
		v := d.View()
		for _, s := range texts {
			if !strings.Contains(v, s) {
				return false
			}
		}
		return true
	})
}

// View renders the model without colours or other escape sequences.
func (d *Driver) View() string { return ansi.Strip(d.view()) }

// Await waits until a message of type T was recorded and returns the first one not yet taken.
func Await[T tea.Msg](d *Driver) T {
	d.t.Helper()
	return AwaitMatch(d, func(T) bool { return true })
}

// AwaitMatch waits until a message of type T for which match holds was recorded, and takes it.
func AwaitMatch[T tea.Msg](d *Driver, match func(T) bool) T {
	d.t.Helper()
	var found T
	d.WaitFor(reflect.TypeFor[T]().String(), func() bool {
		for i, m := range d.Emitted {
			if v, ok := m.(T); ok && match(v) {
				found = v
				d.Emitted = append(d.Emitted[:i:i], d.Emitted[i+1:]...)
				return true
			}
		}
		return false
	})
	return found
}
