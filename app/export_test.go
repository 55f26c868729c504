package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

var testLabels = ExportLabels{
	Headers: [8]string{"Nom", "Prénom", "Profil", "Identifiant", "Code", "Courriel", "Classe", "Créé"},
	Profile: func(p model.Profile) string { return p.String() },
	Date:    func(t time.Time) string { return t.Format("2006-01-02") },
}

// hostileDirectory is one school whose users' names try formula injection.
func hostileDirectory(t *testing.T, f *fixture) model.Admin {
	t.Helper()
	names := []string{"=HYPERLINK(\"http://evil\")", "+33 6 12", "-2+3", "@SUM(A1)", "\tTab", "\rReturn", "Dupont", "Éloïse"}
	s := storage.Seed{Orgs: []model.Organization{{ID: model.TempID(1), Name: "École"}},
		Classes: []model.Class{{ID: model.TempID(1), OrgID: model.TempID(1), Code: "=1+1", Name: "=1+1"}}}
	for i, n := range names {
		s.Users = append(s.Users, model.User{ID: model.TempID(i + 1), OrgID: model.TempID(1), Profile: model.Student,
			LastName: n, FirstName: "Zoé", Login: "u" + string(rune('a'+i)), ActivationCode: "ABCDEFGH",
			ClassIDs: []model.ID{model.TempID(1)}, CreatedAt: time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)})
	}
	if err := f.store.ApplySeed(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	orgs, _ := f.store.ListOrgs(context.Background())
	return model.Admin{OrgIDs: []model.ID{orgs[0].ID}}
}

func TestExportCSVNeutralisesFormulas(t *testing.T) {
	f := newFixture(t)
	admin := hostileDirectory(t, f)
	for _, format := range []ExportFormat{ExportCSV, ExportCSVSemicolon} {
		var buf bytes.Buffer
		n, err := f.app.exportUsers(context.Background(), admin, model.Selection{}, format, testLabels, &buf)
		if err != nil || n != 8 {
			t.Fatalf("export: %d, %v", n, err)
		}
		raw := buf.String()
		if !strings.HasPrefix(raw, "\ufeffNom") || !strings.Contains(raw, "\r\n") {
			t.Errorf("CSV must start with a BOM and use CRLF: %q", raw[:20])
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(raw, "\ufeff")))
		if format == ExportCSVSemicolon {
			r.Comma = ';'
		}
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		checkNeutral(t, rows)
	}
}

func checkNeutral(t *testing.T, rows [][]string) {
	t.Helper()
	if len(rows) != 9 || rows[0][1] != "Prénom" {
		t.Fatalf("rows = %q", rows)
	}
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts like a formula", cell)
			}
		}
		if row[6] != "'=1+1" || row[4] != "ABCD-EFGH" {
			t.Errorf("class %q code %q", row[6], row[4])
		}
	}
	var found bool
	for _, row := range rows[1:] {
		found = found || row[0] == "'=HYPERLINK(\"http://evil\")"
	}
	if !found {
		t.Error("the hostile name was lost instead of neutralised")
	}
}

// TestExportXLSXReadBackByOpenpyxl reads the file with a second implementation.
func TestExportXLSXReadBackByOpenpyxl(t *testing.T) {
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import openpyxl").Run(); err != nil {
		t.Skip("Debian's python3-openpyxl is not installed (.ci/run installs it)")
	}
	f := newFixture(t)
	admin := hostileDirectory(t, f)
	path := filepath.Join(t.TempDir(), "users.xlsx")
	file, _ := os.Create(path)
	if _, err := f.app.exportUsers(context.Background(), admin, model.Selection{}, ExportXLSX, testLabels, file); err != nil {
		t.Fatal(err)
	}
	file.Close()
	script := `import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = []
for row in ws.iter_rows():
    if any(c.data_type == "f" for c in row):
        sys.exit("a formula cell")
    rows.append(["" if c.value is None else str(c.value) for c in row])
print(json.dumps(rows))`
	out, err := exec.Command(python, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	var rows [][]string
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatal(err)
	}
	checkNeutral(t, rows)
}
