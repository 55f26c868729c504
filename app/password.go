package app

import (
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"io"
	"runtime"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Argon2Params tunes argon2id. DefaultArgon2 follows RFC 9106's second recommended option
// (64 MiB, 3 passes) scaled to one pass and two lanes for a school laptop's two cores.
type Argon2Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
	SaltLen int
	KeyLen  uint32
}

// DefaultArgon2 is the production setting.
var DefaultArgon2 = Argon2Params{Memory: 64 * 1024, Time: 1, Threads: 2, SaltLen: 16, KeyLen: 32}

// maxArgon2Memory refuses a stored hash that would make one check allocate more than this
// (KiB): a hash is data, and data must not decide how much memory the process takes.
const maxArgon2Memory = 256 * 1024

// argonSlots bounds the argon2 computations running at once in the whole process, whoever asks
// (sign-in from any face, SSH password authentication, activation, reset, import): each one
// allocates Argon2Params.Memory, so without a bound a burst of parallel wrong passwords takes
// the server's memory (50 SSH guesses once took it from 163 MB to 2.9 GB). It is the one
// package-level variable of app on purpose: the bound is the process's, however many App values
// (tests) share it. Callers beyond the bound wait their turn.
var argonSlots = make(chan struct{}, argonConcurrency())

// argonConcurrency is one computation per core, at most four (256 MiB at the default setting).
func argonConcurrency() int {
	return max(1, min(runtime.GOMAXPROCS(0), 4))
}

// withArgonSlot runs f while holding one of the process's argon2 slots.
func withArgonSlot[T any](f func() T) T {
	argonSlots <- struct{}{}
	defer func() { <-argonSlots }()
	return f()
}

// hashPassword returns a PHC-style string: $argon2id$v=19$m=65536,t=1,p=2$<salt>$<hash>.
func hashPassword(p Argon2Params, random io.Reader, password string) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := io.ReadFull(random, salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	key := withArgonSlot(func() []byte {
		return argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	})
	return encodeHash(p, salt, key), nil
}

// encodeHash writes the PHC string of a salt and key computed with p.
func encodeHash(p Argon2Params, salt, key []byte) string {
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// verifyPassword checks password against a string hashPassword wrote, with the parameters the
// string records, so raising DefaultArgon2 later keeps old hashes valid.
func verifyPassword(encoded, password string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, fmt.Errorf("password hash: unknown format")
	}
	var version int
	var p Argon2Params
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, fmt.Errorf("password hash: unsupported version")
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return false, fmt.Errorf("password hash: bad parameters")
	}
	if p.Memory == 0 || p.Memory > maxArgon2Memory || p.Time == 0 || p.Time > 16 || p.Threads == 0 {
		return false, fmt.Errorf("password hash: parameters out of range")
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 || len(want) > 64 {
		return false, fmt.Errorf("password hash: bad encoding")
	}
	got := withArgonSlot(func() []byte {
		return argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	})
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}
