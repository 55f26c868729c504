package storage

import (
	"context"

	"rollcall/model"
)

// SSHKeyStore keeps the admins' SSH public keys by fingerprint.
type SSHKeyStore interface {
	// AddSSHKey stores a key; ErrConflict when its fingerprint is already registered, to
	// anyone.
	AddSSHKey(ctx context.Context, k model.SSHKey) error
	// SSHKey finds a key by fingerprint (ErrNotFound).
	SSHKey(ctx context.Context, fingerprint string) (model.SSHKey, error)
	// ListSSHKeys returns an admin's keys (every key when adminID is 0), oldest first; keys
	// added at the same instant in byte order of their fingerprints.
	ListSSHKeys(ctx context.Context, adminID model.ID) ([]model.SSHKey, error)
	// DeleteSSHKey removes a key (ErrNotFound).
	DeleteSSHKey(ctx context.Context, fingerprint string) error
}
