package sshserver

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	gossh "golang.org/x/crypto/ssh"
)

// hostKeyMode keeps the host's private key readable by its owner only.
const hostKeyMode = 0o600

// LoadHostKey reads the Ed25519 host key at path, generating it (mode 0600, directory 0700,
// with path+".pub" beside it) on first start. A key file others can read is refused, as
// OpenSSH refuses one: whoever reads it can impersonate the server.
func LoadHostKey(path string) (gossh.Signer, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return createHostKey(path)
	} else if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	if err := checkKeyMode(path); err != nil {
		return nil, err
	}
	signer, err := gossh.ParsePrivateKey(raw)
	if err != nil {
		return nil, fmt.Errorf("host key %s: %w", path, err)
	}
	return signer, nil
}

func checkKeyMode(path string) error {
	if runtime.GOOS == "windows" {
		return nil // no Unix modes; the file's ACL is the user's profile's
	}
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("host key: %w", err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("host key %s: mode %04o lets others read it; run chmod 600 %s", path, st.Mode().Perm(), path)
	}
	return nil
}

func createHostKey(path string) (gossh.Signer, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "rollcall host key")
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	// O_EXCL: two servers starting at once never overwrite each other's fresh key.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, hostKeyMode)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	if _, err := f.Write(pem.EncodeToMemory(block)); err != nil {
		f.Close()
		os.Remove(path)
		return nil, fmt.Errorf("host key: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	sshPub, err := gossh.NewPublicKey(pub)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	// The public half, for admins to check the fingerprint or fill known_hosts; failing to
	// write it does not stop the server.
	_ = os.WriteFile(path+".pub", gossh.MarshalAuthorizedKey(sshPub), 0o644)
	return signer, nil
}
