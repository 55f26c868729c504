package app

import (
	"context"
	"crypto/rsa"
	"fmt"
	"strings"

	"golang.org/x/crypto/ssh"

	"rollcall/model"
	"rollcall/storage"
)

// maxKeyLine bounds a pasted key: an 16384-bit RSA key is under 3 kB.
const maxKeyLine = 8 << 10

// ParseSSHKey reads one public key in authorized_keys form ("ssh-ed25519 AAAA… comment"), the
// way ~/.ssh/id_ed25519.pub holds it. DSA keys, RSA keys under 2048 bits and certificates are
// refused (model.ErrSSHKeyWeak, model.ErrSSHKeyInvalid); both match model.ErrInvalid.
func ParseSSHKey(line string) (model.SSHKey, error) {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > maxKeyLine || strings.ContainsAny(line, "\n\r") {
		return model.SSHKey{}, invalidKey(model.ErrSSHKeyInvalid)
	}
	pub, comment, options, rest, err := ssh.ParseAuthorizedKey([]byte(line))
	if err != nil || len(options) > 0 || len(rest) > 0 {
		return model.SSHKey{}, invalidKey(model.ErrSSHKeyInvalid)
	}
	if _, isCert := pub.(*ssh.Certificate); isCert {
		return model.SSHKey{}, invalidKey(model.ErrSSHKeyInvalid)
	}
	if err := checkKeyStrength(pub); err != nil {
		return model.SSHKey{}, err
	}
	return model.SSHKey{Fingerprint: ssh.FingerprintSHA256(pub), Type: pub.Type(),
		PublicKey: strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub))), Comment: model.CleanName(comment)}, nil
}

func checkKeyStrength(pub ssh.PublicKey) error {
	switch pub.Type() {
	case ssh.KeyAlgoDSA: //lint:ignore SA1019 named here to refuse DSA keys
		return invalidKey(model.ErrSSHKeyWeak)
	case ssh.KeyAlgoRSA:
		cpk, ok := pub.(ssh.CryptoPublicKey)
		if !ok {
			return invalidKey(model.ErrSSHKeyInvalid)
		}
		if rk, ok := cpk.CryptoPublicKey().(*rsa.PublicKey); !ok || rk.N.BitLen() < 2048 {
			return invalidKey(model.ErrSSHKeyWeak)
		}
	}
	return nil
}

func invalidKey(err error) error { return fmt.Errorf("%w (%w)", err, model.ErrInvalid) }

// AddSSHKey registers a public key for the admin: from then on, whoever holds the private key
// signs in over SSH as them. A key registered by anyone already is a conflict.
func (s *Session) AddSSHKey(ctx context.Context, line string, dryRun bool) (_ model.SSHKey, err error) {
	admin, err := s.signedIn(ctx)
	if err != nil {
		return
	}
	return s.app.addSSHKey(ctx, admin, line, dryRun)
}

func (a *App) addSSHKey(ctx context.Context, admin model.Admin, line string, dryRun bool) (model.SSHKey, error) {
	k, err := ParseSSHKey(line)
	if err != nil {
		return k, err
	}
	k.AdminID, k.AddedAt = admin.ID, a.now()
	if _, err := a.store.SSHKey(ctx, k.Fingerprint); err == nil {
		return k, fmt.Errorf("SSH key %s: %w", k.Fingerprint, storage.ErrConflict)
	}
	if dryRun {
		return k, nil
	}
	if err := a.store.AddSSHKey(ctx, k); err != nil {
		return k, err
	}
	return k, a.audit(ctx, admin, model.AuditSSHKeyAdd, k.Fingerprint)
}

// ListSSHKeys returns the admin's own keys, oldest first.
func (s *Session) ListSSHKeys(ctx context.Context) (_ []model.SSHKey, err error) {
	admin, err := s.signedIn(ctx)
	if err != nil {
		return
	}
	return s.app.listSSHKeys(ctx, admin)
}

func (a *App) listSSHKeys(ctx context.Context, admin model.Admin) ([]model.SSHKey, error) {
	return a.store.ListSSHKeys(ctx, admin.ID)
}

// RemoveSSHKey removes one of the admin's keys, named by fingerprint (with or without the
// "SHA256:" prefix) or by its comment when that is unique. Another admin's key is not found.
func (s *Session) RemoveSSHKey(ctx context.Context, ref string, dryRun bool) (_ model.SSHKey, err error) {
	admin, err := s.signedIn(ctx)
	if err != nil {
		return
	}
	return s.app.removeSSHKey(ctx, admin, ref, dryRun)
}

func (a *App) removeSSHKey(ctx context.Context, admin model.Admin, ref string, dryRun bool) (model.SSHKey, error) {
	keys, err := a.store.ListSSHKeys(ctx, admin.ID)
	if err != nil {
		return model.SSHKey{}, err
	}
	k, err := pickKey(keys, strings.TrimSpace(ref))
	if err != nil || dryRun {
		return k, err
	}
	if err := a.store.DeleteSSHKey(ctx, k.Fingerprint); err != nil {
		return k, err
	}
	return k, a.audit(ctx, admin, model.AuditSSHKeyRemove, k.Fingerprint)
}

func pickKey(keys []model.SSHKey, ref string) (model.SSHKey, error) {
	var byComment []model.SSHKey
	for _, k := range keys {
		if ref != "" && (k.Fingerprint == ref || strings.TrimPrefix(k.Fingerprint, "SHA256:") == ref) {
			return k, nil
		}
		if ref != "" && k.Comment == ref {
			byComment = append(byComment, k)
		}
	}
	switch len(byComment) {
	case 1:
		return byComment[0], nil
	case 0:
		return model.SSHKey{}, notFound(model.ThingSSHKey, ref)
	}
	return model.SSHKey{}, fmt.Errorf("SSH key %q names %d keys: %w", ref, len(byComment), storage.ErrConflict)
}

// AdminByKey returns the verified admin who registered a public key (given in SSH wire form),
// for the SSH server's authentication. An unknown key is storage.ErrNotFound.
func (a *App) AdminByKey(ctx context.Context, wire []byte) (model.Admin, model.SSHKey, error) {
	pub, err := ssh.ParsePublicKey(wire)
	if err != nil {
		return model.Admin{}, model.SSHKey{}, invalidKey(model.ErrSSHKeyInvalid)
	}
	k, err := a.store.SSHKey(ctx, ssh.FingerprintSHA256(pub))
	if err != nil {
		return model.Admin{}, k, err
	}
	admin, err := a.store.Admin(ctx, k.AdminID)
	if err != nil {
		return admin, k, err
	}
	if !admin.Verified() {
		return model.Admin{}, k, model.ErrNotVerified
	}
	return admin, k, nil
}

// CheckPassword checks an admin's password like SignIn (same throttling after failures, same
// errors) without opening a session, for the SSH server's password authentication.
func (a *App) CheckPassword(ctx context.Context, email, password string) (model.Admin, error) {
	res, err := a.SignIn(ctx, email, password, "check")
	if err != nil {
		return model.Admin{}, err
	}
	return res.Admin, a.SignOut(ctx, res.Token)
}

// OpenSession opens a session for an admin the caller has authenticated another way (an SSH
// key), labelled with origin ("ssh:203.0.113.7:51234"). End it with SignOut.
func (a *App) OpenSession(ctx context.Context, adminID model.ID, origin string) (*Session, error) {
	token, err := a.newToken()
	if err != nil {
		return nil, err
	}
	s := model.Session{TokenHash: model.HashSecret(token), AdminID: adminID, CreatedAt: a.now(), Origin: origin}
	if err := a.store.PutSession(ctx, s); err != nil {
		return nil, err
	}
	return &Session{app: a, token: token}, nil
}
