package importers

import (
	"context"
	"testing"
)

// BenchmarkParseENT100k parses a generated 100,000-row ENT students file (UTF-8, CRLF, two
// class columns, an email and a date per row), the size of a large district's import.
func BenchmarkParseENT100k(b *testing.B) {
	p := bigENT(b, b.TempDir(), 100_000)
	in := inputs(p)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		batch, err := Parse(context.Background(), in, Options{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(batch.Records) != 100_000 {
			b.Fatalf("%d records", len(batch.Records))
		}
	}
}
