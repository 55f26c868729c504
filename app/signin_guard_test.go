package app

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"rollcall/model"
)

// countOutcomes runs n parallel sign-ins with a wrong password and counts wrong-password and
// too-many-attempts answers.
func countOutcomes(t *testing.T, a *App, email string, n int) (invalid, throttled int) {
	t.Helper()
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			_, err := a.SignIn(context.Background(), email, "wrong-guess1", "test")
			var te *model.ThrottledError
			mu.Lock()
			defer mu.Unlock()
			switch {
			case errors.Is(err, model.ErrInvalidCredentials):
				invalid++
			case errors.As(err, &te):
				throttled++
			default:
				t.Errorf("sign-in of %s: %v", email, err)
			}
		})
	}
	wg.Wait()
	return invalid, throttled
}

func TestParallelWrongPasswordsAreCountedOneByOne(t *testing.T) {
	f := newFixture(t)
	f.verifiedAdmin(t, "a@example.fr", "password1")
	invalid, throttled := countOutcomes(t, f.app, "a@example.fr", 24)
	if invalid != model.DefaultSignInThrottle.FreeAttempts || throttled != 24-invalid {
		t.Errorf("24 parallel wrong passwords: %d checked, %d refused unheard; want %d checked, the rest refused",
			invalid, throttled, model.DefaultSignInThrottle.FreeAttempts)
	}
	admin, _ := f.store.AdminByEmail(context.Background(), "a@example.fr")
	if admin.FailedSignIns != model.DefaultSignInThrottle.FreeAttempts {
		t.Errorf("failures recorded = %d", admin.FailedSignIns)
	}
}

func TestUnknownEmailsSayTooManyAttemptsToo(t *testing.T) {
	f := newFixture(t)
	f.verifiedAdmin(t, "a@example.fr", "password1")
	invalid, throttled := countOutcomes(t, f.app, "Nobody@Example.fr", 10)
	if invalid != 3 || throttled != 7 {
		t.Errorf("an unknown email: %d wrong-password, %d too-many-attempts answers; want 3 and 7, as a known one", invalid, throttled)
	}
	if _, err := f.app.SignIn(context.Background(), "nobody@example.fr", "x", "test"); !errors.As(err, new(*model.ThrottledError)) {
		t.Errorf("the same email in another case must be throttled too: %v", err)
	}
	if _, err := f.app.SignIn(context.Background(), "a@example.fr", "password1", "test"); err != nil {
		t.Errorf("another account is not slowed by guesses at an unknown one: %v", err)
	}
}

func TestDecoyHashCostsOneRealCheck(t *testing.T) {
	f := newFixture(t)
	decoy := f.app.decoyHash()
	if !strings.HasPrefix(decoy, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Errorf("decoy %q does not carry the live parameters", decoy)
	}
	if ok, err := verifyPassword(decoy, "anything"); ok || err != nil {
		t.Errorf("checking against the decoy = %v, %v; want a plain mismatch", ok, err)
	}
}

func TestHashesAskingForTooMuchMemoryAreRefused(t *testing.T) {
	for _, h := range []string{
		"$argon2id$v=19$m=4194304,t=1,p=2$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"$argon2id$v=19$m=1024,t=1000,p=2$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"$argon2id$v=19$m=1024,t=1,p=0$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
	} {
		if _, err := verifyPassword(h, "x"); err == nil {
			t.Errorf("verifyPassword(%q) accepted the parameters", h)
		}
	}
}
