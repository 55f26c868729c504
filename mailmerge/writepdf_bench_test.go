package mailmerge

import (
	"context"
	"io"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

// BenchmarkWritePDF100kCards8PerSheet renders 100,000 generated cards (two thirds with a
// unique QR code) at 8 per A4 sheet to io.Discard. Besides ns/op it reports the output size
// and peak-heap-MB: the largest Go heap (runtime/metrics "/memory/classes/heap/objects:bytes",
// sampled every 20 ms during the run), which bounds what the run adds to the process RSS.
func BenchmarkWritePDF100kCards8PerSheet(b *testing.B) {
	const n = 100_000
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		runtime.GC()
		stop := samplePeakHeap(&peak)
		cw := &countingWriter{}
		if err := WritePDF(context.Background(), cw, generated(n), Layout{PerSheet: 8}, nil, nil); err != nil {
			b.Fatal(err)
		}
		stop()
		b.ReportMetric(float64(cw.n)/(1<<20), "output-MB")
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return io.Discard.Write(p)
}

// samplePeakHeap records the largest live-plus-garbage heap seen until stop is called.
func samplePeakHeap(peak *uint64) (stop func()) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	done := make(chan struct{})
	finished := make(chan struct{})
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > *peak {
			*peak = v
		}
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				read()
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() { close(done); <-finished }
}
