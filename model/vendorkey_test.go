package model

import (
	"errors"
	"strings"
	"testing"
)

func TestVendorKeyFiles(t *testing.T) {
	pub, priv := testVendor(11)
	pubFile := FormatVendorPublicKey("Éditions  Exemple\n", pub)
	k, err := ParseVendorPublicKey(strings.NewReader(pubFile))
	if err != nil || k.Vendor != "Éditions Exemple" || !k.Public.Equal(pub) {
		t.Fatalf("public key file: %+v %v\n%s", k, err, pubFile)
	}
	privFile := FormatVendorPrivateKey("Éditions Exemple", priv)
	vendor, p2, err := ParseVendorPrivateKey(strings.NewReader(privFile))
	if err != nil || vendor != "Éditions Exemple" || !p2.Equal(priv) {
		t.Fatalf("private key file: %v", err)
	}
	if len(k.KeyID()) != 8 || len(k.Fingerprint()) != 64 || !strings.HasPrefix(k.Fingerprint(), k.KeyID()) {
		t.Errorf("ids %q %q", k.KeyID(), k.Fingerprint())
	}
	tests := []struct {
		name, file string
		want       KeyFileProblem
		line       int
	}{
		{"private key given to trust", privFile, KeyFilePrivate, 3},
		{"no key", "vendor: A\n", KeyFileMissingKey, 0},
		{"no vendor", "ed25519-public: " + strings.Split(pubFile, "ed25519-public: ")[1], KeyFileMissingVendor, 0},
		{"short key", "vendor: A\ned25519-public: AAAA\n", KeyFileBadKey, 2},
		{"garbage", "hello\n", KeyFileUnknownLine, 1},
		{"huge line", "vendor: " + strings.Repeat("x", 5000), KeyFileLineTooLong, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseVendorPublicKey(strings.NewReader(tc.file))
			var ke *VendorKeyError
			if !errors.As(err, &ke) || ke.Problem != tc.want || ke.Line != tc.line || !errors.Is(err, ErrInvalid) {
				t.Errorf("got %v, want %q on line %d", err, tc.want, tc.line)
			}
		})
	}
}

func FuzzParseVendorPublicKey(f *testing.F) {
	pub, _ := testVendor(13)
	f.Add(FormatVendorPublicKey("Acme", pub))
	f.Add("vendor: A\ned25519-private: AAAA\n")
	f.Fuzz(func(t *testing.T, s string) {
		k, err := ParseVendorPublicKey(strings.NewReader(s))
		if err != nil {
			return
		}
		if len(k.Public) != 32 || k.Vendor == "" {
			t.Fatalf("accepted %+v", k)
		}
		again, err := ParseVendorPublicKey(strings.NewReader(FormatVendorPublicKey(k.Vendor, k.Public)))
		if err != nil || !again.Public.Equal(k.Public) {
			t.Fatalf("does not round-trip: %v", err)
		}
	})
}

func FuzzParseClaimCode(f *testing.F) {
	_, priv := testVendor(1)
	code, _ := SignEntitlement(priv, sampleEntitlement)
	f.Add(code)
	f.Add("https://x.example/claim?code=" + code)
	f.Add("0000-OOOO-llll")
	f.Fuzz(func(t *testing.T, s string) {
		raw, err := ParseClaimCode(s)
		if err != nil {
			var ce *ClaimCodeError
			if !errors.As(err, &ce) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		// What parses re-encodes to a code that parses to the same bytes.
		again, err := ParseClaimCode(EncodeClaimCode(raw))
		if err != nil || string(again) != string(raw) {
			t.Fatalf("round trip of %q: %v", s, err)
		}
		_, _ = VerifyClaimCode(s, trust(), Date{2026, 1, 1})
	})
}
