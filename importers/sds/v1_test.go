package sds

import (
	"testing"

	"rollcall/importers/roster"
)

func TestSniffV1NeedsSISID(t *testing.T) {
	t.Parallel()
	ent := []*roster.File{{Name: "x/Student.csv", Raw: []byte("externalID;First name*;Last name*;Birthdate*\n")}}
	if fit := SniffV1(ent); fit.OK {
		t.Errorf("an ENT file named Student.csv taken for SDS: %+v", fit)
	}
	sds := []*roster.File{{Name: "x/Student.csv", Raw: []byte("SIS ID,School SIS ID,First Name\n")}}
	if fit := SniffV1(sds); !fit.OK || fit.Matched != 1 {
		t.Errorf("SDS Student.csv not recognised: %+v", fit)
	}
}
