package importers

import (
	"path/filepath"
	"reflect"
	"testing"

	"rollcall/model"
)

func TestDetect(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		path      string
		format    Format
		encoding  Encoding
		delimiter rune
		profile   model.Profile
		header0   string
		preview   int
		files     int
	}{
		{"windows-1252 students", sample(t, "ent/templates-fr/CSV_Eleves.csv"), FormatENT, EncodingWindows1252, ';', model.Student, "Prénom*", 5, 0},
		{"english parents", sample(t, "ent/templates-en/CSV_Parents.csv"), FormatENT, EncodingUTF8, ';', model.Parent, "externalid", 2, 0},
		{"utf-8 bom", fixture("ent/Eleves_BOM.csv"), FormatENT, EncodingUTF8BOM, ';', model.Student, "Prénom*", 3, 0},
		{"utf-16", fixture("ent/Students-UTF16.csv"), FormatENT, EncodingUTF16, ';', model.Student, "externalID", 2, 0},
		{"comma parents", fixture("ent/Parents_virgule.csv"), FormatENT, EncodingUTF8, ',', model.Parent, "Nom*", 2, 0},
		{"ent export", fixture("ent/export_ent.csv"), FormatENTExport, EncodingUTF8, ';', 0, "Nom", 4, 0},
		{"google", fixture("google/google.csv"), FormatGoogle, EncodingUTF8BOM, ',', 0, "First Name [Required]", 2, 0},
		{"moodle is no google", fixture("google/moodle.csv"), FormatSheet, EncodingUTF8, ',', 0, "username", 1, 0},
		{"be1d", fixture("be1d/CSVExtraction-responsables.csv"), FormatBE1D, EncodingWindows1252, ';', model.Parent, "Civilité Responsable", 2, 0},
		{"workbook", filepath.Join("sheet", "testdata", "modele.xlsx"), FormatSheet, "", 0, model.Student, "Nom", 3, 0},
		{"oneroster folder", sample(t, "oneroster/v1.1-classlink-style"), FormatOneRoster, EncodingUTF8, ',', 0, "sourcedId", 5, 8},
		{"oneroster zip", sample(t, "oneroster/zip/Test_minimal_data_set.zip"), FormatOneRoster, EncodingUTF8, ',', 0, "sourcedId", 5, 6},
		{"sds v1", sample(t, "sds/v1-25-users"), FormatSDSv1, EncodingUTF8, ',', 0, "SIS ID", 5, 6},
		{"sds v2.1", sample(t, "sds/v2.1"), FormatSDSv2, EncodingUTF8, ',', 0, "sourcedId", 5, 10},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := Detect(inputs(tc.path))
			if err != nil || len(ds) != 1 {
				t.Fatalf("Detect = %+v, %v", ds, err)
			}
			d := ds[0]
			if d.Format != tc.format || d.Encoding != tc.encoding || d.Delimiter != tc.delimiter || d.Profile != tc.profile || d.Problem != nil {
				t.Errorf("detection = %+v", d)
			}
			if len(d.Headers) == 0 || d.Headers[0] != tc.header0 || len(d.Preview) != tc.preview || len(d.Files) != tc.files {
				t.Errorf("headers %q, %d preview rows, %d files", d.Headers, len(d.Preview), len(d.Files))
			}
		})
	}
}

func TestDetectFolderOfOneProfileFiles(t *testing.T) {
	t.Parallel()
	ds, err := Detect(inputs(sample(t, "ent/templates-fr")))
	if err != nil {
		t.Fatal(err)
	}
	var got []model.Profile
	for _, d := range ds {
		if d.Format != FormatENT {
			t.Errorf("%s: %q", d.Path, d.Format)
		}
		got = append(got, d.Profile)
	}
	want := []model.Profile{model.Student, model.Teacher, model.Guest, model.Parent, model.Staff}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("profiles = %v, want %v", got, want)
	}
	if ds[0].Preview[0][0] != "Léa" {
		t.Errorf("preview decoded from Windows-1252: %q", ds[0].Preview[0])
	}
}

func TestDetectProblems(t *testing.T) {
	t.Parallel()
	ds, err := Detect(inputs(fixture("unknown.csv"), fixture("oneroster/truncated.zip")))
	if err != nil {
		t.Fatal(err)
	}
	// Problems reading archives come first, then files no format fits.
	var rules []string
	for _, d := range ds {
		if d.Problem == nil || d.Format != "" {
			t.Errorf("%+v", d)
			continue
		}
		rules = append(rules, string(d.Problem.Rule))
	}
	if !reflect.DeepEqual(rules, []string{"bad_zip", "unknown_format"}) {
		t.Errorf("rules = %v", rules)
	}
}
