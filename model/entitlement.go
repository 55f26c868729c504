package model

import (
	"crypto/ed25519"
	"encoding/binary"
	"strconv"
	"time"
	"unicode/utf8"
)

// Entitlement is what a vendor sold: the content of a claim code, signed by the vendor's
// Ed25519 key so Rollcall can check it offline.
type Entitlement struct {
	KeyID       string // the signing key's short id (KeyID of its public key)
	OrderNumber string
	Product     string
	Seats       int
	Keys        int // how many product keys the seats are split into (at least 1)
	StartsOn    Date
	RenewsOn    Date // set when the subscription renews on this date…
	EndsOn      Date // …or when it ends on this one (exactly one of the two is set)
	// Renewal marks a renewal code: it renews the subscription of OrderNumber (which it must
	// name) with the new date above, adding Seats seats (0: none) split into Keys new keys.
	Renewal bool
}

// Limits of an entitlement, so a code stays short enough to type.
const (
	MaxProductLen = 64 // bytes of UTF-8
	MaxOrderLen   = 32
	MaxSeats      = 1_000_000
	MaxKeys       = 100
)

// entitlementVersion is the layout of the signed bytes; a newer one is refused, not guessed.
const entitlementVersion = 1

// signingContext prefixes the signed bytes so a signature of Rollcall codes means nothing
// elsewhere, and the reverse.
const signingContext = "rollcall/claim-code/v1\x00"

// epoch is day 0 of the dates in a code; 16 bits of days reach the year 2179.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Check reports what is wrong with an entitlement a vendor is about to sign, as validation
// errors naming the flag-like fields "order", "product", "seats", "keys", "term".
func (e *Entitlement) Check() error {
	var errs ValidationErrors
	bad := func(field string, rule Rule, v string) {
		errs = append(errs, &ValidationError{Field: field, Rule: rule, Value: v})
	}
	switch {
	case e.Product == "":
		bad("product", RuleRequired, "")
	case len(e.Product) > MaxProductLen || !utf8.ValidString(e.Product):
		bad("product", RuleTooLong, e.Product)
	}
	if len(e.OrderNumber) > MaxOrderLen || !utf8.ValidString(e.OrderNumber) {
		bad("order", RuleTooLong, e.OrderNumber)
	}
	least := 1
	if e.Renewal { // a renewal may add no seat, and then no key
		least = 0
		if e.OrderNumber == "" {
			bad("order", RuleRequired, "")
		}
	}
	if e.Seats < least || e.Seats > MaxSeats {
		bad("seats", RuleUnknownValue, strconv.Itoa(e.Seats))
	}
	if e.Keys < min(least, e.Seats) || e.Keys > MaxKeys || e.Keys > max(e.Seats, 1) || (e.Seats > 0 && e.Keys < 1) {
		bad("keys", RuleUnknownValue, strconv.Itoa(e.Keys))
	}
	if !codeDate(e.StartsOn) || (e.RenewsOn.IsZero() == e.EndsOn.IsZero()) {
		bad("term", RuleDate, e.StartsOn.String())
	} else if end := e.End(); !codeDate(end) || end.Before(e.StartsOn) {
		bad("term", RuleDate, end.String())
	}
	return errs.Err()
}

// End is the renewal or end date, whichever the entitlement has.
func (e *Entitlement) End() Date {
	if !e.RenewsOn.IsZero() {
		return e.RenewsOn
	}
	return e.EndsOn
}

func codeDate(d Date) bool {
	if _, ok := NewDate(d.Year, int(d.Month), d.Day); !ok {
		return false
	}
	days := d.Time().Sub(epoch).Hours() / 24
	return days >= 0 && days < 1<<16
}

func dayNumber(d Date) uint16 { return uint16(d.Time().Sub(epoch).Hours() / 24) }

func dateOfDay(n uint16) Date { return DateOf(epoch.AddDate(0, 0, int(n))) }

// marshal is the signed part of a code: version, key id, dates, counts, then the texts.
func (e *Entitlement) marshal(keyID [4]byte) []byte {
	b := make([]byte, 0, 16+len(e.Product)+len(e.OrderNumber))
	b = append(b, entitlementVersion)
	b = append(b, keyID[:]...)
	b = binary.BigEndian.AppendUint16(b, dayNumber(e.StartsOn))
	kind := byte(0)
	if e.RenewsOn.IsZero() {
		kind = 1
	}
	if e.Renewal {
		kind += 2
	}
	b = append(b, kind)
	b = binary.BigEndian.AppendUint16(b, dayNumber(e.End()))
	b = binary.AppendUvarint(b, uint64(e.Seats))
	b = append(b, byte(e.Keys))
	b = append(b, byte(len(e.Product)))
	b = append(b, e.Product...)
	b = append(b, byte(len(e.OrderNumber)))
	return append(b, e.OrderNumber...)
}

// unmarshalEntitlement reads marshal's layout; ok is false for anything else.
func unmarshalEntitlement(b []byte) (e Entitlement, keyID [4]byte, ok bool) {
	if len(b) < 11 {
		return e, keyID, false
	}
	copy(keyID[:], b[1:5])
	e.KeyID = keyIDString(keyID)
	e.StartsOn = dateOfDay(binary.BigEndian.Uint16(b[5:7]))
	end := dateOfDay(binary.BigEndian.Uint16(b[8:10]))
	switch b[7] {
	case 0, 2:
		e.RenewsOn = end
	case 1, 3:
		e.EndsOn = end
	default:
		return e, keyID, false
	}
	e.Renewal = b[7] >= 2
	seats, n := binary.Uvarint(b[10:])
	if n <= 0 || seats > MaxSeats {
		return e, keyID, false
	}
	e.Seats, b = int(seats), b[10+n:]
	if len(b) < 1 {
		return e, keyID, false
	}
	e.Keys, b = int(b[0]), b[1:]
	var texts [2]string
	for i := range texts {
		if len(b) < 1 || len(b) < 1+int(b[0]) {
			return e, keyID, false
		}
		texts[i], b = string(b[1:1+int(b[0])]), b[1+int(b[0]):]
	}
	e.Product, e.OrderNumber = texts[0], texts[1]
	return e, keyID, len(b) == 0 && e.Check() == nil
}

// SignEntitlement makes the claim code of an entitlement with a vendor's private key.
func SignEntitlement(priv ed25519.PrivateKey, e Entitlement) (string, error) {
	if err := e.Check(); err != nil {
		return "", err
	}
	id := keyID(priv.Public().(ed25519.PublicKey))
	payload := e.marshal(id)
	sig := ed25519.Sign(priv, append([]byte(signingContext), payload...))
	return EncodeClaimCode(append(payload, sig...)), nil
}

// KeyLookup returns the trusted public keys whose short id is id (usually none or one).
type KeyLookup func(id string) []ed25519.PublicKey

// VerifyClaimCode reads a claim code (or claim URL) and checks it: characters and checksum,
// layout, a trusted vendor key, the signature, and that the entitlement has not ended at today.
// It returns the entitlement or a *ClaimCodeError.
func VerifyClaimCode(code string, trusted KeyLookup, today Date) (Entitlement, error) {
	raw, err := ParseClaimCode(code)
	if err != nil {
		return Entitlement{}, err
	}
	if len(raw) < 1+ed25519.SignatureSize {
		return Entitlement{}, &ClaimCodeError{Problem: ClaimMalformed}
	}
	if raw[0] != entitlementVersion {
		return Entitlement{}, &ClaimCodeError{Problem: ClaimVersion}
	}
	payload, sig := raw[:len(raw)-ed25519.SignatureSize], raw[len(raw)-ed25519.SignatureSize:]
	if len(payload) < 5 {
		return Entitlement{}, &ClaimCodeError{Problem: ClaimMalformed}
	}
	var id [4]byte
	copy(id[:], payload[1:5])
	keys := trusted(keyIDString(id))
	if len(keys) == 0 {
		return Entitlement{}, &ClaimCodeError{Problem: ClaimUnknownVendor, KeyID: keyIDString(id)}
	}
	msg := append([]byte(signingContext), payload...)
	signed := false
	for _, k := range keys {
		if len(k) == ed25519.PublicKeySize && ed25519.Verify(k, msg, sig) {
			signed = true
			break
		}
	}
	if !signed {
		return Entitlement{}, &ClaimCodeError{Problem: ClaimForged}
	}
	e, _, ok := unmarshalEntitlement(payload)
	if !ok {
		return Entitlement{}, &ClaimCodeError{Problem: ClaimMalformed}
	}
	if end := e.End(); end.Before(today) {
		return e, &ClaimCodeError{Problem: ClaimExpired, Date: end}
	}
	return e, nil
}
