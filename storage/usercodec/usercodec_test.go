package usercodec

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// sampleUser is a typical directory user: what the benchmarks and the fuzz corpus start from.
func sampleUser() model.User {
	return model.User{OrgID: 3, Profile: model.Student, LastName: "Lefèvre", FirstName: "Chloé",
		Login: "chloe.lefevre12", Email: "chloe.lefevre12@college-moulin.example.fr",
		BirthDate: model.Date{Year: 2012, Month: 3, Day: 31}, Language: model.French,
		ClassIDs: []model.ID{14}, GroupIDs: []model.ID{31, 40}, Source: "ent",
		ExternalID: "f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d", ActivationCode: "K7MP-R2XW",
		CreatedAt: time.Date(2026, 9, 1, 7, 12, 3, 0, time.UTC), UpdatedAt: time.Date(2026, 9, 14, 16, 2, 41, 0, time.UTC),
		ByHand: model.FieldSet(0).With(model.FieldEmail)}
}

// randomUser fills every field, with lists left nil when empty (as Decode returns them) and
// times in UTC.
func randomUser(r *rand.Rand) model.User {
	str := func() string {
		alphabet := []string{"a", "Z", "é", "œ", "\x00", "\xff", " ", "-", "日", "😀"}
		var b strings.Builder
		for range r.IntN(4) * r.IntN(12) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	strs := func() []string {
		var out []string
		for range r.IntN(3) {
			out = append(out, str())
		}
		return out
	}
	ids := func() []model.ID {
		var out []model.ID
		for range r.IntN(4) {
			out = append(out, model.ID(r.Uint64()>>r.IntN(64)))
		}
		return out
	}
	tm := func() time.Time {
		switch r.IntN(4) {
		case 0:
			return time.Time{}
		case 1:
			return time.Unix(0, r.Int64N(1<<62)-1<<61).UTC() // around the epoch, both sides
		}
		return time.Unix(0, int64(r.Uint64())).UTC() // anywhere unix nanos reach
	}
	var history []model.YearRecord
	for range r.IntN(3) * r.IntN(2) {
		history = append(history, model.YearRecord{Year: str(), Classes: strs(), Groups: strs()})
	}
	return model.User{History: history, OrgID: model.ID(r.Uint64()), Profile: model.Profile(r.IntN(256)), LastName: str(),
		FirstName: str(), Login: str(), Email: str(),
		BirthDate: model.Date{Year: r.IntN(20000) - 10000, Month: time.Month(r.IntN(14)), Day: r.IntN(33)},
		Language:  model.Language(str()), ClassIDs: ids(), GroupIDs: ids(), ChildIDs: ids(), Source: str(),
		ExternalID: str(), LocalAdmin: r.IntN(2) == 0, ActivationCode: str(), ActivatedAt: tm(),
		PasswordHash: str(), CreatedAt: tm(), UpdatedAt: tm(), PendingSince: tm(),
		ByHand: model.FieldSet(r.IntN(1 << 16)), CreatedByHand: r.IntN(2) == 0, Functions: strs(), Subjects: strs(),
		SuspendedAt: tm()}
}

func roundTrip(t *testing.T, u model.User) {
	t.Helper()
	raw, err := Encode(&u)
	if err != nil {
		t.Fatalf("encode %+v: %v", u, err)
	}
	var got model.User
	if err := Decode(raw, &got); err != nil {
		t.Fatalf("decode %+v: %v", u, err)
	}
	got.ID = u.ID // the id is the key, not in the record
	if !reflect.DeepEqual(got, u) {
		t.Fatalf("round trip:\n got  %+v\n want %+v", got, u)
	}
}

func TestUserCodecRoundTripProperty(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		roundTrip(t, randomUser(r))
	}
}

func TestUserCodecEdges(t *testing.T) {
	t.Parallel()
	epoch := time.Unix(0, 0).UTC()
	tests := map[string]model.User{
		"zero user":         {},
		"sample":            sampleUser(),
		"epoch is not zero": {CreatedAt: epoch, ActivatedAt: epoch.Add(-1)},
		"extreme times": {CreatedAt: time.Unix(0, math.MaxInt64).UTC(),
			UpdatedAt: time.Unix(0, math.MinInt64+1).UTC()},
		"extreme ids":   {ID: math.MaxUint64, OrgID: math.MaxUint64, ClassIDs: []model.ID{0, math.MaxUint64}},
		"long strings":  {LastName: strings.Repeat("x", 1<<16), PasswordHash: strings.Repeat("é", 300)},
		"functions":     {Functions: []string{"DIR$DIRECTION$D0011$CHEF D'ETABLISSEMENT ADJOINT", ""}, Subjects: []string{"ANGLAIS LV1"}},
		"subjects only": {Subjects: []string{"PHILOSOPHIE"}},
		"suspended":     {SuspendedAt: time.Unix(1700000000, 5).UTC()},
		"history": {History: []model.YearRecord{{Year: "2024-2025", Classes: []string{"6e A"}},
			{Year: "2025-2026", Classes: []string{"5e A", ""}, Groups: []string{"Latin"}}, {Year: ""}}},
		"history, suspended":                     {SuspendedAt: epoch, History: []model.YearRecord{{Year: "2025-2026"}}},
		"suspended at the epoch, with functions": {SuspendedAt: epoch, Functions: []string{"ENS"}},
		"flags": {LocalAdmin: true, CreatedByHand: true, ByHand: math.MaxUint16, Profile: math.MaxUint8,
			BirthDate: model.Date{Year: math.MinInt32, Month: math.MaxInt32, Day: -1}},
	}
	for name, u := range tests {
		t.Run(name, func(t *testing.T) { roundTrip(t, u) })
	}
}

func TestEncodeUserRefusesWhatItCannotStore(t *testing.T) {
	t.Parallel()
	tests := map[string]model.User{
		"time before 1678":  {CreatedAt: time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)},
		"time after 2262":   {PendingSince: time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC)},
		"minimum unix nano": {UpdatedAt: time.Unix(0, math.MinInt64)},
		"year beyond int32": {BirthDate: model.Date{Year: math.MaxInt32 + 1, Month: 1, Day: 1}},
	}
	for name, u := range tests {
		if _, err := Encode(&u); err == nil {
			t.Errorf("%s: Encode accepted it", name)
		}
	}
}

func TestDecodeUserCorrupt(t *testing.T) {
	t.Parallel()
	u := sampleUser()
	u.ChildIDs = []model.ID{1 << 50}
	good, err := Encode(&u)
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string][]byte{
		"empty":                 nil,
		"unknown format":        append([]byte{2}, good[1:]...),
		"unknown format 9":      append([]byte{9}, good[1:]...),
		"history beyond record": append(append([]byte{userFormatV4}, good[1:]...), 0, 0, 0, 0x7f),
		"history cut short":     append(append([]byte{userFormatV4}, good[1:]...), 0, 0, 0, 1, 4, 'a'),
		"format after V3":       append([]byte{userFormatV3 + 1}, good[1:]...),
		"V3 without its time":   append([]byte{userFormatV3}, append(good[1:], 0, 0)...),
		"trailing byte":         append(append([]byte{}, good...), 0),
		"varint overflow":       {userFormatV1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},
		"profile out of range":  {userFormatV1, 0, 0x80, 0x02},
		"unknown flag":          {userFormatV1, 0, 0, 4},
		"field set too wide":    {userFormatV1, 0, 0, 0, 0x80, 0x80, 0x04},
		"date beyond int32":     {userFormatV1, 0, 0, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x20, 0, 0},
		"huge list length":      {userFormatV1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0},
		"lists beyond record":   {userFormatV1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 1, 1},
		"string beyond record":  {userFormatV1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 'a'},
		"huge string length":    {userFormatV1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x7f},
		"missing last string":   good[:len(good)-1],
		"only the format byte":  {userFormatV1},
		"time varint truncated": {userFormatV1, 0, 0, 0, 0, 0, 0, 0, 0x80},
	}
	// Every strict prefix of a good record is corrupt too.
	for i := range len(good) {
		tests[fmt.Sprintf("prefix %d", i)] = good[:i]
	}
	for name, data := range tests {
		var got model.User
		err := Decode(data, &got)
		if !errors.Is(err, storage.ErrCorrupt) {
			t.Errorf("%s: err = %v, want storage.ErrCorrupt", name, err)
		}
	}
}

// FuzzDecode checks that no input makes the decoder panic or return anything but
// storage.ErrCorrupt, and that whatever it accepts survives an encode/decode round trip.
func FuzzDecode(f *testing.F) {
	for _, u := range []model.User{{}, sampleUser(), randomUser(rand.New(rand.NewPCG(3, 4)))} {
		raw, err := Encode(&u)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var u model.User
		if err := Decode(data, &u); err != nil {
			if !errors.Is(err, storage.ErrCorrupt) {
				t.Fatalf("err = %v, want storage.ErrCorrupt", err)
			}
			return
		}
		raw, err := Encode(&u)
		if err != nil {
			t.Fatalf("decoded %+v but cannot encode it: %v", u, err)
		}
		var again model.User
		if err := Decode(raw, &again); err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if !reflect.DeepEqual(again, u) {
			t.Fatalf("re-decode:\n got  %+v\n want %+v", again, u)
		}
	})
}

// TestDecodeUserOverwritesEverything: ForEachUser decodes every record into one value, so no
// field of the previous user may survive, and the previous user's copy must stay intact.
func TestDecodeUserOverwritesEverything(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 6))
	var u model.User
	for range 2000 {
		a, b := randomUser(r), randomUser(r)
		rawA, errA := Encode(&a)
		rawB, errB := Encode(&b)
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		if err := Decode(rawA, &u); err != nil {
			t.Fatal(err)
		}
		kept := u
		if err := Decode(rawB, &u); err != nil {
			t.Fatal(err)
		}
		u.ID, kept.ID = b.ID, a.ID
		if !reflect.DeepEqual(u, b) || !reflect.DeepEqual(kept, a) {
			t.Fatalf("decoding into a used value:\n got  %+v\n want %+v\n kept %+v\n want %+v", u, b, kept, a)
		}
	}
}
