package userlist

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/internal/tuitest"
)

// TestColumnsFitTheWidth: at any width the columns keep their minimum and their sum fits;
// codes and dates are never cut once there is room for them.
func TestColumnsFitTheWidth(t *testing.T) {
	t.Parallel()
	for _, lang := range []model.Language{model.English, model.French} {
		m := New(tuitest.NewSession(t, lang))
		for w := 80; w <= 220; w += 7 {
			m.SetSize(w, 10)
			widths := m.widths()
			sum := lipgloss.Width(marker) + lipgloss.Width(gap)*(len(widths)-1)
			for i, c := range m.cols {
				s := m.spec(c)
				if widths[i] < s.min {
					t.Errorf("%s width %d: column %d is %d, under its minimum %d", lang, w, c, widths[i], s.min)
				}
				if (c == Code || c == Created) && w >= 110 && widths[i] < s.pref {
					t.Errorf("%s width %d: column %d is cut (%d < %d)", lang, w, c, widths[i], s.pref)
				}
				sum += widths[i]
			}
			if sum > w {
				t.Errorf("%s width %d: the columns take %d", lang, w, sum)
			}
		}
	}
}

// TestPagesFollowTheCursor: moving inside the loaded rows asks for nothing; leaving them asks
// for the page on screen; a page of an older request is dropped.
func TestPagesFollowTheCursor(t *testing.T) {
	t.Parallel()
	sess := tuitest.NewSession(t, model.English)
	m := New(sess)
	m.SetSize(100, 11) // 10 rows
	m.sel = model.Selection{}
	users := make([]model.User, 10)
	for i := range users {
		users[i] = model.User{ID: model.ID(i + 1), LastName: "User", FirstName: string(rune('A' + i)), Login: "u" + string(rune('a'+i))}
	}
	m.pageReq = sess.NewRequest()
	m.inFlight = true
	m.Update(pageMsg{id: m.pageReq, page: app.UserPage{Total: 1000, Offset: 0, Users: users}})
	if !m.Loaded() || m.Total() != 1000 {
		t.Fatalf("loaded %v, total %d", m.Loaded(), m.Total())
	}
	if cmd, _ := m.Key(tuitest.Key("down")); cmd != nil {
		t.Error("a move inside the loaded rows asked for a page")
	}
	if u, ok := m.Selected(); !ok || u.Login != "ub" {
		t.Errorf("selected %+v", u)
	}
	cmd, _ := m.Key(tuitest.Key("pgdown"))
	if cmd == nil || !m.inFlight {
		t.Fatal("leaving the loaded rows asked for nothing")
	}
	if from, to := m.Window(); from != 10 || to != 20 {
		t.Errorf("window %d–%d after a page down", from, to)
	}
	if _, ok := m.Selected(); ok {
		t.Error("a row not loaded yet is selectable")
	}
	if !strings.Contains(m.View(), "…") {
		t.Errorf("rows on their way show no ellipsis:\n%s", m.View())
	}
	m.Update(pageMsg{id: m.pageReq - 1, page: app.UserPage{Total: 3}})
	if m.Total() != 1000 {
		t.Error("an older page replaced the total")
	}
	m.Replace(model.User{ID: 2, LastName: "Renamed", Login: "ub"})
	if _, rows := m.Rows(); rows[1].LastName != "Renamed" {
		t.Error("Replace left the loaded row as it was")
	}
}
