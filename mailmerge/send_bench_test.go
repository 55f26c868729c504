package mailmerge

import (
	"context"
	"testing"
	"time"

	"rollcall/mailmerge/smtptest"
)

// BenchmarkSend10k sends 10,000 account emails (built beforehand) over one connection to the
// in-process test server on 127.0.0.1; one op is the whole batch.
func BenchmarkSend10k(b *testing.B) {
	const n = 10_000
	msgs := make([]Message, n)
	for i := range msgs {
		msgs[i] = mustMessage(b, testCard(i))
	}
	srv := smtptest.Start(b, smtptest.Options{})
	b.ReportAllocs()
	for b.Loop() {
		srv.ResetMessages()
		mailer := newTestMailer(b, srv, nil)
		start := time.Now()
		for _, m := range msgs {
			if err := mailer.Send(context.Background(), m); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "msgs/s")
		if err := mailer.Close(); err != nil {
			b.Fatal(err)
		}
		if got := len(srv.Messages()); got != n {
			b.Fatalf("%d messages received, want %d", got, n)
		}
	}
}
