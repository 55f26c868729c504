package model

import (
	"net/url"
	"strings"
)

// crockford is Douglas Crockford's base32 alphabet: digits and upper-case letters without I, L,
// O and U, so a code read aloud or copied from paper survives.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// claimChecksumLen is the number of check symbols at the end of a claim code.
const claimChecksumLen = 6

// claimGroup is how many symbols a printed claim code groups between dashes.
const claimGroup = 5

// maxClaimSymbols bounds what ParseClaimCode reads, so a pasted novel costs nothing.
const maxClaimSymbols = 400

// crockfordValue decodes one typed character: case is ignored, O reads as 0, I and L as 1.
func crockfordValue(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'z':
		c -= 'a' - 'A'
	}
	switch c {
	case 'O':
		return 0, true
	case 'I', 'L':
		return 1, true
	}
	if i := strings.IndexByte(crockford, c); i >= 10 {
		return byte(i), true
	}
	return 0, false
}

// EncodeClaimCode writes bytes as a claim code: Crockford base32, six check symbols, grouped
// by five with dashes ("7Z0QK-3M…").
func EncodeClaimCode(data []byte) string {
	syms := toSymbols(data)
	syms = append(syms, claimChecksum(syms)...)
	var b strings.Builder
	for i, v := range syms {
		if i > 0 && i%claimGroup == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(crockford[v])
	}
	return b.String()
}

// ParseClaimCode reads a claim code as an admin may give it: any case, with or without dashes
// and spaces, or the whole claim URL from the order's email (https://…/claim?code=…). It checks
// every character and the checksum, and returns the bytes the code carries. Errors are
// *ClaimCodeError naming the problem (and the position of a bad character, counted from 1
// among the code's symbols).
func ParseClaimCode(s string) ([]byte, error) {
	s = claimCodeFromURL(strings.TrimSpace(s))
	syms := make([]byte, 0, min(len(s), maxClaimSymbols))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ', '-', '\t', '\r', '\n', '.':
			continue
		}
		v, ok := crockfordValue(c)
		if !ok {
			return nil, &ClaimCodeError{Problem: ClaimBadCharacter, Position: len(syms) + 1, Char: badRune(s[i:])}
		}
		if len(syms) == maxClaimSymbols {
			return nil, &ClaimCodeError{Problem: ClaimMalformed}
		}
		syms = append(syms, v)
	}
	if len(syms) == 0 {
		return nil, &ClaimCodeError{Problem: ClaimEmpty}
	}
	if len(syms) <= claimChecksumLen+8 {
		return nil, &ClaimCodeError{Problem: ClaimMalformed}
	}
	body, check := syms[:len(syms)-claimChecksumLen], syms[len(syms)-claimChecksumLen:]
	if string(claimChecksum(body)) != string(check) {
		return nil, &ClaimCodeError{Problem: ClaimMistyped}
	}
	data, ok := fromSymbols(body)
	if !ok {
		return nil, &ClaimCodeError{Problem: ClaimMalformed}
	}
	return data, nil
}

// claimCodeFromURL returns the code parameter of a claim URL, or s when s is not a URL.
func claimCodeFromURL(s string) string {
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") && !strings.Contains(lower, "code=") {
		return s
	}
	q := s
	if i := strings.IndexByte(s, '?'); i >= 0 {
		q = s[i+1:]
	}
	if i := strings.IndexByte(q, '#'); i >= 0 {
		q = q[:i]
	}
	vals, err := url.ParseQuery(q)
	if err != nil {
		return s
	}
	for k, v := range vals {
		if strings.EqualFold(k, "code") && len(v) > 0 {
			return v[0]
		}
	}
	return s
}

// badRune is the character at the start of s, for a message ("é" rather than half of it).
func badRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

// toSymbols splits bytes into 5-bit values, most significant first; the last one is padded
// with zero bits.
func toSymbols(data []byte) []byte {
	out := make([]byte, 0, (len(data)*8+4)/5+claimChecksumLen)
	var acc uint32
	bits := 0
	for _, b := range data {
		acc = acc<<8 | uint32(b)
		bits += 8
		for bits >= 5 {
			bits -= 5
			out = append(out, byte(acc>>bits)&31)
		}
	}
	if bits > 0 {
		out = append(out, byte(acc<<(5-bits))&31)
	}
	return out
}

// fromSymbols is the inverse of toSymbols; it refuses padding that is not zero or is a whole
// symbol too long, so every byte string has exactly one code.
func fromSymbols(syms []byte) ([]byte, bool) {
	out := make([]byte, 0, len(syms)*5/8)
	var acc uint32
	bits := 0
	for _, v := range syms {
		acc = acc<<5 | uint32(v)
		bits += 5
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
		}
	}
	if bits >= 5 || acc&(1<<bits-1) != 0 {
		return nil, false
	}
	return out, true
}

// claimChecksum is the 30-bit BCH checksum of bech32m (BIP 350) over the 5-bit symbols, with
// "rollcall" mixed in so a code of another system does not pass. It catches every single
// mistyped symbol and every swap of two neighbours (a test holds it to that), and misses a
// random typo about once in a billion.
func claimChecksum(syms []byte) []byte {
	values := make([]byte, 0, len(claimDomain)+len(syms)+claimChecksumLen)
	values = append(values, claimDomain...)
	values = append(values, syms...)
	values = append(values, make([]byte, claimChecksumLen)...)
	mod := polymod(values) ^ bech32mConst
	out := make([]byte, claimChecksumLen)
	for i := range out {
		out[i] = byte(mod>>(5*(claimChecksumLen-1-i))) & 31
	}
	return out
}

// claimDomain is "rollcall" expanded as bech32 expands its human-readable part.
var claimDomain = func() []byte {
	const hrp = "rollcall"
	out := make([]byte, 0, 2*len(hrp)+1)
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]>>5)
	}
	out = append(out, 0)
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]&31)
	}
	return out
}()

const bech32mConst = 0x2bc830a3

func polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := range gen {
			if (top>>i)&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}
