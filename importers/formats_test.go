package importers

import (
	"testing"
)

// TestRegistryIsConsistent: every registered format has one name, a parser, and exactly one
// way to be detected; sets come before one-file formats, since a folder is tried as a set first.
func TestRegistryIsConsistent(t *testing.T) {
	t.Parallel()
	seen := map[Format]bool{}
	sets := true
	for _, s := range formats {
		if s.Format == "" || seen[s.Format] {
			t.Errorf("format %q is empty or registered twice", s.Format)
		}
		seen[s.Format] = true
		if s.Parse == nil || (s.SniffSet == nil) == (s.SniffFile == nil) {
			t.Errorf("%s: needs a parser and exactly one of SniffSet and SniffFile", s.Format)
		}
		if s.Set() && !sets {
			t.Errorf("%s: a set format after one-file formats", s.Format)
		}
		sets = sets && s.Set()
	}
}

// TestSourceAndSetFollowTheRegistry: the default source and the set flag a face shows come from
// the format's declaration.
func TestSourceAndSetFollowTheRegistry(t *testing.T) {
	t.Parallel()
	tests := []struct {
		f      Format
		source string
		set    bool
	}{
		{FormatENT, "ent", false}, {FormatENTExport, "ent", false}, {FormatBE1D, "be1d", false},
		{FormatSheet, "sheet", false}, {FormatOneRoster, "oneroster", true},
		{FormatSDSv1, "sds", true}, {FormatGoogle, "google", false}, {FormatSDSv2, "sds", true}, {"nope", "nope", false},
	}
	for _, tt := range tests {
		if SourceOf(tt.f) != tt.source || IsSet(tt.f) != tt.set || KnownFormat(tt.f) == (tt.f == "nope") {
			t.Errorf("%s: source %q set %v known %v", tt.f, SourceOf(tt.f), IsSet(tt.f), KnownFormat(tt.f))
		}
	}
	ds, err := Detect([]Input{{Path: sample(t, "sds/v2.1")}})
	if err != nil || len(ds) != 1 || !ds[0].Set || ds[0].Source != "sds" {
		t.Fatalf("detect sds v2.1: %+v, %v", ds, err)
	}
}
