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
