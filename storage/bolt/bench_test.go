package bolt

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"rollcall/model"
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

// columns is what the application's in-memory index keeps of each user: the walk benchmarks
// build it so the figure includes the allocations and GC work of a real open.
type columns struct {
	ids          []model.ID
	last, first  []string
	login, email []string
	profile      []model.Profile
	classes      [][]model.ID
}

func (c *columns) add(u *model.User) {
	c.ids = append(c.ids, u.ID)
	c.last, c.first = append(c.last, u.LastName), append(c.first, u.FirstName)
	c.login, c.email = append(c.login, u.Login), append(c.email, u.Email)
	c.profile = append(c.profile, u.Profile)
	c.classes = append(c.classes, u.ClassIDs)
}

// BenchmarkOpenAndWalk1MUsers measures what starting Rollcall costs on a big district: open the
// file, walk every user into an index, close. Generating the file takes a while, once.
func BenchmarkOpenAndWalk1MUsers(b *testing.B) {
	const n = 1_000_000
	path := filepath.Join(b.TempDir(), "1m.db")
	start := time.Now()
	writeUsers(b, path, n)
	b.Logf("generated %d users in %v", n, time.Since(start).Round(time.Millisecond))
	ctx := context.Background()

	b.Run("open+walk", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s, err := Open(path, Options{})
			if err != nil {
				b.Fatal(err)
			}
			c := columns{}
			if err := s.ForEachUser(ctx, func(u *model.User) error { c.add(u); return nil }); err != nil {
				b.Fatal(err)
			}
			if len(c.ids) != n {
				b.Fatalf("walked %d users", len(c.ids))
			}
			s.Close()
		}
	})
	b.Run("walk-reusing-one-user", func(b *testing.B) {
		// The alternative ForEachUser could take: decode every record into one value.
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		b.ReportAllocs()
		for b.Loop() {
			c := columns{}
			err := s.db.View(func(tx *bbolt.Tx) error {
				var u model.User
				cur := tx.Bucket(bucketUsers).Cursor()
				for k, v := cur.First(); k != nil; k, v = cur.Next() {
					if err := decodeUser(v, &u); err != nil {
						return err
					}
					u.ID = btoi(k)
					c.add(&u)
				}
				return nil
			})
			if err != nil || len(c.ids) != n {
				b.Fatal(len(c.ids), err)
			}
		}
	})
	b.Run("walk-fresh-users", func(b *testing.B) {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		b.ReportAllocs()
		for b.Loop() {
			c := columns{}
			if err := s.ForEachUser(ctx, func(u *model.User) error { c.add(u); return nil }); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("count", func(b *testing.B) {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		for b.Loop() {
			if got, err := s.CountUsers(ctx); err != nil || got != n {
				b.Fatal(got, err)
			}
		}
	})
}

// BenchmarkDecodeUser and BenchmarkDecodeUserJSON compare the binary codec with JSON of
// model.User on a typical activated student; bytes/record is the stored size.
func BenchmarkDecodeUser(b *testing.B) {
	u := benchUser(3)
	raw, err := encodeUser(&u)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ReportMetric(float64(len(raw)), "bytes/record")
	for b.Loop() {
		var got model.User
		if err := decodeUser(raw, &got); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeUserJSON(b *testing.B) {
	u := benchUser(3)
	raw, err := json.Marshal(&u)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ReportMetric(float64(len(raw)), "bytes/record")
	for b.Loop() {
		var got model.User
		if err := json.Unmarshal(raw, &got); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeUser(b *testing.B) {
	u := benchUser(3)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := encodeUser(&u); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeUserJSON(b *testing.B) {
	u := benchUser(3)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(&u); err != nil {
			b.Fatal(err)
		}
	}
}
