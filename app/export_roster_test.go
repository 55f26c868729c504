package app

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"rollcall/i18n"
	"rollcall/importers"
	"rollcall/model"
)

// The headers of the files, written from the specifications (1EdTech OneRoster 1.1 and 1.2 CSV
// binding, Microsoft's SDS v2.1 CSV file format and its published sample set), not from the
// exporter.
var (
	or11Users    = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password"
	or12Users    = "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns"
	orSharedHead = map[string]string{
		"manifest.csv":         "propertyName,value",
		"orgs.csv":             "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
		"academicSessions.csv": "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
		"courses.csv":          "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes",
		"classes.csv":          "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
		"enrollments.csv":      "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
		"demographics.csv":     "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus",
	}
	or12Roles = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId"
	// SDS v2.1: the required columns of each file, and the optional ones the export may write.
	sdsHead = map[string]struct{ required, optional []string }{
		"orgs.csv":          {[]string{"sourcedId", "name", "type"}, []string{"parentSourcedId"}},
		"users.csv":         {[]string{"sourcedId", "username"}, []string{"givenName", "familyName", "password", "activeDirectoryMatchId", "email", "phone", "sms"}},
		"roles.csv":         {[]string{"userSourcedId", "orgSourcedId", "role"}, []string{"sessionSourcedIds", "grade", "isPrimary", "roleStartDate", "roleEndDate"}},
		"classes.csv":       {[]string{"sourcedId", "orgSourcedId", "title"}, []string{"sessionSourcedIds", "courseSourcedId", "code"}},
		"enrollments.csv":   {[]string{"classSourcedId", "userSourcedId", "role"}, nil},
		"relationships.csv": {[]string{"userSourcedId", "relationshipUserSourcedId", "relationshipRole"}, nil},
	}
)

// unzipSet reads every CSV file of an exported zip.
func unzipSet(t *testing.T, raw []byte) map[string][][]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][][]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.HasPrefix(body, []byte("\ufeff")) || !bytes.Contains(body, []byte("\r\n")) {
			t.Errorf("%s: a BOM, or not RFC 4180 line ends", f.Name)
		}
		rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		files[f.Name] = rows
	}
	return files
}

// checkOneRosterHeaders holds each file to the version's header, and the manifest to the files
// the zip holds.
func checkOneRosterHeaders(t *testing.T, version string, files map[string][][]string) {
	t.Helper()
	want := map[string]string{}
	for k, v := range orSharedHead {
		want[k] = v
	}
	want["users.csv"] = or11Users
	if version == "1.2" {
		want["users.csv"], want["roles.csv"] = or12Users, or12Roles
	}
	for name, rows := range files {
		if got := strings.Join(rows[0], ","); got != want[name] {
			t.Errorf("%s %s header:\n got %s\nwant %s", version, name, got, want[name])
		}
	}
	manifest := map[string]string{}
	for _, r := range files["manifest.csv"][1:] {
		manifest[r[0]] = r[1]
	}
	if manifest["oneroster.version"] != version || manifest["manifest.version"] != "1.0" {
		t.Errorf("manifest %v", manifest)
	}
	for prop, mode := range manifest {
		name, isFile := strings.CutPrefix(prop, "file.")
		_, there := files[name+".csv"]
		if isFile && (mode == "bulk") != there || isFile && mode != "bulk" && mode != "absent" {
			t.Errorf("manifest says %s=%s; in the zip: %v", prop, mode, there)
		}
	}
	for name := range files {
		if name != "manifest.csv" && manifest["file."+strings.TrimSuffix(name, ".csv")] != "bulk" {
			t.Errorf("%s is in the zip, not bulk in the manifest", name)
		}
	}
}

func checkSDSHeaders(t *testing.T, files map[string][][]string) {
	t.Helper()
	for name, rows := range files {
		spec, ok := sdsHead[name]
		if !ok {
			t.Errorf("%s is no SDS v2.1 file", name)
			continue
		}
		for _, col := range spec.required {
			if !slices.Contains(rows[0], col) {
				t.Errorf("%s lacks required column %s: %v", name, col, rows[0])
			}
		}
		for _, col := range rows[0] {
			if !slices.Contains(spec.required, col) && !slices.Contains(spec.optional, col) {
				t.Errorf("%s: column %q is not in SDS v2.1", name, col)
			}
		}
	}
	for _, name := range []string{"orgs.csv", "users.csv", "roles.csv"} {
		if files[name] == nil {
			t.Errorf("required file %s missing", name)
		}
	}
}

// column returns a file's column by name, one value per row.
func column(rows [][]string, name string) []string {
	i := slices.Index(rows[0], name)
	var out []string
	for _, r := range rows[1:] {
		out = append(out, r[i])
	}
	return out
}

// The roster sets of the demo school: headers as the specifications write them, parents and
// children linked both ways, ids the same from one export to the next, and the zip re-imports
// into Rollcall to no change.
func TestRosterExportsReimportToNoChange(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin, school := loadedDemoSchool(t, f)
	sel := model.Selection{OrgIDs: []model.ID{school}}
	labels := catalogLabels(i18n.For(model.French))
	for _, format := range []ExportFormat{ExportOneRoster11, ExportOneRoster12, ExportSDS21} {
		name := format.Info().Name
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "set.zip")
			n, err := f.app.exportUsersToFile(ctx, admin, sel, format, labels, path)
			if err != nil || n == 0 {
				t.Fatalf("export: %d users, %v", n, err)
			}
			raw, _ := os.ReadFile(path)
			files := unzipSet(t, raw)
			var again bytes.Buffer
			if _, err := f.app.exportUsers(ctx, admin, sel, format, labels, &again); err != nil {
				t.Fatal(err)
			}
			for file, rows := range unzipSet(t, again.Bytes()) {
				if !slices.EqualFunc(rows, files[file], slices.Equal) {
					t.Errorf("%s differs from one export to the next", file)
				}
			}
			if strings.HasPrefix(name, "oneroster") {
				checkOneRosterHeaders(t, strings.TrimPrefix(name, "oneroster-"), files)
				checkAgents(t, files["users.csv"])
			} else {
				checkSDSHeaders(t, files)
				if len(files["relationships.csv"]) < 2 {
					t.Error("no parent linked to a child")
				}
			}
			if got := len(files["users.csv"]) - 1; got != n {
				t.Errorf("users.csv has %d rows for %d users", got, n)
			}
			reimportsToNoChange(t, f, admin, school, path, n)

			// One class: read user by user rather than in one walk of the store.
			class := model.Selection{ClassIDs: []model.ID{classOf(t, files)}}
			n, err = f.app.exportUsersToFile(ctx, admin, class, format, labels, path)
			if err != nil || n == 0 || n > 100 {
				t.Fatalf("export of a class: %d users, %v", n, err)
			}
			reimportsToNoChange(t, f, admin, school, path, n)
		})
	}
}

func reimportsToNoChange(t *testing.T, f *fixture, admin model.Admin, school model.ID, path string, n int) {
	t.Helper()
	rep, err := f.app.importFiles(context.Background(), admin, inputs(path), ImportOptions{OrgID: school, DryRun: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := rep.Counts
	if c.Created != 0 || c.Updated != 0 || c.PendingDeletion != 0 || c.ClassesCreated != 0 || c.OrgsCreated != 0 || c.Unchanged != n {
		t.Fatalf("re-import of %d exported users: %+v; first changes: %+v", n, c, rep.Changes[:min(3, len(rep.Changes))])
	}
}

// classOf is the Rollcall class the set's first class names.
func classOf(t *testing.T, files map[string][][]string) model.ID {
	t.Helper()
	id, ok := model.ExportedIDOf(model.ExportedClass, column(files["classes.csv"], "sourcedId")[0])
	if !ok {
		t.Fatal("the demo's classes have no id Rollcall minted")
	}
	return id
}

// checkAgents holds users.csv to OneRoster's links: a parent names their children, and each
// child names that parent back.
func checkAgents(t *testing.T, users [][]string) {
	t.Helper()
	ids, agents := column(users, "sourcedId"), column(users, "agentSourcedIds")
	of := map[string][]string{}
	for i, id := range ids {
		if agents[i] != "" {
			of[id] = strings.Split(agents[i], ",")
		}
	}
	if len(of) == 0 {
		t.Fatal("no user has agents")
	}
	for id, linked := range of {
		for _, other := range linked {
			if !slices.Contains(of[other], id) {
				t.Errorf("%s names %s, who does not name them back", id, other)
			}
		}
	}
}

// The shared OneRoster and SDS samples, imported, then exported in their own format: the
// importers read the export back to the same users, classes and schools, and it re-imports to
// no change.
func TestRosterExportsOfTheSamples(t *testing.T) {
	cases := []struct {
		sample string
		format ExportFormat
	}{
		{"oneroster/v1.1-classlink-style", ExportOneRoster11},
		{"oneroster/v1.1-classlink-style", ExportOneRoster12},
		{"oneroster/zip/Test_minimal_data_set.zip", ExportOneRoster12},
		{"sds/v2.1", ExportSDS21},
	}
	for _, tc := range cases {
		t.Run(tc.sample+"/"+tc.format.Info().Name, func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			admin := f.verifiedAdmin(t, "admin@example.fr", "password1")
			src := filepath.Join(samplesDir(t), tc.sample)
			if _, err := f.app.importFiles(ctx, admin, inputs(src), ImportOptions{}, nil); err != nil {
				t.Fatal(err)
			}
			admin, _ = f.store.Admin(ctx, admin.ID)
			path := filepath.Join(t.TempDir(), "set.zip")
			n, err := f.app.exportUsersToFile(ctx, admin, model.Selection{}, tc.format, testLabels, path)
			if err != nil {
				t.Fatal(err)
			}
			before, err := importers.Parse(ctx, inputs(src), importers.Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			after, err := importers.Parse(ctx, inputs(path), importers.Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(after.Records) != n || len(after.Records) != len(before.Records) || len(after.Classes) != len(before.Classes) {
				t.Errorf("sample: %d users, %d classes; export of %d: %d users, %d classes", len(before.Records), len(before.Classes),
					n, len(after.Records), len(after.Classes))
			}
			rep, err := f.app.importFiles(ctx, admin, inputs(path), ImportOptions{DryRun: true}, nil)
			if err != nil {
				t.Fatal(err)
			}
			c := rep.Counts
			if c.Created != 0 || c.Updated != 0 || c.PendingDeletion != 0 || c.ClassesCreated != 0 || c.OrgsCreated != 0 || c.Unchanged != n {
				t.Fatalf("re-import of %d exported users: %+v; first changes: %+v", n, c, rep.Changes[:min(3, len(rep.Changes))])
			}
		})
	}
}

// A roster set's files are opened as spreadsheets too: every cell is neutralised.
func TestRosterExportsNeutraliseFormulas(t *testing.T) {
	f := newFixture(t)
	admin := hostileDirectory(t, f)
	for _, format := range []ExportFormat{ExportOneRoster11, ExportSDS21} {
		var buf bytes.Buffer
		if _, err := f.app.exportUsers(context.Background(), admin, model.Selection{}, format, testLabels, &buf); err != nil {
			t.Fatal(err)
		}
		files := unzipSet(t, buf.Bytes())
		for name, rows := range files {
			for _, r := range rows {
				for _, cell := range r {
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
						t.Errorf("%s: cell %q starts like a formula", name, cell)
					}
				}
			}
		}
		if titles := column(files["classes.csv"], "title"); !slices.Equal(titles, []string{"'=1+1"}) {
			t.Errorf("class titles %q", titles)
		}
	}
}
