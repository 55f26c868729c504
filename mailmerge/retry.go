package mailmerge

import (
	"context"
	"time"
)

// Retry calls fn up to attempts times while it fails with a temporary error (IsTemporary),
// sleeping backoff(n) before attempt n+1 (n from 1). It returns nil on success, a permanent
// error at once, the last error when attempts run out, or ctx.Err() if ctx ends first.
// backoff is deterministic so tests need no real waiting; ExponentialBackoff is the usual
// choice.
func Retry(ctx context.Context, attempts int, backoff func(attempt int) time.Duration, fn func() error) error {
	var err error
	for n := 1; n <= max(attempts, 1); n++ {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err = fn(); err == nil || !IsTemporary(err) || n == attempts {
			return err
		}
		if d := backoff(n); d > 0 {
			t := time.NewTimer(d)
			select {
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			case <-t.C:
			}
		}
	}
	return err
}

// ExponentialBackoff waits base, 2×base, 4×base, ... never more than max; no jitter, so
// runs are reproducible.
func ExponentialBackoff(base, max time.Duration) func(attempt int) time.Duration {
	return func(attempt int) time.Duration {
		d := base
		for i := 1; i < attempt && d < max; i++ {
			d *= 2
		}
		return min(d, max)
	}
}
