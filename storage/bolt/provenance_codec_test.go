package bolt

import (
	"reflect"
	"testing"

	"rollcall/model"
)

func TestProvenanceCodecGroupsByOrigin(t *testing.T) {
	a := model.Origin{Run: 3, File: "eleves.csv", Line: 12}
	b := model.Origin{Run: 4, File: "parents.csv", Line: 2}
	p := model.Provenance{model.FieldLastName: a, model.FieldFirstName: a, model.FieldEmail: b, model.FieldClasses: a}
	raw, err := encodeProvenance(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"f":19,"r":3,"file":"eleves.csv","l":12},{"f":4,"r":4,"file":"parents.csv","l":2}]`
	if string(raw) != want {
		t.Errorf("encoding = %s, want one entry per origin: %s", raw, want)
	}
	back, err := decodeProvenance(raw)
	if err != nil || !reflect.DeepEqual(back, p) {
		t.Errorf("round trip = %v, %v; want %v", back, err, p)
	}
	if _, err := decodeProvenance([]byte("{not json")); err == nil {
		t.Error("garbage decoded without error")
	}
}

// A new user's provenance, written without the map, is byte for byte what the general encoder
// writes, whatever the file name holds.
func TestOneOriginEncodesAsTheMap(t *testing.T) {
	fields := model.FieldSet(0).With(model.FieldLastName).With(model.FieldFirstName).With(model.FieldClasses)
	for _, file := range []string{"eleves.csv", "", `a"b\c.csv`, "Élèves <2026> & co.csv", "tab\there", "\u2028line.csv", "bad\xffutf8.csv"} {
		for _, o := range []model.Origin{{Run: 7, File: file, Line: 12}, {File: file}, {Run: 1 << 40, File: file, Line: -1}} {
			p := model.Provenance{}
			for bit := model.Field(1); bit != 0; bit <<= 1 {
				if fields.Has(bit) {
					p[bit] = o
				}
			}
			want, err := encodeProvenance(p)
			if err != nil {
				t.Fatal(err)
			}
			if got := appendOneOrigin([]byte("junk"), fields, o); string(got) != "junk"+string(want) {
				t.Errorf("%+v: %s, want %s", o, got[4:], want)
			}
		}
	}
}
