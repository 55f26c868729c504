package main

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"rollcall/storage/postgres/pgtest"
)

// BenchmarkConcurrentSSHWrites has 40 SSH sessions add users at once, 10 each, and reports the
// latency of one `users add` as a session sees it: on PostgreSQL, 2 servers × 20 sessions on one
// database; on bbolt, which one process holds, 1 server × 40 sessions.
func BenchmarkConcurrentSSHWrites(b *testing.B) {
	for _, backend := range []string{"bolt", "postgres"} {
		b.Run(backend, func(b *testing.B) {
			c := newCLI(b)
			servers := 1
			if backend == "postgres" {
				c.db, servers = pgtest.URL(b), 2
			}
			c.signUpAndLogin("ada@example.fr", "motdepasse1")
			path, signer := newKeyFiles(b, "ada@laptop")
			c.must("", "ssh-keys", "add", path+".pub")
			org := c.orgID("École")
			var srvs []*server
			for range servers {
				srvs = append(srvs, c.serve())
			}
			const sessions, each = 40, 10
			var lat []time.Duration
			for n := 0; b.Loop(); n++ {
				var mu sync.Mutex
				var wg sync.WaitGroup
				for i := range sessions {
					wg.Go(func() {
						client := srvs[i%servers].mustDial(signer)
						for k := range each {
							start := time.Now()
							r := execSSH(b, client, "", fmt.Sprintf("users add --org %s --profile student --last-name Bench%d-%d-%d --first-name E", org, n, i, k))
							d := time.Since(start)
							if r.code != 0 {
								b.Errorf("session %d: exit %d %q", i, r.code, r.stderr)
							}
							mu.Lock()
							lat = append(lat, d)
							mu.Unlock()
						}
					})
				}
				wg.Wait()
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
