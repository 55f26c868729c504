package app

import (
	"context"
	"crypto/dsa" //lint:ignore SA1019 the test makes a DSA key to see it refused
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"rollcall/model"
	"rollcall/storage"
)

// authorizedLine returns the authorized_keys line of a public key, with a comment.
func authorizedLine(t testing.TB, pub any, comment string) (string, ssh.PublicKey) {
	t.Helper()
	k, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k))) + " " + comment, k
}

func newEd25519(t testing.TB, comment string) (string, ssh.PublicKey) {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return authorizedLine(t, pub, comment)
}

func TestSSHKeysAddFindRemove(t *testing.T) {
	s := newTwoSchools(t)
	f, ctx := s.f, context.Background()
	line, pub := newEd25519(t, "ada@laptop")
	k, err := f.app.addSSHKey(ctx, s.a, "  "+line+"\n", false)
	if err != nil {
		t.Fatal(err)
	}
	if k.Fingerprint != ssh.FingerprintSHA256(pub) || k.Type != ssh.KeyAlgoED25519 || k.Comment != "ada@laptop" || k.AdminID != s.a.ID {
		t.Errorf("added key %+v", k)
	}
	if _, err := f.app.addSSHKey(ctx, s.b, line, false); !errors.Is(err, storage.ErrConflict) {
		t.Errorf("Bob registering Ada's key: %v, want a conflict", err)
	}
	admin, key, err := f.app.AdminByKey(ctx, pub.Marshal())
	if err != nil || admin.ID != s.a.ID || key.Fingerprint != k.Fingerprint {
		t.Errorf("AdminByKey = %+v, %+v, %v; want Ada", admin, key, err)
	}
	_, unknown := newEd25519(t, "")
	if _, _, err := f.app.AdminByKey(ctx, unknown.Marshal()); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("an unknown key: %v, want not found", err)
	}
	if keys, _ := f.app.listSSHKeys(ctx, s.b); len(keys) != 0 {
		t.Errorf("Bob lists Ada's keys: %+v", keys)
	}
	if _, err := f.app.removeSSHKey(ctx, s.b, k.Fingerprint, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Bob removing Ada's key: %v, want not found", err)
	}
	if _, err := f.app.removeSSHKey(ctx, s.a, "ada@laptop", false); err != nil {
		t.Errorf("removing by comment: %v", err)
	}
	if _, _, err := f.app.AdminByKey(ctx, pub.Marshal()); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("a removed key still signs in: %v", err)
	}
	log, _ := f.app.auditLog(ctx, s.a, AuditQuery{Action: "ssh_keys."})
	if len(log) != 2 || log[0].Action != model.AuditSSHKeyRemove || log[0].Detail != k.Fingerprint {
		t.Errorf("Ada's key log: %+v", log)
	}
	if log, _ := f.app.auditLog(ctx, s.b, AuditQuery{Action: "ssh_keys."}); len(log) != 0 {
		t.Errorf("Bob sees Ada's keys in the log: %+v", log)
	}
}

func TestSSHKeysOfUnverifiedAdminsDoNotSignIn(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	res, err := f.app.SignUp(ctx, signUpInput("Nora", "nora@example.fr"))
	if err != nil {
		t.Fatal(err)
	}
	line, pub := newEd25519(t, "")
	if _, err := f.app.addSSHKey(ctx, model.Admin{ID: res.AdminID}, line, false); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.app.AdminByKey(ctx, pub.Marshal()); !errors.Is(err, model.ErrNotVerified) {
		t.Errorf("an unverified admin's key: %v, want ErrNotVerified", err)
	}
}

func TestParseSSHKeyRefusesWeakAndMalformedKeys(t *testing.T) {
	weakRSA, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	rsaLine, _ := authorizedLine(t, &weakRSA.PublicKey, "old")
	var params dsa.Parameters
	if err := dsa.GenerateParameters(&params, rand.Reader, dsa.L1024N160); err != nil {
		t.Fatal(err)
	}
	dk := &dsa.PrivateKey{PublicKey: dsa.PublicKey{Parameters: params}}
	if err := dsa.GenerateKey(dk, rand.Reader); err != nil {
		t.Fatal(err)
	}
	dsaLine, _ := authorizedLine(t, &dk.PublicKey, "older")
	good, _ := newEd25519(t, "")
	cases := map[string]struct {
		line string
		want error
	}{
		"RSA 1024":          {rsaLine, model.ErrSSHKeyWeak},
		"DSA":               {dsaLine, model.ErrSSHKeyWeak},
		"empty":             {"", model.ErrSSHKeyInvalid},
		"garbage":           {"ssh-ed25519 not-base64!", model.ErrSSHKeyInvalid},
		"private key":       {"-----BEGIN OPENSSH PRIVATE KEY-----", model.ErrSSHKeyInvalid},
		"options":           {`command="rm -rf /" ` + good, model.ErrSSHKeyInvalid},
		"two keys":          {good + "\n" + good, model.ErrSSHKeyInvalid},
		"a comment only":    {"# my key", model.ErrSSHKeyInvalid},
		"truncated base64":  {good[:40], model.ErrSSHKeyInvalid},
		"huge":              {"ssh-ed25519 " + strings.Repeat("A", 9000), model.ErrSSHKeyInvalid},
		"type mismatch":     {"ssh-rsa" + strings.TrimPrefix(good, "ssh-ed25519"), model.ErrSSHKeyInvalid},
		"unknown algorithm": {"ssh-foo AAAAB3NzaC1yc2E=", model.ErrSSHKeyInvalid},
	}
	for name, tc := range cases {
		_, err := ParseSSHKey(tc.line)
		if !errors.Is(err, tc.want) || !errors.Is(err, model.ErrInvalid) {
			t.Errorf("%s: err = %v, want %v (invalid input)", name, err, tc.want)
		}
	}
}

func TestOpenSessionAndCheckPassword(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ada := f.verifiedAdmin(t, "ada@example.fr", "password1")
	sess, err := f.app.OpenSession(ctx, ada.ID, "ssh:127.0.0.1:1234")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := sess.Admin(ctx); err != nil || got.ID != ada.ID {
		t.Errorf("Session.Admin(ssh token) = %+v, %v", got, err)
	}
	if err := sess.SignOut(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.Admin(ctx); !errors.Is(err, model.ErrNotSignedIn) {
		t.Errorf("a closed SSH session still signs in: %v", err)
	}
	if got, err := f.app.CheckPassword(ctx, "ada@example.fr", "password1"); err != nil || got.ID != ada.ID {
		t.Errorf("CheckPassword(right) = %+v, %v", got, err)
	}
	if _, err := f.app.CheckPassword(ctx, "ada@example.fr", "wrong-one1"); !errors.Is(err, model.ErrInvalidCredentials) {
		t.Errorf("CheckPassword(wrong) = %v", err)
	}
}

func FuzzParseSSHKey(f *testing.F) {
	f.Add("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host")
	f.Add("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC user")
	f.Add(`from="10.0.0.1" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl`)
	f.Add("")
	f.Fuzz(func(t *testing.T, line string) {
		k, err := ParseSSHKey(line)
		if err != nil {
			if !errors.Is(err, model.ErrInvalid) {
				t.Fatalf("ParseSSHKey(%q): %v is not an invalid-input error", line, err)
			}
			return
		}
		if !strings.HasPrefix(k.Fingerprint, "SHA256:") || !strings.HasPrefix(k.PublicKey, k.Type+" ") {
			t.Fatalf("ParseSSHKey(%q) = %+v", line, k)
		}
		again, err := ParseSSHKey(k.PublicKey)
		if err != nil || again.Fingerprint != k.Fingerprint {
			t.Fatalf("the stored form %q does not parse back: %v", k.PublicKey, err)
		}
	})
}
