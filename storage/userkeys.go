package storage

import "strings"

// LoginKey is what makes a login unique in every store: case is folded, so "J.Dupont" and
// "j.dupont" cannot both exist. An empty login has no key (it is not indexed).
func LoginKey(login string) []byte {
	if login == "" {
		return nil
	}
	return []byte(strings.ToLower(login))
}

// ExternalIDKey is what makes (source, external id) unique in every store: the source, a zero
// byte, and the external id; nil without an external id.
func ExternalIDKey(source, externalID string) []byte {
	if externalID == "" {
		return nil
	}
	k := make([]byte, 0, len(source)+1+len(externalID))
	k = append(k, source...)
	k = append(k, 0)
	return append(k, externalID...)
}
