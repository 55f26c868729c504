package app

import (
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"rollcall/model"
)

// The textbook platform's workbook, read by a second implementation (openpyxl): a sheet per
// template, Élèves and Enseignants, with the template's header; parents and staff left out;
// every cell a string, the hostile ones neutralised; and read back by the sheet importer, every
// user is found and nothing changes.
func TestExportEdulibReadByOpenpyxlAndReimported(t *testing.T) {
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import openpyxl").Run(); err != nil {
		t.Skip("Debian's python3-openpyxl is not installed (.ci/run installs it)")
	}
	f := newFixture(t)
	ctx := context.Background()
	admin, school := loadedDemoSchool(t, f)
	ids, _ := f.app.selectUserIDs(ctx, admin, model.Selection{OrgIDs: []model.ID{school}, Profiles: []model.Profile{model.Student}})
	u, _ := f.store.User(ctx, ids[0])
	u.LastName = "=HYPERLINK(\"http://evil\")"
	if err := f.store.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	sel := model.Selection{OrgIDs: []model.ID{school}}
	all, _ := f.app.selectUserIDs(ctx, admin, sel)
	want := map[model.Profile]int{}
	for _, id := range all {
		u, _ := f.store.User(ctx, id)
		want[u.Profile]++
	}
	path := filepath.Join(t.TempDir(), "manuels.xlsx")
	n, err := f.app.exportUsersToFileWith(ctx, admin, sel, ExportEdulib, testLabels, ExportOptions{}, path)
	if err != nil || n != want[model.Student]+want[model.Teacher] || n == len(all) {
		t.Fatalf("export: %d users (%v of %d), %v", n, want, len(all), err)
	}
	script := `import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"creator": wb.properties.creator, "sheets": {}}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        if any(c.data_type == "f" for c in row):
            sys.exit("a formula cell in " + ws.title)
        if any(c.value is not None and c.data_type != "s" for c in row):
            sys.exit("a cell that is not a string in " + ws.title)
        rows.append(["" if c.value is None else str(c.value) for c in row])
    out["sheets"][ws.title] = rows
print(json.dumps(out))`
	out, err := exec.Command(python, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	var wb struct {
		Creator string
		Sheets  map[string][][]string
	}
	if err := json.Unmarshal(out, &wb); err != nil {
		t.Fatal(err)
	}
	header := []string{"Nom", "Prénom", "Code classe", "Groupe", "Identifiant", "Email"}
	for name, count := range map[string]int{"Élèves": want[model.Student], "Enseignants": want[model.Teacher]} {
		rows := wb.Sheets[name]
		if len(rows) != count+1 || !slices.Equal(rows[0], header) {
			t.Fatalf("sheet %s: %d rows for %d users, header %q", name, len(rows), count, rows[0])
		}
	}
	if len(wb.Sheets) != 2 || wb.Creator != WorkbookCreator {
		t.Fatalf("sheets %d, creator %q", len(wb.Sheets), wb.Creator)
	}
	if !slices.ContainsFunc(wb.Sheets["Élèves"], func(r []string) bool { return r[0] == "'=HYPERLINK(\"http://evil\")" }) {
		t.Error("the hostile name was not neutralised")
	}
	coded := 0
	for _, r := range wb.Sheets["Élèves"][1:] {
		if r[2] != "" {
			coded++
		}
	}
	if coded == 0 {
		t.Error("no pupil has a class code")
	}
	u.LastName = "'" + u.LastName // what the re-import reads back is the neutralised cell
	if err := f.store.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	reimportUnchanged(t, f, admin, school, path, n, "sheet")
}
