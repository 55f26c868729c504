package storagetest

import (
	"errors"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// runCopy checks storage.Copier, for stores that implement it: a dump loaded into a fresh store
// dumps the same, record for record, and a store that holds anything refuses a load.
func runCopy(t *testing.T, open func(t *testing.T) storage.Store) {
	opened := func(t *testing.T) storage.Copier {
		s := open(t)
		t.Cleanup(func() { _ = s.Close() })
		c, ok := s.(storage.Copier)
		if !ok {
			t.Skipf("%T does not implement storage.Copier", s)
		}
		return c
	}
	t.Run("round trip", func(t *testing.T) {
		t.Parallel()
		src := opened(t)
		Fill(t, src.(storage.Store))
		want := Records(t, src)
		for _, k := range storage.Kinds {
			if countKind(want, k) == 0 {
				t.Errorf("Fill wrote no record of kind %s", k)
			}
		}
		dst := opened(t)
		must(t, "Load", dst.Load(bg, func(put func(storage.Record) error) error { return src.Dump(bg, put) }))
		same(t, "the copy's records", Records(t, dst), want)
		// The copy goes on drawing ids above the source's, gaps included.
		u := model.User{Login: "after.copy", OrgID: 1}
		must(t, "CreateUser on the copy", dst.(storage.Store).CreateUser(bg, &u))
		for _, r := range want {
			if seq, ok := r.Value.(storage.Sequence); ok && seq.Of == storage.KindUsers && uint64(u.ID) <= seq.Last {
				t.Errorf("the copy gave id %d, the source had drawn up to %d", u.ID, seq.Last)
			}
		}
	})
	t.Run("refuses a store that is not empty", func(t *testing.T) {
		t.Parallel()
		src, dst := opened(t), opened(t)
		Fill(t, src.(storage.Store))
		must(t, "SetMeta", dst.(storage.Store).SetMeta(bg, "k", "v"))
		before := Records(t, dst)
		err := dst.Load(bg, func(put func(storage.Record) error) error { return src.Dump(bg, put) })
		if !errors.Is(err, storage.ErrNotEmpty) || !errors.Is(err, storage.ErrConflict) {
			t.Errorf("Load into a store with a setting: %v, want ErrNotEmpty", err)
		}
		same(t, "the refused store's records", Records(t, dst), before)
	})
	t.Run("a login given twice writes nothing", func(t *testing.T) {
		t.Parallel()
		dst := opened(t)
		err := dst.Load(bg, func(put func(storage.Record) error) error {
			for i, login := range []string{"anne", "paul", "Anne"} {
				if err := put(storage.Record{Kind: storage.KindUsers, Value: model.User{ID: model.ID(i + 1), Login: login}}); err != nil {
					return err
				}
			}
			return nil
		})
		if !errors.Is(err, storage.ErrConflict) {
			t.Errorf("Load of two users with one login: %v, want ErrConflict", err)
		}
		if n, _ := dst.(storage.Store).CountUsers(bg); n != 0 {
			t.Errorf("a failed load left %d users", n)
		}
	})
	t.Run("a wrong record writes nothing", func(t *testing.T) {
		t.Parallel()
		dst := opened(t)
		err := dst.Load(bg, func(put func(storage.Record) error) error {
			if err := put(storage.Record{Kind: storage.KindSettings, Value: storage.Setting{Key: "k", Value: "v"}}); err != nil {
				return err
			}
			return put(storage.Record{Kind: storage.KindUsers, Value: model.Admin{ID: 1}})
		})
		if !errors.Is(err, storage.ErrRecordType) {
			t.Errorf("Load of an admin as a user: %v, want ErrRecordType", err)
		}
		if v, _ := dst.(storage.Store).Meta(bg, "k"); v != "" {
			t.Errorf("a failed load left the setting %q", v)
		}
	})
}

// Records dumps a store into a list.
func Records(t testing.TB, c storage.Copier) []storage.Record {
	t.Helper()
	var out []storage.Record
	must(t, "Dump", c.Dump(bg, func(r storage.Record) error {
		out = append(out, r)
		return nil
	}))
	return out
}

func countKind(recs []storage.Record, k storage.Kind) int {
	n := 0
	for _, r := range recs {
		if r.Kind == k {
			n++
		}
	}
	return n
}

// Fill writes at least one record of every kind through the Store's methods, with every field
// of a user set, a deleted user (so the sequence is above the last id) and secrets as hashes.
func Fill(t testing.TB, s storage.Store) {
	t.Helper()
	day := func(d int) time.Time { return time.Date(2026, 9, d, 8, 30, 15, 123456789, time.UTC) }
	admin := model.Admin{FullName: "Marie Curie", Email: "marie@example.fr", Language: model.French, Country: "FR",
		PasswordHash: "$argon2id$v=19$m=65536,t=1,p=4$c2FsdA$aGFzaA", CreatedAt: day(1), VerifiedAt: day(1),
		TermsAcceptedAt: day(1), FailedSignIns: 1, LastFailedSignIn: day(2)}
	must(t, "SignUpAdmin", s.SignUpAdmin(bg, &admin))
	org := model.Organization{Name: "Collège Jean Moulin", City: "Lyon", Country: "FR", Code: "0690001A", Source: "aaf", ExternalID: "e1", CreatedAt: day(1)}
	must(t, "CreateOrg", s.CreateOrg(bg, &org))
	_, err := s.UpdateAdminFunc(bg, admin.ID, func(a *model.Admin) error { a.OrgIDs = []model.ID{org.ID}; return nil })
	must(t, "UpdateAdminFunc", err)
	class := model.Class{OrgID: org.ID, Code: "3A", Name: "3e A", Level: "3e", Source: "ent", ExternalID: "c1", CreatedAt: day(1)}
	must(t, "CreateClass", s.CreateClass(bg, &class))
	group := model.Group{OrgID: org.ID, Code: "LAT", Name: "Latin", Source: "ent", ExternalID: "g1", CreatedAt: day(1)}
	must(t, "CreateGroup", s.CreateGroup(bg, &group))
	archived := model.Class{OrgID: org.ID, Code: "4e A (2025-2026)", Name: "4e A", ArchivedYear: "2025-2026", CreatedAt: day(1)}
	must(t, "CreateClass", s.CreateClass(bg, &archived))
	child := model.User{OrgID: org.ID, Profile: model.Student, LastName: "Lefèvre", FirstName: "Chloé", Login: "chloe.lefevre",
		Email: "chloe@example.fr", BirthDate: model.Date{Year: 2012, Month: 3, Day: 31}, Language: model.French,
		ClassIDs: []model.ID{class.ID}, GroupIDs: []model.ID{group.ID}, Source: "ent", ExternalID: "u1",
		ActivationCode: "K7MP-R2XW", CreatedAt: day(1), UpdatedAt: day(2), ByHand: model.FieldSet(0).With(model.FieldEmail)}
	must(t, "CreateUser", s.CreateUser(bg, &child))
	parent := model.User{OrgID: org.ID, Profile: model.Parent, LastName: "Lefèvre", FirstName: "Anne", Login: "anne.lefevre",
		ChildIDs: []model.ID{child.ID}, Functions: []string{"DIR$DIRECTION$D0011$CHEF"}, Subjects: []string{"ANGLAIS LV1"},
		LocalAdmin: true, ActivatedAt: day(3), PasswordHash: "$argon2id$v=19$m=65536,t=1,p=4$c2FsdA$cGFyZW50",
		CreatedAt: day(1), PendingSince: day(4), SuspendedAt: day(5), CreatedByHand: true,
		History: []model.YearRecord{{Year: "2025-2026", Classes: []string{"4e A"}, Groups: []string{"LAT"}}}}
	must(t, "CreateUser", s.CreateUser(bg, &parent))
	gone := model.User{OrgID: org.ID, Login: "gone"}
	must(t, "CreateUser", s.CreateUser(bg, &gone))
	must(t, "DeleteUser", s.DeleteUser(bg, gone.ID))

	claim := model.Claim{Hash: model.ClaimHash(model.ClaimByCode, "abc"), Kind: model.ClaimByCode, OrgID: org.ID,
		OrgName: org.Name, ClaimedAt: day(5), ClaimedBy: admin.ID}
	sub := model.Subscription{OrgID: org.ID, Product: "Atlas", Vendor: "Acme", Seats: 30, StartsOn: model.Date{Year: 2026, Month: 9, Day: 1},
		RenewsOn: model.Date{Year: 2027, Month: 9, Day: 1}, Keys: []model.ProductKey{{Key: "K-1", Seats: 30}}, ClaimedBy: admin.ID,
		ClaimedAt: day(5), ClaimRef: claim.Hash}
	must(t, "ClaimSubscription", s.ClaimSubscription(bg, claim, &sub, &model.AuditEvent{At: day(5), AdminID: admin.ID,
		Action: model.AuditClaim, OrgID: org.ID, Detail: "Atlas"}))
	_, err = s.ChangeSeats(bg, sub.ID, func(model.Subscription, []model.Seat) (storage.SeatWrite, error) {
		return storage.SeatWrite{Add: []model.Seat{
			{UserID: child.ID, Email: child.Email, Login: child.Login, Key: "K-1", Source: model.SeatTyped, AddedBy: admin.ID, AddedAt: day(6)},
			{Email: "outside@example.org", Source: model.SeatTyped, AddedBy: admin.ID, AddedAt: day(6)},
		}}, nil
	})
	must(t, "ChangeSeats", err)
	pub := make([]byte, 32)
	pub[0] = 1
	_, err = s.PutVendorKey(bg, model.VendorKey{OrgID: org.ID, Vendor: "Acme", Public: pub, Origin: model.KeyAdded, AddedAt: day(1), AddedBy: admin.ID}, nil)
	must(t, "PutVendorKey", err)
	inv := model.Invitation{OrgID: org.ID, Email: "paul@example.fr", InvitedBy: admin.ID, CreatedAt: day(2), ExpiresAt: day(9)}
	must(t, "CreateInvitation", s.CreateInvitation(bg, &inv, model.OneTimeCode{Hash: model.HashSecret("invite"),
		Purpose: model.PurposeInvite, CreatedAt: day(2), ExpiresAt: day(9)}))
	must(t, "PutCode", s.PutCode(bg, model.OneTimeCode{Hash: model.HashSecret("reset"), Purpose: model.PurposeResetPassword,
		SubjectID: child.ID, CreatedAt: day(2), ExpiresAt: day(3)}))
	must(t, "PutSession", s.PutSession(bg, model.Session{TokenHash: model.HashSecret("token"), AdminID: admin.ID, CreatedAt: day(2), Origin: "local:marie"}))
	must(t, "SetLocalToken", s.SetLocalToken(bg, "marie", model.HashSecret("token")))
	must(t, "PutPersonSession", s.PutPersonSession(bg, model.PersonSession{TokenHash: model.HashSecret("web"), UserID: child.ID,
		OrgID: org.ID, CreatedAt: day(2), ExpiresAt: day(3)}))

	run := model.ImportRun{ID: model.TempID(100), At: day(7), AdminID: admin.ID, Source: "ent", OrgIDs: []model.ID{org.ID},
		Files: []model.ImportFile{{Name: "eleves.csv", SHA256: "ab", Rows: 2}}, Counts: model.ImportCounts{Updated: 1}}
	before := child
	child.FirstName = "Léa"
	_, err = s.Apply(bg, storage.Batch{Users: []model.User{child}, Import: &run,
		Undo:       &model.ImportUndo{RunID: model.TempID(100), Before: []model.User{before}, WrittenAt: day(7)},
		Provenance: map[model.ID]model.Provenance{child.ID: {model.FieldFirstName: {Run: model.TempID(100), File: "eleves.csv", Line: 2}}}})
	must(t, "Apply", err)
	c := model.Campaign{AdminID: admin.ID, OrgIDs: []model.ID{org.ID}, Language: model.French, CreatedAt: day(8), State: model.CampaignNew}
	must(t, "CreateCampaign", s.CreateCampaign(bg, &c, []model.ID{child.ID, parent.ID}))
	_, err = s.RecordDeliveries(bg, c.ID, []model.CampaignRecipient{{UserID: child.ID, Status: model.DeliverySent,
		Email: child.Email, Variant: model.VariantActivation, Attempts: 1, LastTry: day(8), SentAt: day(8)}}, nil)
	must(t, "RecordDeliveries", err)
	must(t, "AddSSHKey", s.AddSSHKey(bg, model.SSHKey{Fingerprint: "SHA256:abc", AdminID: admin.ID, Type: "ssh-ed25519",
		PublicKey: "ssh-ed25519 AAAA", Comment: "marie@laptop", AddedAt: day(2)}))
	must(t, "SaveFilter", s.SaveFilter(bg, model.SavedFilter{AdminID: admin.ID, Name: "CE2 pas activés",
		Selection: model.Selection{Text: "élodie", Profiles: []model.Profile{model.Student}}, SavedAt: day(3)}))
	must(t, "AppendAudit", s.AppendAudit(bg, &model.AuditEvent{At: day(9), AdminID: admin.ID, Action: model.AuditUserLink,
		OrgID: org.ID, SubjectID: parent.ID, Detail: "anne.lefevre → chloe.lefevre"}))
	must(t, "SetMeta", s.SetMeta(bg, "school.1.settings", `{"smtp":{"host":"smtp.example.fr"}}`))
}
