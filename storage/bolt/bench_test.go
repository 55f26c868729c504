package bolt

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"rollcall/model"
	"rollcall/storage/usercodec"
)

// benchUser is user i of a generated school district: realistic field sizes, a third of them
// activated with an argon2id hash, one or two classes, a group for some, parents with children.
func benchUser(i int) model.User {
	first := [...]string{"Chloé", "Lucas", "Inès", "Hugo", "Léa", "Gabriel", "Manon", "Noah", "Zoé", "Adam"}
	last := [...]string{"Martin", "Bernard", "Lefèvre", "Dubois", "Moreau", "Laurent", "Garcia", "Roux"}
	created := time.Date(2026, 9, 1, 7, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Second)
	f, l := first[i%len(first)], last[i/len(first)%len(last)]
	login := fmt.Sprintf("%s.%s%d", model.LoginBase(f, ""), model.LoginBase(l, ""), i)
	u := model.User{OrgID: model.ID(i%40 + 1), Profile: model.Profile(i%5 + 1), LastName: l, FirstName: f,
		Login: login, Email: login + "@ac-lyon.example.fr", BirthDate: model.Date{Year: 2008 + i%10, Month: time.Month(i%12 + 1), Day: i%28 + 1},
		ClassIDs: []model.ID{model.ID(i%1500 + 1)}, Source: "ent",
		ExternalID: fmt.Sprintf("%08x-5e6f-4a7b-8c9d-%012x", i, i*7919), ActivationCode: "K7MPR2XW",
		CreatedAt: created, UpdatedAt: created.Add(time.Hour)}
	if i%3 == 0 {
		u.ActivationCode, u.ActivatedAt = "", created.Add(48*time.Hour)
		u.PasswordHash = "$argon2id$v=19$m=65536,t=3,p=2$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA"
	}
	if i%4 == 0 {
		u.GroupIDs = []model.ID{model.ID(i%300 + 1)}
	}
	if u.Profile == model.Parent {
		u.ChildIDs = []model.ID{model.ID(i), model.ID(i + 1)}
	}
	return u
}

// writeUsers fills a new store with n users in write transactions of 50,000, through the same
// table code (indexes included) as CreateUser.
func writeUsers(tb testing.TB, path string, n int) {
	s, err := Open(path, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	const batch = 50_000
	for start := 0; start < n; start += batch {
		err := s.db.Update(func(tx *bbolt.Tx) error {
			for i := start; i < min(start+batch, n); i++ {
				u := benchUser(i)
				if err := users.create(tx, &u); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// cpuPerOp reports, when stopped, the process CPU time per iteration next to the wall-clock
// ns/op: on a machine shared with other jobs, wall time measures the neighbours too.
func cpuPerOp(b *testing.B) (stop func()) {
	start, ok := processCPU()
	return func() {
		if end, _ := processCPU(); ok && b.N > 0 {
			b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

// columns is what the application's in-memory index (app/dirindex.go) keeps of each user:
// a few numeric columns and the names copied into one arena, nothing that points into the
// decoded user. It is sized from CountUsers first, as the app does.
type columns struct {
	ids, orgs, class0 []model.ID
	profiles          []model.Profile
	text              []byte
}

func newColumns(n int) *columns {
	return &columns{ids: make([]model.ID, 0, n), orgs: make([]model.ID, 0, n), class0: make([]model.ID, 0, n),
		profiles: make([]model.Profile, 0, n), text: make([]byte, 0, n*48)}
}

func (c *columns) add(u *model.User) {
	c.ids = append(c.ids, u.ID)
	c.orgs = append(c.orgs, u.OrgID)
	c.profiles = append(c.profiles, u.Profile)
	var class0 model.ID
	if len(u.ClassIDs) > 0 {
		class0 = u.ClassIDs[0]
	}
	c.class0 = append(c.class0, class0)
	for _, s := range [...]string{u.LastName, u.FirstName, u.Login, u.Email} {
		c.text = append(append(c.text, s...), 0)
	}
}

// walkIndex builds the columns the way the app does at open: CountUsers, then ForEachUser.
func walkIndex(b *testing.B, s *Store) *columns {
	ctx := context.Background()
	n, err := s.CountUsers(ctx)
	if err != nil {
		b.Fatal(err)
	}
	c := newColumns(n)
	if err := s.ForEachUser(ctx, func(u *model.User) error { c.add(u); return nil }); err != nil {
		b.Fatal(err)
	}
	if len(c.ids) != n {
		b.Fatalf("walked %d users of %d", len(c.ids), n)
	}
	return c
}

// BenchmarkOpenAndWalk1MUsers measures what starting Rollcall costs on a big district: open the
// file, walk every user into an index, close. Generating the file takes a while, once.
func BenchmarkOpenAndWalk1MUsers(b *testing.B) {
	const n = 1_000_000
	path := filepath.Join(b.TempDir(), "1m.db")
	start := time.Now()
	writeUsers(b, path, n)
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("generated %d users in %v: %d MB", n, time.Since(start).Round(time.Millisecond), info.Size()>>20)
	ctx := context.Background()

	b.Run("open+walk", func(b *testing.B) {
		b.ReportAllocs()
		stop := cpuPerOp(b)
		for b.Loop() {
			s, err := Open(path, Options{})
			if err != nil {
				b.Fatal(err)
			}
			walkIndex(b, s)
			s.Close()
		}
		stop()
	})
	b.Run("walk", func(b *testing.B) {
		// ForEachUser on an open store: one reused *model.User.
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		b.ReportAllocs()
		stop := cpuPerOp(b)
		for b.Loop() {
			walkIndex(b, s)
		}
		stop()
	})
	b.Run("walk-new-value-per-user", func(b *testing.B) {
		// The alternative ForEachUser did not take: a new *model.User for every record.
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		b.ReportAllocs()
		stop := cpuPerOp(b)
		for b.Loop() {
			count, err := s.CountUsers(ctx)
			if err != nil {
				b.Fatal(err)
			}
			c := newColumns(count)
			err = s.db.View(func(tx *bbolt.Tx) error {
				return walkNewValues(tx, func(u *model.User) error { c.add(u); return nil })
			})
			if err != nil || len(c.ids) != n {
				b.Fatal(len(c.ids), err)
			}
		}
		stop()
	})
	b.Run("count", func(b *testing.B) {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		stop := cpuPerOp(b)
		for b.Loop() {
			if got, err := s.CountUsers(ctx); err != nil || got != n {
				b.Fatal(got, err)
			}
		}
		stop()
	})
}

// walkNewValues is ForEachUser as it was first written: a new *model.User for every record.
// Not inlined, so fn is opaque and the value escapes to the heap as it does through the API.
//
//go:noinline
func walkNewValues(tx *bbolt.Tx, fn func(*model.User) error) error {
	cur := tx.Bucket(bucketUsers).Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		u := new(model.User)
		if err := usercodec.Decode(v, u); err != nil {
			return err
		}
		u.ID = btoi(k)
		if err := fn(u); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkDecodeUser and BenchmarkDecodeUserJSON compare the binary codec with JSON of
// model.User on a typical activated student; bytes/record is the stored size.
func BenchmarkDecodeUser(b *testing.B) {
	u := benchUser(3)
	raw, err := usercodec.Encode(&u)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	stop := cpuPerOp(b)
	for b.Loop() {
		var got model.User
		if err := usercodec.Decode(raw, &got); err != nil {
			b.Fatal(err)
		}
	}
	stop()
	b.ReportMetric(float64(len(raw)), "bytes/record")
}

func BenchmarkDecodeUserJSON(b *testing.B) {
	u := benchUser(3)
	raw, err := json.Marshal(&u)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	stop := cpuPerOp(b)
	for b.Loop() {
		var got model.User
		if err := json.Unmarshal(raw, &got); err != nil {
			b.Fatal(err)
		}
	}
	stop()
	b.ReportMetric(float64(len(raw)), "bytes/record")
}

func BenchmarkEncodeUser(b *testing.B) {
	u := benchUser(3)
	b.ReportAllocs()
	stop := cpuPerOp(b)
	for b.Loop() {
		if _, err := usercodec.Encode(&u); err != nil {
			b.Fatal(err)
		}
	}
	stop()
}

func BenchmarkEncodeUserJSON(b *testing.B) {
	u := benchUser(3)
	b.ReportAllocs()
	stop := cpuPerOp(b)
	for b.Loop() {
		if _, err := json.Marshal(&u); err != nil {
			b.Fatal(err)
		}
	}
	stop()
}
