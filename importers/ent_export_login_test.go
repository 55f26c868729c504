package importers

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// An ENT export keyed by login (Rollcall's own, users export --format ent-export): read as the
// ENT export, its users found by login (FromRollcall), a Classe column per class; the same
// header with a column the ENT export does not have is not taken for one, and a login twice is
// a located duplicate.
func TestENTExportByLogin(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	b := mustParse(t, Options{}, write("ent.csv",
		"Nom;Prénom;Profil;Identifiant;Classe;Classe;Groupe;Code d'activation;UAI\r\n"+
			"COLIN;Léa;Élève;lea.colin;CP;CE1;G1;ABCD-EFGH;0691234A\r\nSIMANI;Ana;Enseignant;ana.simani;CP;;;;0691234A\r\n"))
	if b.Format != FormatENTExport || !b.FromRollcall || len(b.Records) != 2 {
		t.Fatalf("format %s, from Rollcall %v, %d records", b.Format, b.FromRollcall, len(b.Records))
	}
	if r := b.Records[0]; r.Login != "lea.colin" || r.ExternalID != "" || !reflect.DeepEqual(r.Classes, []string{"CP", "CE1"}) ||
		!reflect.DeepEqual(r.Groups, []string{"G1"}) {
		t.Errorf("record %+v", r)
	}

	det, err := Detect([]Input{{Path: write("other.csv", "Nom;Prénom;Profil;Identifiant;Classe;Téléphone du domicile\r\nCOLIN;Léa;Élève;lea.colin;CP;0102030405\r\n")}})
	if err != nil || len(det) != 1 || det[0].Format == FormatENTExport {
		t.Errorf("a file with a column the ENT export lacks: %+v, %v", det, err)
	}

	_, err = Parse(t.Context(), []Input{{Path: write("dup.csv", "Nom;Prénom;Profil;Identifiant\r\nA;B;Élève;x.y\r\nC;D;Élève;X.Y\r\n")}}, Options{}, nil)
	var errs *Errors
	if !errors.As(err, &errs) || len(errs.List) != 1 || errs.List[0].Line != 3 {
		t.Errorf("a login twice: %v", err)
	}
}
