package model

import (
	"bufio"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// KeyOrigin says why Rollcall trusts a vendor key.
type KeyOrigin uint8

// Where trusted keys come from.
const (
	KeyShipped KeyOrigin = iota // embedded in Rollcall
	KeyAdded                    // an admin ran `rollcall vendor trust`
	KeyDemo                     // the demo vendor: trusted only in a store holding the demo school
)

// String is the origin's name in --json output.
func (o KeyOrigin) String() string {
	switch o {
	case KeyAdded:
		return "added"
	case KeyDemo:
		return "demo"
	}
	return "shipped"
}

// VendorKey is a vendor's Ed25519 public key that claim codes are checked against.
type VendorKey struct {
	// OrgID is the school that trusts the key (an added key); 0 for the keys every school
	// trusts (shipped with Rollcall, the demo vendor's).
	OrgID   ID
	Vendor  string            // the vendor's name, as the key file says it
	Public  ed25519.PublicKey // 32 bytes
	Origin  KeyOrigin
	AddedAt time.Time // KeyAdded: when, and by which admin
	AddedBy ID
}

// KeyID is the short id a claim code carries to name its key: 8 hex digits of the key's SHA-256.
func (k VendorKey) KeyID() string { return keyIDString(keyID(k.Public)) }

// Fingerprint is the whole SHA-256 of the key in hex: what the store files it under.
func (k VendorKey) Fingerprint() string {
	sum := sha256.Sum256(k.Public)
	return hex.EncodeToString(sum[:])
}

func keyID(pub ed25519.PublicKey) [4]byte {
	sum := sha256.Sum256(pub)
	return [4]byte(sum[:4])
}

func keyIDString(id [4]byte) string { return hex.EncodeToString(id[:]) }

// VendorKeyError says what is wrong in a key file, and on which line (0: the file as a whole).
type VendorKeyError struct {
	File    string // the file's name when known
	Line    int
	Problem KeyFileProblem
}

// KeyFileProblem names what is wrong in a key file.
type KeyFileProblem string

// The problems of key files.
const (
	KeyFileUnknownLine   KeyFileProblem = "unknown line"
	KeyFileBadVendor     KeyFileProblem = "bad vendor name"
	KeyFileBadKey        KeyFileProblem = "bad key"
	KeyFilePrivate       KeyFileProblem = "private key where a public key belongs"
	KeyFileMissingKey    KeyFileProblem = "missing key"
	KeyFileMissingVendor KeyFileProblem = "missing vendor"
	KeyFileLineTooLong   KeyFileProblem = "line too long"
)

func (e *VendorKeyError) Error() string {
	name := e.File
	if name == "" {
		name = "vendor key file"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s, line %d: %s", name, e.Line, string(e.Problem))
	}
	return name + ": " + string(e.Problem)
}

// Is makes it an invalid input.
func (e *VendorKeyError) Is(target error) bool { return target == ErrInvalid }

// ErrorKind: invalid input (exit code 3).
func (e *VendorKeyError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage is its sentence.
func (e *VendorKeyError) ErrorMessage() Message { return Message{ID: MsgVendorKeyFile, Args: []any{e}} }

// The headers of key files, and the field names inside them.
const (
	publicKeyHeader  = "# Rollcall vendor public key: give it to the schools that claim your codes"
	privateKeyHeader = "# Rollcall vendor PRIVATE key: keep it secret, it signs claim codes"
	fieldVendor      = "vendor"
	fieldPublic      = "ed25519-public"
	fieldPrivate     = "ed25519-private"
)

// FormatVendorPublicKey writes the public key file `rollcall vendor trust` reads.
func FormatVendorPublicKey(vendor string, pub ed25519.PublicKey) string {
	return fmt.Sprintf("%s\n%s: %s\n%s: %s\n", publicKeyHeader, fieldVendor, oneLine(vendor),
		fieldPublic, base64.StdEncoding.EncodeToString(pub))
}

// FormatVendorPrivateKey writes the private key file `rollcall vendor issue-code` reads. Only
// the 32-byte seed is written; the public half is derived from it.
func FormatVendorPrivateKey(vendor string, priv ed25519.PrivateKey) string {
	return fmt.Sprintf("%s\n%s: %s\n%s: %s\n", privateKeyHeader, fieldVendor, oneLine(vendor),
		fieldPrivate, base64.StdEncoding.EncodeToString(priv.Seed()))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// ParseVendorPublicKey reads a public key file. A private key file is refused: it must never
// be handed around.
func ParseVendorPublicKey(r io.Reader) (VendorKey, error) {
	vendor, raw, err := readKeyFile(r, fieldPublic, ed25519.PublicKeySize)
	if err != nil {
		return VendorKey{}, err
	}
	return VendorKey{Vendor: vendor, Public: ed25519.PublicKey(raw)}, nil
}

// ParseVendorPrivateKey reads a private key file; it returns the vendor's name and the key.
func ParseVendorPrivateKey(r io.Reader) (string, ed25519.PrivateKey, error) {
	vendor, seed, err := readKeyFile(r, fieldPrivate, ed25519.SeedSize)
	if err != nil {
		return "", nil, err
	}
	return vendor, ed25519.NewKeyFromSeed(seed), nil
}

// maxKeyFile bounds a key file: a real one is three short lines.
const maxKeyFile = 4096

func readKeyFile(r io.Reader, keyField string, size int) (string, []byte, error) {
	sc := bufio.NewScanner(io.LimitReader(r, maxKeyFile))
	sc.Buffer(make([]byte, 0, 512), maxKeyFile)
	var vendor string
	var raw []byte
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		name, value, ok := strings.Cut(text, ":")
		name, value = strings.ToLower(strings.TrimSpace(name)), strings.TrimSpace(value)
		switch {
		case !ok:
			return "", nil, &VendorKeyError{Line: line, Problem: KeyFileUnknownLine}
		case name == fieldVendor:
			if !utf8.ValidString(value) || len(value) > MaxNameLength {
				return "", nil, &VendorKeyError{Line: line, Problem: KeyFileBadVendor}
			}
			vendor = value
		case name == keyField:
			b, err := base64.StdEncoding.DecodeString(value)
			if err != nil || len(b) != size {
				return "", nil, &VendorKeyError{Line: line, Problem: KeyFileBadKey}
			}
			raw = b
		case name == fieldPrivate && keyField == fieldPublic:
			return "", nil, &VendorKeyError{Line: line, Problem: KeyFilePrivate}
		default:
			return "", nil, &VendorKeyError{Line: line, Problem: KeyFileUnknownLine}
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return "", nil, &VendorKeyError{Line: line + 1, Problem: KeyFileLineTooLong}
		}
		return "", nil, err
	}
	switch {
	case raw == nil:
		return "", nil, &VendorKeyError{Problem: KeyFileMissingKey}
	case vendor == "":
		return "", nil, &VendorKeyError{Problem: KeyFileMissingVendor}
	}
	return vendor, raw, nil
}
