package model

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"
)

// CodeAlphabet has no 0/O, 1/I/L or U: a code copied by hand from paper survives.
const CodeAlphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789"

// NewCode draws n characters from CodeAlphabet using r, which must be a cryptographic source
// in production (crypto/rand.Reader). Rejection sampling keeps every character equally likely.
func NewCode(r io.Reader, n int) (string, error) {
	const max = 256 - 256%len(CodeAlphabet)
	var outArr, bufArr [64]byte // on the stack for the usual lengths: an import draws a code a user
	out := outArr[:0]
	buf := bufArr[:]
	if n+8 > len(buf) {
		buf = make([]byte, n+8)
	}
	buf = buf[:n+8]
	for len(out) < n {
		if _, err := io.ReadFull(r, buf); err != nil {
			return "", fmt.Errorf("random source: %w", err)
		}
		for _, b := range buf {
			if int(b) < max && len(out) < n {
				out = append(out, CodeAlphabet[int(b)%len(CodeAlphabet)])
			}
		}
	}
	return string(out), nil
}

// NormalizeCode upper-cases a typed code and keeps only ASCII letters and digits, so
// "abcd-efgh" and " ABCD EFGH " match. Look-alike characters are mapped to the ones the
// alphabet keeps.
func NormalizeCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == 'O':
			r = '0'
		case r == 'I' || r == 'L':
			r = '1'
		case !('A' <= r && r <= 'Z' || '0' <= r && r <= '9'):
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FormatCode groups a code by four for reading aloud or printing: ABCD-EFGH.
func FormatCode(code string) string {
	if len(code) <= 4 {
		return code
	}
	var b strings.Builder
	for i := 0; i < len(code); i += 4 {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(code[i:min(i+4, len(code))])
	}
	return b.String()
}

// HashSecret returns the hex SHA-256 of a high-entropy secret (a code or a session token).
// Such secrets need no slow hash: they are random, single use and short lived.
func HashSecret(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// CodePurpose says what a one-time code unlocks.
type CodePurpose string

// The purposes of one-time codes.
const (
	PurposeVerifyEmail   CodePurpose = "verify"
	PurposeResetPassword CodePurpose = "reset"
	// PurposeAdminReset resets an admin's own password (its subject is an admin, not a user).
	PurposeAdminReset CodePurpose = "admin-reset"
	PurposeInvite     CodePurpose = "invite"
)

// OneTimeCode is a single-use secret with an expiry. Only its hash is stored.
type OneTimeCode struct {
	Hash      string
	Purpose   CodePurpose
	SubjectID ID // the admin or user it belongs to
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    time.Time
}

// Check says whether the code can be spent at now.
func (c OneTimeCode) Check(now time.Time) error {
	switch {
	case !c.UsedAt.IsZero():
		return ErrCodeUsed
	case !now.Before(c.ExpiresAt):
		return ErrCodeExpired
	}
	return nil
}
