package i18n

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"rollcall/dirsync"
	"rollcall/model"
)

func TestLicensingErrorsInBothLanguages(t *testing.T) {
	en, fr := For(model.English), For(model.French)
	at := time.Date(2026, 9, 30, 12, 0, 0, 0, time.Local)
	tests := []struct {
		err    error
		en, fr string
	}{
		{&model.ClaimCodeError{Problem: model.ClaimForged}, "altered or forged", "modifié ou contrefait"},
		{fmt.Errorf("claim: %w", &model.ClaimCodeError{Problem: model.ClaimExpired, Date: model.Date{Year: 2026, Month: 8, Day: 31}}),
			"ended on 31 Aug 2026", "pris fin le 31 août 2026"},
		{&model.ClaimCodeError{Problem: model.ClaimUnknownVendor, KeyID: "0a1b2c3d"}, "(key 0a1b2c3d)", "(clé 0a1b2c3d)"},
		{&model.ClaimCodeError{Problem: model.ClaimBadCharacter, Char: "U", Position: 12}, `"U" (the 12-th`, `"U" (le 12-e`},
		{&model.AlreadyClaimedError{At: at, OrgName: "Collège Jean Moulin"}, "already claimed on 30 Sep 2026 12:00 by Collège Jean Moulin",
			"Déjà réclamé le 30 sept. 2026 12:00 par Collège Jean Moulin"},
		{&model.SeatLimitError{Requested: 3, Free: 1}, "3 seats asked for but only 1 seat free", "Demandées : 3 licences ; libres : 1 licence."},
		{&model.SubscriptionEndedError{EndedOn: model.Date{Year: 2026, Month: 8, Day: 31}}, "ended on 31 Aug 2026: renew it",
			"a pris fin le 31 août 2026 : renouvelez-le"},
		{&model.EmailFileError{File: "profs.csv", Lines: []model.EmailLineError{{Line: 2, Value: "a b@x.fr", Problem: model.EmailLineSpace}}},
			"profs.csv has 1 row; nothing was added:\n  line 2: has a space (\"a b@x.fr\")", "ligne 2 : contient une espace"},
		{&model.VendorKeyError{Line: 3, Problem: model.KeyFilePrivate}, "line 3: this is a PRIVATE key", "ligne 3 : c'est une clé PRIVÉE"},
		{fmt.Errorf("x: %w", &dirsync.Error{Service: dirsync.Microsoft, Err: dirsync.ErrUnauthorized}),
			"Microsoft 365 refused the credentials", "Microsoft 365 a refusé les identifiants"},
		{&dirsync.APIError{Service: dirsync.Google, Status: 404}, "Google Workspace has no such group", "Google Workspace n'a pas ce groupe"},
	}
	for _, tc := range tests {
		if got := en.Error(tc.err); !strings.Contains(got, tc.en) {
			t.Errorf("English %v:\n got  %s\n want %s", tc.err, got, tc.en)
		}
		if got := fr.Error(tc.err); !strings.Contains(got, tc.fr) {
			t.Errorf("French %v:\n got  %s\n want %s", tc.err, got, tc.fr)
		}
	}
}

// TestProductKeysAgreeWithTheirSeats: a key with one seat says "1 licence", not "1 licences".
func TestProductKeysAgreeWithTheirSeats(t *testing.T) {
	keys := []model.ProductKey{{Key: "K1", Seats: 1}, {Key: "K2", Seats: 30}}
	if got, want := For(model.French).ProductKeys(keys, 5), "K1 (1 licence), K2 (30 licences)"; got != want {
		t.Errorf("French: %q, want %q", got, want)
	}
	if got, want := For(model.English).ProductKeys(keys, 5), "K1 (1 seat), K2 (30 seats)"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
}
