package model

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestSplitEmails(t *testing.T) {
	got, err := SplitEmails(" Ana@School.fr, bob@school.fr\ncarl@school.fr;dora@school.fr\r\n\tana@school.fr ")
	want := []string{"ana@school.fr", "bob@school.fr", "carl@school.fr", "dora@school.fr", "ana@school.fr"}
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("SplitEmails = %q, %v", got, err)
	}
	_, err = SplitEmails("ana@school.fr bob@ carl")
	var ie *InvalidEmailsError
	if !errors.As(err, &ie) || !slices.Equal(ie.Values, []string{"bob@", "carl"}) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("invalid list: %v", err)
	}
}

func TestParseEmailFile(t *testing.T) {
	got, err := ParseEmailFile("ok.csv", strings.NewReader("\uFEFFana@school.fr\r\nBOB@school.fr\r\n\r\ncarl@school.fr"))
	if err != nil || !slices.Equal(got, []string{"ana@school.fr", "bob@school.fr", "carl@school.fr"}) {
		t.Fatalf("good file: %q %v", got, err)
	}
	bad := "email\nana@school.fr\nbob @school.fr\n\"carl@school.fr\"\ndora@school.fr,teacher\n" +
		strings.Repeat("x", 400) + "@school.fr\neve@school.fr\n\xff@school.fr\n"
	_, err = ParseEmailFile("bad.csv", strings.NewReader(bad))
	var fe *EmailFileError
	if !errors.As(err, &fe) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("bad file: %v", err)
	}
	want := []EmailLineError{
		{Line: 1, Value: "email", Problem: EmailLineNotEmail},
		{Line: 3, Value: "bob @school.fr", Problem: EmailLineSpace},
		{Line: 4, Value: `"carl@school.fr"`, Problem: EmailLineQuote},
		{Line: 5, Value: "dora@school.fr,teacher", Problem: EmailLineComma},
		{Line: 6, Value: strings.Repeat("x", 60) + "…", Problem: EmailLineTooLong},
		{Line: 8, Value: "?@school.fr", Problem: EmailLineEncoding},
	}
	if fe.File != "bad.csv" || !slices.Equal(fe.Lines, want) || fe.More != 0 {
		t.Errorf("errors:\n got  %+v\n want %+v", fe.Lines, want)
	}
}

func TestParseEmailFileCapsErrors(t *testing.T) {
	_, err := ParseEmailFile("many.csv", strings.NewReader(strings.Repeat("nope\n", 120)))
	var fe *EmailFileError
	if !errors.As(err, &fe) || len(fe.Lines) != MaxEmailLineErrors || fe.More != 120-MaxEmailLineErrors {
		t.Fatalf("got %v", err)
	}
	if fe.Lines[MaxEmailLineErrors-1].Line != MaxEmailLineErrors {
		t.Errorf("last listed line = %d", fe.Lines[MaxEmailLineErrors-1].Line)
	}
}

func FuzzParseEmailFile(f *testing.F) {
	f.Add([]byte("ana@school.fr\nbob@school.fr\n"))
	f.Add([]byte("\uFEFFemail\r\nana@school.fr,x\r\n\"q\"@a.fr\n"))
	f.Add([]byte(strings.Repeat("a", 5000) + "\nb@c.fr"))
	f.Fuzz(func(t *testing.T, data []byte) {
		emails, err := ParseEmailFile("f.csv", strings.NewReader(string(data)))
		if err != nil {
			var fe *EmailFileError
			if !errors.As(err, &fe) || len(fe.Lines) == 0 {
				t.Fatalf("error %v is not a located file error", err)
			}
			for _, l := range fe.Lines {
				if l.Line < 1 || l.Problem == 0 || len(l.Value) > 64 {
					t.Fatalf("bad line error %+v", l)
				}
			}
			return
		}
		// Whatever is accepted is a valid, normalized address with none of the refused characters.
		for _, e := range emails {
			if !ValidEmail(e) || e != NormalizeEmail(e) || strings.ContainsAny(e, " ,;\"'") {
				t.Fatalf("accepted %q", e)
			}
		}
	})
}

func seats(sync string, emails ...string) []Seat {
	out := make([]Seat, len(emails))
	for i, e := range emails {
		out[i] = Seat{ID: ID(i + 1), Email: e, Sync: sync}
		if sync == "" {
			out[i].Source = SeatTyped
		}
	}
	return out
}

func holders(emails ...string) []SeatHolder {
	out := make([]SeatHolder, len(emails))
	for i, e := range emails {
		out[i] = SeatHolder{Email: e}
	}
	return out
}

func labels(seats []Seat) []string {
	out := make([]string, len(seats))
	for i, s := range seats {
		out[i] = s.Label()
	}
	return out
}

func TestPlanSeatAdd(t *testing.T) {
	current := seats("", "a@x.fr", "b@x.fr")
	sub := &Subscription{Seats: 5}
	p, err := PlanSeatAdd(sub, current, holders("c@x.fr", "a@x.fr", "d@x.fr", "c@x.fr"), "", nil)
	if err != nil || !slices.Equal(labels(p.Add), []string{"c@x.fr", "d@x.fr"}) || p.Duplicates != 2 || p.Free != 3 {
		t.Fatalf("plan %+v, %v", p, err)
	}
	_, err = PlanSeatAdd(&Subscription{Seats: 3}, current, holders("c@x.fr", "d@x.fr"), "", nil)
	var le *SeatLimitError
	if !errors.As(err, &le) || le.Free != 1 || le.Requested != 2 {
		t.Fatalf("over the limit: %v", err)
	}
}

func TestPlanSeatAddAccountsAndAliases(t *testing.T) {
	// A seat typed for ana@x.fr before Ana was imported is Ana's seat: seating her account again
	// is a duplicate, and an account without an email is a holder like any other.
	current := seats("", "ana@x.fr")
	alias := map[string]ID{"ana@x.fr": 7}
	want := []SeatHolder{{UserID: 7, Login: "ana"}, {UserID: 8, Login: "leo"}, {UserID: 8, Login: "leo"}}
	p, err := PlanSeatAdd(&Subscription{Seats: 3}, current, want, "", alias)
	if err != nil || len(p.Add) != 1 || p.Add[0].UserID != 8 || p.Add[0].Label() != "leo" || p.Duplicates != 2 {
		t.Fatalf("plan %+v, %v", p, err)
	}
}

func TestSeatKeys(t *testing.T) {
	sub := &Subscription{Seats: 5, Keys: []ProductKey{{Key: "K1", Seats: 2}, {Key: "K2", Seats: 3}}}
	p, err := PlanSeatAdd(sub, nil, holders("a@x.fr", "b@x.fr", "c@x.fr"), "", nil)
	if err != nil || p.Add[0].Key != "K1" || p.Add[1].Key != "K1" || p.Add[2].Key != "K2" {
		t.Fatalf("keys given in order, each up to its seats: %+v %v", p.Add, err)
	}
	current := p.Add
	// K1 is full: asking for it is refused with its own count, K2 still takes two.
	_, err = PlanSeatAdd(sub, current, holders("d@x.fr"), "K1", nil)
	var le *SeatLimitError
	if !errors.As(err, &le) || le.Key != "K1" || le.Free != 0 {
		t.Fatalf("full key: %v", err)
	}
	p, err = PlanSeatAdd(sub, current, holders("d@x.fr", "e@x.fr"), "K2", nil)
	if err != nil || p.Add[1].Key != "K2" {
		t.Fatalf("K2: %+v %v", p.Add, err)
	}
	var ve *ValidationError
	if _, err := PlanSeatAdd(sub, current, holders("d@x.fr"), "NOPE", nil); !errors.As(err, &ve) || ve.Field != "key" {
		t.Fatalf("unknown key: %v", err)
	}
	// Seats stored before keys were recorded get them in order.
	old := AssignSeatKeys(sub, seats("", "a@x.fr", "b@x.fr", "c@x.fr"))
	if got := []string{old[0].Key, old[1].Key, old[2].Key}; !slices.Equal(got, []string{"K1", "K1", "K2"}) {
		t.Errorf("assigned %q", got)
	}
	rooms := SeatRooms(sub, old)
	if len(rooms) != 2 || rooms[0].Free != 0 || rooms[1].Free != 2 {
		t.Errorf("rooms %+v", rooms)
	}
}

func TestPlanSeatSync(t *testing.T) {
	current := append(seats("", "hand@x.fr", "both@x.fr"), seats("google:ou:/T", "stay@x.fr", "gone@x.fr")...)
	current = append(current, Seat{ID: 9, Email: "other@x.fr", Sync: "microsoft:group:1", Source: SeatMicrosoft})
	sub := &Subscription{Seats: 8}
	p, err := PlanSeatSync(sub, current, "google:ou:/T", holders("stay@x.fr", "new@x.fr", "both@x.fr", "new@x.fr"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(labels(p.Add), []string{"new@x.fr"}) || len(p.Remove) != 1 || p.Remove[0].Email != "gone@x.fr" ||
		p.Kept != 1 || p.Duplicates != 2 || p.Free != 4 {
		t.Errorf("plan %+v", p)
	}
	// A sync never removes seats given by hand or by another sync, even with an empty source.
	p, _ = PlanSeatSync(sub, current, "google:ou:/T", nil, nil)
	if len(p.Remove) != 2 {
		t.Errorf("empty source removes %+v, want only the sync's two seats", p.Remove)
	}
	// Removals free seats for the additions of the same run.
	if _, err := PlanSeatSync(&Subscription{Seats: 5}, current, "google:ou:/T", holders("stay@x.fr", "new@x.fr"), nil); err != nil {
		t.Errorf("5 seats, 5 held, 1 leaves, 1 comes: %v", err)
	}
	_, err = PlanSeatSync(&Subscription{Seats: 5}, current, "google:ou:/T", holders("stay@x.fr", "new@x.fr", "new2@x.fr"), nil)
	var le *SeatLimitError
	if !errors.As(err, &le) || le.Free != 1 {
		t.Errorf("over the limit: %v", err)
	}
}

func TestSubscriptionState(t *testing.T) {
	today := Date{2026, 11, 23}
	tests := []struct {
		name string
		sub  Subscription
		want SubState
	}{
		{"renews later", Subscription{StartsOn: Date{2026, 9, 1}, RenewsOn: Date{2027, 9, 30}}, SubState{StateRenews, Date{2027, 9, 30}}},
		{"renewal passed rolls a term", Subscription{StartsOn: Date{2024, 9, 1}, RenewsOn: Date{2025, 9, 30}}, SubState{StateRenews, Date{2027, 9, 30}}},
		{"two-year term", Subscription{StartsOn: Date{2022, 9, 1}, RenewsOn: Date{2024, 9, 30}}, SubState{StateRenews, Date{2028, 9, 30}}},
		{"ends later", Subscription{EndsOn: Date{2027, 8, 31}}, SubState{StateEnds, Date{2027, 8, 31}}},
		{"ends today", Subscription{EndsOn: today}, SubState{StateEnds, today}},
		{"expired", Subscription{EndsOn: Date{2026, 8, 31}}, SubState{StateExpired, Date{2026, 8, 31}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.sub.State(today); got != tc.want {
				t.Errorf("State = %+v, want %+v", got, tc.want)
			}
		})
	}
	states := []SubState{{StateExpired, Date{2025, 1, 1}}, {StateRenews, Date{2027, 1, 1}}, {StateExpired, Date{2026, 1, 1}},
		{StateEnds, Date{2026, 12, 1}}}
	slices.SortFunc(states, StateOrder)
	want := []SubState{{StateEnds, Date{2026, 12, 1}}, {StateRenews, Date{2027, 1, 1}}, {StateExpired, Date{2026, 1, 1}},
		{StateExpired, Date{2025, 1, 1}}}
	if !slices.Equal(states, want) {
		t.Errorf("by state: %+v", states)
	}
}
