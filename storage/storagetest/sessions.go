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
