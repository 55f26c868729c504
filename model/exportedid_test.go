package model

import "testing"

// Minted ids read back as the record they name; a platform's own ids, and ids of several
// records, never do.
func TestExportedIDRoundTrip(t *testing.T) {
	if s := ExportedID(ExportedUser, 42); s != "rollcall-user-42" {
		t.Fatalf("minted %q", s)
	}
	if id, ok := ExportedIDOf(ExportedClass, ExportedID(ExportedClass, 7)); !ok || id != 7 {
		t.Fatalf("class 7 read back as %d, %v", id, ok)
	}
	for _, s := range []string{"604863", "rollcall-user-", "rollcall-user-042", "rollcall-user-0", "rollcall--4",
		"rollcall-enrollment-4-7", "Rollcall-user-4", "rollcall-user-4 ", ExportedID(ExportedClass, 3)} {
		if id, ok := ExportedIDOf(ExportedUser, s); ok {
			t.Errorf("%q read as user %d", s, id)
		}
	}
}

// FuzzParseExportedID: any text either reads as one record's minted id, which mints back to the
// same text, or is refused; nothing panics.
func FuzzParseExportedID(f *testing.F) {
	for _, s := range []string{"rollcall-user-42", "rollcall-class-7", "604863", "rollcall-enrollment-4-7", "rollcall-user-", "rollcall-x-18446744073709551615"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kind, id, ok := ParseExportedID(s)
		if ok && ExportedID(kind, id) != s {
			t.Fatalf("%q read as %s %d, minted back as %q", s, kind, id, ExportedID(kind, id))
		}
	})
}
