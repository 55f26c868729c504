package storagetest

import (
	"errors"
	"sync"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

var codeTests = []test{
	{"spend once", testCodeSpendOnce},
	{"check can refuse", testCodeCheckRefuses},
	{"concurrent spenders: exactly one wins", testCodeConcurrentSpend},
	{"revoke a subject's codes", testCodeRevoke},
}

func newCode(hash string, purpose model.CodePurpose, subject model.ID) model.OneTimeCode {
	return model.OneTimeCode{Hash: hash, Purpose: purpose, SubjectID: subject, CreatedAt: at(1),
		ExpiresAt: at(1).Add(time.Hour)}
}

func accept(model.OneTimeCode) error { return nil }

func testCodeSpendOnce(t *testing.T, s storage.Store) {
	c := newCode("h1", model.PurposeVerifyEmail, 7)
	must(t, "PutCode", s.PutCode(bg, c))
	var seen model.OneTimeCode
	got, err := s.SpendCode(bg, model.PurposeVerifyEmail, "h1", func(c model.OneTimeCode) error { seen = c; return nil })
	must(t, "SpendCode", err)
	same(t, "code seen by check", seen, c)
	if got.UsedAt.IsZero() || got.SubjectID != 7 || got.Hash != "h1" {
		t.Errorf("SpendCode returned %+v, want the code with UsedAt set", got)
	}
	_, err = s.SpendCode(bg, model.PurposeVerifyEmail, "h1", accept)
	isErr(t, "SpendCode again", err, model.ErrCodeUsed)
	_, err = s.SpendCode(bg, model.PurposeVerifyEmail, "nope", accept)
	isErr(t, "SpendCode(unknown hash)", err, storage.ErrNotFound)
	must(t, "PutCode reset", s.PutCode(bg, newCode("h2", model.PurposeResetPassword, 7)))
	_, err = s.SpendCode(bg, model.PurposeVerifyEmail, "h2", accept)
	isErr(t, "SpendCode with the wrong purpose", err, storage.ErrNotFound)
	_, err = s.SpendCode(bg, model.PurposeResetPassword, "h2", nil)
	must(t, "SpendCode with a nil check", err)
}

func testCodeCheckRefuses(t *testing.T, s storage.Store) {
	must(t, "PutCode", s.PutCode(bg, newCode("h", model.PurposeInvite, 1)))
	_, err := s.SpendCode(bg, model.PurposeInvite, "h", func(c model.OneTimeCode) error { return c.Check(at(2)) })
	isErr(t, "SpendCode refused by check (expired)", err, model.ErrCodeExpired)
	_, err = s.SpendCode(bg, model.PurposeInvite, "h", func(c model.OneTimeCode) error { return c.Check(at(1)) })
	must(t, "SpendCode after a refusal (the code stayed unused)", err)
}

func testCodeConcurrentSpend(t *testing.T, s storage.Store) {
	must(t, "PutCode", s.PutCode(bg, newCode("race", model.PurposeResetPassword, 3)))
	const spenders = 12
	var wg sync.WaitGroup
	errs := make([]error, spenders)
	start := make(chan struct{})
	for i := range spenders {
		wg.Go(func() {
			<-start
			_, errs[i] = s.SpendCode(bg, model.PurposeResetPassword, "race", accept)
		})
	}
	close(start)
	wg.Wait()
	won := 0
	for i, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, model.ErrCodeUsed):
			t.Errorf("spender %d: %v, want nil or model.ErrCodeUsed", i, err)
		}
	}
	if won != 1 {
		t.Errorf("%d of %d concurrent spenders succeeded, want exactly 1", won, spenders)
	}
}

func testCodeRevoke(t *testing.T, s storage.Store) {
	for _, c := range []model.OneTimeCode{
		newCode("a1", model.PurposeVerifyEmail, 1), newCode("a2", model.PurposeVerifyEmail, 1),
		newCode("a3", model.PurposeResetPassword, 1), newCode("b1", model.PurposeVerifyEmail, 2),
	} {
		must(t, "PutCode "+c.Hash, s.PutCode(bg, c))
	}
	must(t, "RevokeCodes(verify, 1)", s.RevokeCodes(bg, model.PurposeVerifyEmail, 1))
	for _, tc := range []struct {
		hash    string
		purpose model.CodePurpose
		want    error
	}{
		{"a1", model.PurposeVerifyEmail, model.ErrCodeUsed},
		{"a2", model.PurposeVerifyEmail, model.ErrCodeUsed},
		{"a3", model.PurposeResetPassword, nil}, // other purpose
		{"b1", model.PurposeVerifyEmail, nil},   // other subject
	} {
		_, err := s.SpendCode(bg, tc.purpose, tc.hash, accept)
		if !errors.Is(err, tc.want) {
			t.Errorf("SpendCode(%s) after revoke: %v, want %v", tc.hash, err, tc.want)
		}
	}
	must(t, "RevokeCodes with nothing to revoke", s.RevokeCodes(bg, model.PurposeInvite, 9))
}
