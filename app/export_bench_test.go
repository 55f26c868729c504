package app

import (
	"context"
	"io"
	"testing"
	"time"

	"rollcall/model"
)

// BenchmarkExport100k writes 100,000 imported students in each format of the registry.
func BenchmarkExport100k(b *testing.B) {
	a, admin := benchApp(b, "bolt")
	path := writeENT(b, b.TempDir(), 100_000, 0)
	if _, err := a.importFiles(context.Background(), admin, inputs(path), ImportOptions{}, nil); err != nil {
		b.Fatal(err)
	}
	labels := ExportLabels{Profile: model.Profile.String, Date: func(t time.Time) string { return t.Format(time.DateOnly) }}
	for _, f := range ExportFormats() {
		b.Run(f.Name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuSeconds()
			for b.Loop() {
				n, err := a.exportUsers(context.Background(), admin, model.Selection{}, f.Format, labels, io.Discard)
				if err != nil || n != 100_000 {
					b.Fatalf("exported %d: %v", n, err)
				}
			}
			b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op") // wall time lies on a loaded machine
		})
	}
}
