package storagetest

import (
	"bytes"
	"errors"
	"testing"

	"rollcall/model"
	"rollcall/storage"
)

var sessionTests = []test{
	{"put get delete", testSessions},
	{"local tokens", testLocalTokens},
}

var metaTests = []test{
	{"settings", testMeta},
	{"schema version and backup", testSchemaAndBackup},
}

func testSessions(t *testing.T, s storage.Store) {
	a := model.Session{TokenHash: "t1", AdminID: 3, CreatedAt: at(1), Origin: "local:alice"}
	b := model.Session{TokenHash: "t2", AdminID: 4, CreatedAt: at(2), Origin: "ssh:10.0.0.2:5555"}
	must(t, "PutSession a", s.PutSession(bg, a))
	must(t, "PutSession b", s.PutSession(bg, b))
	got, err := s.Session(bg, "t1")
	must(t, "Session(t1)", err)
	same(t, "Session(t1)", got, a)
	a.Origin = "local:bob"
	must(t, "PutSession replacing a", s.PutSession(bg, a))
	got, err = s.Session(bg, "t1")
	must(t, "Session(t1) after replace", err)
	same(t, "Session(t1) after replace", got, a)

	must(t, "DeleteSession(t1)", s.DeleteSession(bg, "t1"))
	_, err = s.Session(bg, "t1")
	isErr(t, "Session(t1) after delete", err, storage.ErrNotFound)
	isErr(t, "DeleteSession(t1) again", s.DeleteSession(bg, "t1"), storage.ErrNotFound)
	if _, err := s.Session(bg, "t2"); err != nil {
		t.Errorf("Session(t2) after deleting t1: %v", err)
	}
	_, err = s.Session(bg, "unknown")
	isErr(t, "Session(unknown)", err, storage.ErrNotFound)
}

func testLocalTokens(t *testing.T, s storage.Store) {
	if tok, err := s.LocalToken(bg, "alice"); err != nil || tok != "" {
		t.Errorf("LocalToken(alice) before any = %q, %v; want \"\", nil", tok, err)
	}
	must(t, "SetLocalToken alice", s.SetLocalToken(bg, "alice", "tok-a"))
	must(t, "SetLocalToken bob", s.SetLocalToken(bg, "bob", "tok-b"))
	must(t, "SetLocalToken alice again", s.SetLocalToken(bg, "alice", "tok-a2"))
	for user, want := range map[string]string{"alice": "tok-a2", "bob": "tok-b"} {
		if tok, err := s.LocalToken(bg, user); err != nil || tok != want {
			t.Errorf("LocalToken(%s) = %q, %v; want %q", user, tok, err, want)
		}
	}
	must(t, "SetLocalToken alice forget", s.SetLocalToken(bg, "alice", ""))
	if tok, err := s.LocalToken(bg, "alice"); err != nil || tok != "" {
		t.Errorf("LocalToken(alice) after forgetting = %q, %v", tok, err)
	}
	if tok, _ := s.LocalToken(bg, "bob"); tok != "tok-b" {
		t.Errorf("forgetting alice changed bob's token to %q", tok)
	}
}

func testMeta(t *testing.T, s storage.Store) {
	if v, err := s.Meta(bg, "demo_loaded"); err != nil || v != "" {
		t.Errorf("Meta(unset) = %q, %v; want \"\", nil", v, err)
	}
	must(t, "SetMeta", s.SetMeta(bg, "demo_loaded", "2026-09-01"))
	must(t, "SetMeta other", s.SetMeta(bg, "lang", "fr"))
	must(t, "SetMeta overwrite", s.SetMeta(bg, "demo_loaded", "2026-09-02"))
	for key, want := range map[string]string{"demo_loaded": "2026-09-02", "lang": "fr"} {
		if v, err := s.Meta(bg, key); err != nil || v != want {
			t.Errorf("Meta(%s) = %q, %v; want %q", key, v, err, want)
		}
	}
	must(t, "SetMeta to empty", s.SetMeta(bg, "lang", ""))
	if v, err := s.Meta(bg, "lang"); err != nil || v != "" {
		t.Errorf("Meta(lang) after setting \"\" = %q, %v", v, err)
	}
}

func testSchemaAndBackup(t *testing.T, s storage.Store) {
	if v := s.SchemaVersion(); v < 1 {
		t.Errorf("SchemaVersion = %d, want at least 1", v)
	}
	u := fullUser("backed.up")
	must(t, "CreateUser", s.CreateUser(bg, &u))
	var buf bytes.Buffer
	n, err := s.Backup(bg, &buf)
	if errors.Is(err, storage.ErrBackupByEngine) { // a server's database: its own tools back it up
		if n != 0 || buf.Len() != 0 {
			t.Errorf("a refused Backup reported %d bytes and wrote %d", n, buf.Len())
		}
		return
	}
	must(t, "Backup", err)
	if n <= 0 || n != int64(buf.Len()) {
		t.Errorf("Backup reported %d bytes and wrote %d", n, buf.Len())
	}
	if _, err := s.User(bg, u.ID); err != nil {
		t.Errorf("store unusable after Backup: %v", err)
	}
}

var personSessionTests = []test{
	{"put get delete", testPersonSessions},
	{"a user's other sessions", testUserPersonSessions},
	{"purge expired", testPurgePersonSessions},
}

func testPersonSessions(t *testing.T, s storage.Store) {
	a := model.PersonSession{TokenHash: "p1", UserID: 7, OrgID: 2, CreatedAt: at(1), ExpiresAt: at(2)}
	must(t, "PutPersonSession a", s.PutPersonSession(bg, a))
	got, err := s.PersonSession(bg, "p1")
	must(t, "PersonSession(p1)", err)
	same(t, "PersonSession(p1)", got, a)
	a.ExpiresAt = at(3)
	must(t, "PutPersonSession replacing a", s.PutPersonSession(bg, a))
	got, err = s.PersonSession(bg, "p1")
	must(t, "PersonSession(p1) after replace", err)
	same(t, "PersonSession(p1) after replace", got, a)
	if _, err := s.Session(bg, "p1"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("an admin session with a person session's hash: %v, want ErrNotFound", err)
	}
	if err := s.PutPersonSession(bg, model.PersonSession{TokenHash: "x"}); err == nil {
		t.Error("PutPersonSession without a user: no error")
	}
	must(t, "DeletePersonSession(p1)", s.DeletePersonSession(bg, "p1"))
	_, err = s.PersonSession(bg, "p1")
	isErr(t, "PersonSession(p1) after delete", err, storage.ErrNotFound)
	isErr(t, "DeletePersonSession(p1) again", s.DeletePersonSession(bg, "p1"), storage.ErrNotFound)
	_, err = s.PersonSession(bg, "")
	isErr(t, "PersonSession(\"\")", err, storage.ErrNotFound)
	// A replaced session is purged by its new expiry only.
	must(t, "PutPersonSession b", s.PutPersonSession(bg, model.PersonSession{TokenHash: "b", UserID: 1, ExpiresAt: at(2)}))
	must(t, "PutPersonSession b later", s.PutPersonSession(bg, model.PersonSession{TokenHash: "b", UserID: 1, ExpiresAt: at(5)}))
	if n, err := s.PurgePersonSessions(bg, at(3)); err != nil || n != 0 {
		t.Errorf("PurgePersonSessions(day 3) after b moved to day 5 = %d, %v; want 0", n, err)
	}
	if n, err := s.DeleteUserPersonSessions(bg, 1, ""); err != nil || n != 1 {
		t.Errorf("DeleteUserPersonSessions(1) after b was replaced = %d, %v; want 1", n, err)
	}
}

func testUserPersonSessions(t *testing.T, s storage.Store) {
	for i, h := range []string{"u1a", "u1b", "u1c", "u2a"} {
		user := model.ID(1)
		if h == "u2a" {
			user = 2
		}
		must(t, "PutPersonSession "+h, s.PutPersonSession(bg, model.PersonSession{TokenHash: h, UserID: user, ExpiresAt: at(10 + i)}))
	}
	n, err := s.DeleteUserPersonSessions(bg, 1, "u1b")
	if err != nil || n != 2 {
		t.Fatalf("DeleteUserPersonSessions(1, keep u1b) = %d, %v; want 2", n, err)
	}
	for h, live := range map[string]bool{"u1a": false, "u1b": true, "u1c": false, "u2a": true} {
		_, err := s.PersonSession(bg, h)
		if live && err != nil {
			t.Errorf("%s: %v, want kept", h, err)
		} else if !live && !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("%s: %v, want ErrNotFound", h, err)
		}
	}
	if n, err := s.DeleteUserPersonSessions(bg, 3, ""); err != nil || n != 0 {
		t.Errorf("DeleteUserPersonSessions(nobody's) = %d, %v; want 0", n, err)
	}
}

func testPurgePersonSessions(t *testing.T, s storage.Store) {
	for i, h := range []string{"d1", "d2", "d3", "d4"} {
		must(t, "PutPersonSession "+h, s.PutPersonSession(bg, model.PersonSession{TokenHash: h, UserID: model.ID(i + 1), ExpiresAt: at(i + 1)}))
	}
	n, err := s.PurgePersonSessions(bg, at(2))
	if err != nil || n != 2 {
		t.Fatalf("PurgePersonSessions(day 2) = %d, %v; want 2 (an end at the instant itself is past)", n, err)
	}
	for h, live := range map[string]bool{"d1": false, "d2": false, "d3": true, "d4": true} {
		_, err := s.PersonSession(bg, h)
		if live != (err == nil) {
			t.Errorf("%s after purge: %v, want live=%v", h, err, live)
		}
	}
	if n, err := s.PurgePersonSessions(bg, at(2)); err != nil || n != 0 {
		t.Errorf("PurgePersonSessions again = %d, %v; want 0", n, err)
	}
	if n, err := s.DeleteUserPersonSessions(bg, 1, ""); err != nil || n != 0 {
		t.Errorf("a purged session left in the user index: %d, %v", n, err)
	}
}
