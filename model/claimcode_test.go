package model

import (
	"crypto/ed25519"
	"errors"
	"strings"
	"testing"
)

// testVendor is a fixed key pair, so failures are reproducible.
func testVendor(seed byte) (ed25519.PublicKey, ed25519.PrivateKey) {
	s := make([]byte, ed25519.SeedSize)
	for i := range s {
		s[i] = seed + byte(i)
	}
	priv := ed25519.NewKeyFromSeed(s)
	return priv.Public().(ed25519.PublicKey), priv
}

func trust(keys ...ed25519.PublicKey) KeyLookup {
	return func(id string) []ed25519.PublicKey {
		var out []ed25519.PublicKey
		for _, k := range keys {
			if (VendorKey{Public: k}).KeyID() == id {
				out = append(out, k)
			}
		}
		return out
	}
}

var sampleEntitlement = Entitlement{OrderNumber: "PO-2026-0042", Product: "Maths+ Collège", Seats: 120, Keys: 2,
	StartsOn: Date{2026, 9, 1}, RenewsOn: Date{2027, 9, 30}}

func problemOf(err error) ClaimProblem {
	var ce *ClaimCodeError
	if errors.As(err, &ce) {
		return ce.Problem
	}
	return 0
}

func TestClaimCodeRoundTrip(t *testing.T) {
	pub, priv := testVendor(1)
	code, err := SignEntitlement(priv, sampleEntitlement)
	if err != nil {
		t.Fatal(err)
	}
	today := Date{2026, 11, 23}
	tests := []struct{ name, typed string }{
		{"as printed", code},
		{"lower case, no dashes", strings.ToLower(strings.ReplaceAll(code, "-", ""))},
		{"spaces and line breaks", strings.ReplaceAll(code, "-", " \n")},
		{"claim URL", "https://shop.example.com/claim?order=42&code=" + code + "#top"},
		{"claim URL without dashes", "  https://shop.example.com/claim?code=" + strings.ReplaceAll(code, "-", "") + "  "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := VerifyClaimCode(tc.typed, trust(pub), today)
			if err != nil {
				t.Fatalf("VerifyClaimCode: %v", err)
			}
			want := sampleEntitlement
			want.KeyID = VendorKey{Public: pub}.KeyID()
			if e != want {
				t.Errorf("got %+v\nwant %+v", e, want)
			}
		})
	}
	t.Logf("a claim code is %d characters: %s", len(code), code)
}

func TestClaimCodeRefusals(t *testing.T) {
	pub, priv := testVendor(1)
	other, otherPriv := testVendor(77)
	code, _ := SignEntitlement(priv, sampleEntitlement)
	ended := sampleEntitlement
	ended.RenewsOn, ended.EndsOn = Date{}, Date{2026, 10, 31}
	endedCode, _ := SignEntitlement(priv, ended)
	byOther, _ := SignEntitlement(otherPriv, sampleEntitlement)

	// Altered: change the seat count in the signed bytes and re-encode with a valid checksum,
	// as a forger who knows the format would.
	raw, err := ParseClaimCode(code)
	if err != nil {
		t.Fatal(err)
	}
	raw[10]++ // the seats' varint
	altered := EncodeClaimCode(raw)
	// Forged: a valid layout naming the trusted key, signed by another.
	forgedRaw, _ := ParseClaimCode(byOther)
	id := keyID(pub)
	copy(forgedRaw[1:5], id[:])
	forged := EncodeClaimCode(forgedRaw)

	today := Date{2026, 11, 23}
	tests := []struct {
		name, code string
		keys       KeyLookup
		want       ClaimProblem
	}{
		{"altered seats", altered, trust(pub), ClaimForged},
		{"signed by another key", forged, trust(pub, other), ClaimForged},
		{"unknown vendor", byOther, trust(pub), ClaimUnknownVendor},
		{"expired", endedCode, trust(pub), ClaimExpired},
		{"one character mistyped", mistype(code, 40), trust(pub), ClaimMistyped},
		{"a character no code has", code[:12] + "U" + code[13:], trust(pub), ClaimBadCharacter},
		{"empty", "  ", trust(pub), ClaimEmpty},
		{"too short", "ABCDE-FGHJK", trust(pub), ClaimMalformed},
		{"cut short", code[:len(code)-20], trust(pub), ClaimMistyped},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := VerifyClaimCode(tc.code, tc.keys, today)
			if got := problemOf(err); got != tc.want {
				t.Fatalf("problem = %v (%v), want %v", got, err, tc.want)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("%v is not an invalid input", err)
			}
		})
	}
	_, err = VerifyClaimCode(endedCode, trust(pub), today)
	var ce *ClaimCodeError
	if !errors.As(err, &ce) || ce.Date != (Date{2026, 10, 31}) || !errors.Is(err, ErrCodeExpired) {
		t.Errorf("expired code: %v, want the end date 2026-10-31", err)
	}
	if _, err := VerifyClaimCode(endedCode, trust(pub), Date{2026, 10, 31}); err != nil {
		t.Errorf("on its last day the code is still valid: %v", err)
	}
	_, err = VerifyClaimCode(byOther, trust(pub), today)
	if !errors.As(err, &ce) || ce.KeyID != (VendorKey{Public: other}).KeyID() {
		t.Errorf("unknown vendor error %v does not name the key", err)
	}
}

// mistype replaces the i-th symbol (dashes skipped) with another valid symbol.
func mistype(code string, i int) string {
	b := []byte(code)
	n := -1
	for j := range b {
		if b[j] == '-' {
			continue
		}
		if n++; n == i {
			if b[j] == 'X' {
				b[j] = 'Y'
			} else {
				b[j] = 'X'
			}
		}
	}
	return string(b)
}

// TestChecksumCatchesEveryTypo holds the checksum to its promise on a real code: every single
// substituted symbol and every swap of two different neighbours is caught.
func TestChecksumCatchesEveryTypo(t *testing.T) {
	_, priv := testVendor(3)
	code, _ := SignEntitlement(priv, sampleEntitlement)
	syms := []byte(strings.ReplaceAll(code, "-", ""))
	for i := range syms {
		for _, c := range []byte(crockford) {
			if c == syms[i] {
				continue
			}
			typo := append([]byte(nil), syms...)
			typo[i] = c
			if _, err := ParseClaimCode(string(typo)); err == nil {
				t.Fatalf("substituting %c at %d passed the checksum", c, i)
			}
		}
		if i+1 < len(syms) && syms[i] != syms[i+1] {
			typo := append([]byte(nil), syms...)
			typo[i], typo[i+1] = typo[i+1], typo[i]
			if _, err := ParseClaimCode(string(typo)); err == nil {
				t.Fatalf("swapping %d and %d passed the checksum", i, i+1)
			}
		}
	}
}

func TestLookAlikesReadAsTheirDigits(t *testing.T) {
	_, priv := testVendor(5)
	code, _ := SignEntitlement(priv, sampleEntitlement)
	// Someone who reads 0 as O and 1 as l types the same code.
	typed := strings.NewReplacer("0", "O", "1", "l").Replace(code)
	a, err1 := ParseClaimCode(code)
	b, err2 := ParseClaimCode(typed)
	if err1 != nil || err2 != nil || string(a) != string(b) {
		t.Errorf("look-alikes: %v %v", err1, err2)
	}
}

func TestEntitlementCheck(t *testing.T) {
	_, priv := testVendor(9)
	bad := []Entitlement{
		{Product: "", Seats: 1, Keys: 1, StartsOn: Date{2026, 1, 1}, EndsOn: Date{2027, 1, 1}},
		{Product: "P", Seats: 0, Keys: 1, StartsOn: Date{2026, 1, 1}, EndsOn: Date{2027, 1, 1}},
		{Product: "P", Seats: 2, Keys: 3, StartsOn: Date{2026, 1, 1}, EndsOn: Date{2027, 1, 1}},
		{Product: "P", Seats: 1, Keys: 1, StartsOn: Date{2026, 1, 1}},
		{Product: "P", Seats: 1, Keys: 1, StartsOn: Date{2026, 1, 1}, EndsOn: Date{2025, 1, 1}},
		{Product: "P", Seats: 1, Keys: 1, StartsOn: Date{2026, 1, 1}, EndsOn: Date{2027, 1, 1}, RenewsOn: Date{2027, 1, 1}},
		{Product: strings.Repeat("x", 65), Seats: 1, Keys: 1, StartsOn: Date{2026, 1, 1}, EndsOn: Date{2027, 1, 1}},
	}
	for i, e := range bad {
		if _, err := SignEntitlement(priv, e); !errors.Is(err, ErrInvalid) {
			t.Errorf("entitlement %d signed: %v", i, err)
		}
	}
}

func TestDeriveProductKeys(t *testing.T) {
	keys := DeriveProductKeys([]byte("seed"), 10, 3)
	if len(keys) != 3 || keys[0].Seats != 4 || keys[1].Seats != 3 || keys[2].Seats != 3 {
		t.Fatalf("keys = %+v", keys)
	}
	if len(keys[0].Key) != 19 || keys[0].Key == keys[1].Key {
		t.Errorf("keys not distinct or badly shaped: %+v", keys)
	}
	again := DeriveProductKeys([]byte("seed"), 10, 3)
	if again[2] != keys[2] {
		t.Error("derivation is not deterministic")
	}
}
