package aaf_test

import (
	"context"
	"testing"

	"rollcall/importers"
	"rollcall/importers/aaf/aaftest"
)

// BenchmarkParseAAF100k reads a generated feed of 100,000 persons (pupils, guardians and staff
// of 20 schools) spread over numbered files.
func BenchmarkParseAAF100k(b *testing.B) {
	dir := b.TempDir()
	if _, err := aaftest.Write(dir, aaftest.Feed{Persons: 100000}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		batch, err := importers.Parse(context.Background(), []importers.Input{{Path: dir}}, importers.Options{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(batch.Records) != 100000 {
			b.Fatalf("%d records", len(batch.Records))
		}
	}
}
