package web

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"rollcall/app"
	"rollcall/model"
)

// 200 people signing in at once from 200 addresses (behind a trusted proxy), each costing an
// argon2 check: the process's argon2 bound keeps the heap near a few checks' memory, where
// 200 checks at once would take 200 × 8 MiB = 1.6 GB.
func TestBurstOfSignInsStaysUnderAMemoryBound(t *testing.T) {
	argon := app.Argon2Params{Memory: 8 * 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	s := newSite(t, Config{TrustProxy: true}, argon)
	runtime.GC()
	base := heapBytes()
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			if h := heapBytes(); h > peak.Load() {
				peak.Store(h)
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	b := s.browser()
	token := b.csrf("/login")
	var wg sync.WaitGroup
	var refused atomic.Int32
	for i := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodPost, s.srv.URL+"/login",
				strings.NewReader(form("csrf", token, "login", fmt.Sprintf("eleve.%03d", i), "password", "mauvais1").Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("X-Forwarded-For", fmt.Sprintf("198.51.100.%d", i%250))
			for _, c := range b.c.Jar.Cookies(req.URL) {
				req.AddCookie(c)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			if resp.StatusCode == http.StatusUnauthorized {
				refused.Add(1)
			}
		}()
	}
	wg.Wait()
	close(stop)
	<-sampled
	if refused.Load() != 200 {
		t.Errorf("%d of 200 wrong sign-ins answered 401", refused.Load())
	}
	grew := int64(peak.Load()) - int64(base)
	// The checks running at once (one per core, at most four), four times over for the garbage
	// the collector has not taken yet, plus 64 MiB for 200 requests and everything else: on two
	// cores 128 MiB, where unbounded checks would take 1.6 GB.
	slots := int64(min(runtime.GOMAXPROCS(0), 4))
	bound := (4*slots*8 + 64) << 20
	t.Logf("heap grew by %d MiB at most during 200 parallel sign-ins", grew>>20)
	if grew > bound {
		t.Errorf("heap grew by %d MiB, want under %d MiB", grew>>20, bound>>20)
	}
	if _, err := s.app.PersonSignIn(context.Background(), "eleve.001", "x", "192.0.2.1"); err != model.ErrInvalidCredentials {
		t.Errorf("after the burst: %v", err)
	}
}

func heapBytes() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}
