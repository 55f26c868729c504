package tui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

const osUser = "tester"

func start(t *testing.T, a *app.App, opts Options) (*Model, *tuitest.Driver) {
	t.Helper()
	opts.App, opts.OSUser, opts.Remember = a, osUser, true
	if opts.Lang == "" {
		opts.Lang = model.English
	}
	m := New(opts)
	return m, tuitest.ForModel(t, m, 120, 30)
}

// remembered signs an admin in and keeps their token for osUser, as `rollcall login` does.
func remembered(t *testing.T, a *app.App, acceptTerms bool) tuitest.Admin {
	t.Helper()
	ad := tuitest.SignUp(t, a, "ada@example.org", model.French, acceptTerms)
	if err := a.RememberLocal(context.Background(), osUser, ad.Session.Token()); err != nil {
		t.Fatal(err)
	}
	return ad
}

func quitted(d *tuitest.Driver) bool {
	for _, m := range d.Emitted {
		if _, ok := m.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

func TestStartsOnWelcomeWhenNobodyIsSignedIn(t *testing.T) {
	t.Parallel()
	_, d := start(t, tuitest.NewApp(t), Options{})
	d.WaitView("Rollcall  not signed in", "Welcome to Rollcall", "? help", "q quit")
	if h := lipgloss.Height(d.View()); h != 30 {
		t.Errorf("the console is %d lines high in a 30-line terminal:\n%s", h, d.View())
	}
}

func TestResumesTheRememberedSession(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		acceptTerms bool
		want        string
	}{
		{"terms accepted: home", true, "Accueil"},
		{"first sign-in: terms", false, "Avant de commencer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := tuitest.NewApp(t)
			remembered(t, a, tt.acceptTerms)
			// The admin chose French; the console follows their choice, not LANG.
			_, d := start(t, a, Options{Lang: model.English})
			d.WaitView("Connecté : Ada Test <ada@example.org>", tt.want)
		})
	}
}

func TestLangFlagWinsOverTheSavedChoice(t *testing.T) {
	t.Parallel()
	a := tuitest.NewApp(t)
	remembered(t, a, true)
	_, d := start(t, a, Options{Lang: model.English, LangFixed: true})
	d.WaitView("Signed in as Ada Test", "Home")
}

func TestDemoAtStartThenHeaderShowsTheSchools(t *testing.T) {
	t.Parallel()
	a := tuitest.NewApp(t)
	remembered(t, a, true)
	_, d := start(t, a, Options{Demo: true})
	d.WaitView("Établissement de démonstration chargé :", "Collège Jean Moulin, École élémentaire Les Tilleuls")
	d.WaitView("utilisateurs · Élève")

	// Again: already loaded is not an error.
	_, d2 := start(t, a, Options{Demo: true})
	d2.WaitView("Accueil", "Collège Jean Moulin")
	if strings.Contains(d2.View(), "déjà chargé") || strings.Contains(d2.View(), "erreur") {
		t.Errorf("a second --demo reported something:\n%s", d2.View())
	}
}

func TestQuitKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		keys  []string
		quits bool
	}{
		{"q on welcome", []string{"q"}, true},
		{"ctrl+c on welcome", []string{"ctrl+c"}, true},
		{"q in a text field is typed", []string{"s", "q"}, false},
		{"ctrl+c in a text field", []string{"s", "ctrl+c"}, true},
		{"esc then q", []string{"s", "esc", "q"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, d := start(t, tuitest.NewApp(t), Options{})
			d.WaitView("Welcome to Rollcall")
			for i, k := range tt.keys {
				d.Press(k)
				if k == "s" {
					d.WaitView("┃ Email", "esc back", "ctrl+c quit")
				}
				if i == len(tt.keys)-1 && k == "q" && !tt.quits {
					d.WaitView("> q")
				}
			}
			if tt.quits {
				tuitest.Await[tea.QuitMsg](d)
			} else if quitted(d) || len(m.stack) != 2 {
				t.Errorf("quit or left although a text field had focus")
			}
		})
	}
}

func TestEscGoesBackAndHelpToggles(t *testing.T) {
	t.Parallel()
	m, d := start(t, tuitest.NewApp(t), Options{})
	d.WaitView("Welcome to Rollcall")
	d.Press("n")
	d.WaitView("Create your admin account")
	d.Press("esc")
	d.WaitView("Welcome to Rollcall")
	if len(m.stack) != 1 {
		t.Errorf("stack has %d screens after back", len(m.stack))
	}
	short := d.View()
	d.Press("?")
	full := d.View()
	if lipgloss.Height(full) != 30 || !strings.Contains(full, "create account") {
		t.Errorf("full help broke the layout:\n%s", full)
	}
	if short == full {
		t.Error("? did not change the help")
	}
}

func TestLanguageKeyOnWelcomeChangesTheWholeConsole(t *testing.T) {
	t.Parallel()
	_, d := start(t, tuitest.NewApp(t), Options{})
	d.WaitView("not signed in", "Welcome to Rollcall", "q quit")
	d.Press("l")
	d.WaitView("non connecté", "Bienvenue dans Rollcall", "q quitter")
}

func TestSignOutForgetsTheLocalSession(t *testing.T) {
	t.Parallel()
	a := tuitest.NewApp(t)
	ad := remembered(t, a, true)
	_, d := start(t, a, Options{})
	d.WaitView("Accueil")
	d.Press("o")
	d.WaitView("Déconnecté.", "Bienvenue dans Rollcall", "non connecté")
	ctx := context.Background()
	if _, err := a.LocalSession(ctx, osUser); !errors.Is(err, model.ErrNotSignedIn) {
		t.Errorf("local session after sign-out: %v", err)
	}
	if _, err := ad.Session.Admin(ctx); !errors.Is(err, model.ErrNotSignedIn) {
		t.Errorf("the token still works after sign-out: %v", err)
	}
}

func TestSignInRemembersTheSession(t *testing.T) {
	t.Parallel()
	a := tuitest.NewApp(t)
	ad := tuitest.SignUp(t, a, "ada@example.org", model.English, true)
	_, d := start(t, a, Options{})
	d.WaitView("Welcome to Rollcall")
	d.Press("s")
	d.WaitView("┃ Email")
	d.Type(ad.Email)
	d.Press("enter")
	d.WaitView("┃ Password")
	d.Type(ad.Password)
	d.Press("enter")
	d.WaitView("Signed in as Ada Test", "Home", "Subscriptions")
	d.WaitFor("the token to be remembered", func() bool {
		s, err := a.LocalSession(context.Background(), osUser)
		if err != nil {
			return false
		}
		admin, err := s.Admin(context.Background())
		return err == nil && admin.ID == ad.Admin.ID
	})
}

func TestHomeIsGuarded(t *testing.T) {
	t.Parallel()
	m, d := start(t, tuitest.NewApp(t), Options{})
	d.WaitView("Welcome to Rollcall")
	d.Send(screen.NavigateMsg{Route: screen.RouteHome, Mode: screen.Push})
	d.WaitView("Welcome to Rollcall")
	if len(m.stack) != 1 || strings.Contains(d.View(), "Subscriptions") {
		t.Errorf("home opened without a signed-in admin (%d screens):\n%s", len(m.stack), d.View())
	}
}

func TestResizeReachesEveryScreen(t *testing.T) {
	t.Parallel()
	m, d := start(t, tuitest.NewApp(t), Options{})
	d.WaitView("Welcome to Rollcall")
	d.Press("n")
	d.WaitView("┃ Language")
	d.Send(tea.WindowSizeMsg{Width: 50, Height: 20})
	for _, v := range []string{d.View(), func() string { d.Press("esc"); d.WaitView("Welcome"); return d.View() }()} {
		if h := lipgloss.Height(v); h != 20 {
			t.Errorf("view is %d lines high in a 20-line terminal:\n%s", h, v)
		}
		for _, line := range strings.Split(v, "\n") {
			if w := lipgloss.Width(line); w > 50 {
				t.Errorf("line of %d cells in a 50-cell terminal: %q", w, line)
			}
		}
	}
	if len(m.stack) != 1 {
		t.Errorf("stack has %d screens", len(m.stack))
	}
}

// On a narrow terminal nothing is lost at the edge: the header's cut shows an ellipsis, the
// status line and the home's counts wrap, and the console still fits the terminal's height.
func TestNarrowTerminalWrapsInsteadOfCutting(t *testing.T) {
	t.Parallel()
	a := tuitest.NewApp(t)
	remembered(t, a, true)
	const width, height = 60, 24
	m := New(Options{App: a, OSUser: osUser, Remember: true, Lang: model.French, Demo: true})
	d := tuitest.ForModel(t, m, width, height)
	words := func() string { return strings.Join(strings.Fields(d.View()), " ") }
	d.WaitFor("the demo's summary and the home's counts, whole", func() bool {
		return strings.Contains(words(), "Établissement de démonstration chargé : 1 137 utilisateurs, 2 établissements, 26 classes, 5 groupes, 3 abonnements.") &&
			strings.Contains(words(), "Invité 10") && strings.Contains(strings.SplitN(d.View(), "\n", 2)[0], "· Collège")
	})
	lines := strings.Split(d.View(), "\n")
	if !strings.HasSuffix(strings.TrimRight(lines[0], " "), "…") {
		t.Errorf("the header is cut without an ellipsis: %q", lines[0])
	}
	for _, l := range lines {
		if strings.Contains(l, "› Abonnements") && !strings.HasSuffix(strings.TrimRight(l, " "), "…") {
			t.Errorf("the area's help is cut without an ellipsis: %q", l)
		}
	}
	for _, l := range lines {
		if w := lipgloss.Width(l); w > width {
			t.Errorf("a line is %d columns wide, more than %d: %q", w, width, l)
		}
	}
	if len(lines) != height {
		t.Errorf("the console is %d lines high on a %d-line terminal:\n%s", len(lines), height, d.View())
	}
}
