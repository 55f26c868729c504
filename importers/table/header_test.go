package table

import (
	"reflect"
	"testing"
)

var testSchema = Schema{
	{Key: "first", French: []string{"Prénom"}, English: []string{"First name"}},
	{Key: "last", French: []string{"Nom"}, English: []string{"Last name"}},
	{Key: "birth", French: []string{"Date de naissance"}, English: []string{"Birthdate"}},
	{Key: "classes", French: []string{"Classes", "Classe"}, English: []string{"Class"}, Repeat: true},
	{Key: "child_last", French: []string{"Nom de l'élève"}, Repeat: true},
	{Key: "child_first", French: []string{"Prénom de l'élève"}, Repeat: true},
	{Key: "email", French: []string{"Courriel", "Email"}, English: []string{"Email"}},
}

func TestHeaderKey(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Prénom*":             "prenom",
		"PRENOM":              "prenom",
		"Pre\u0301nom":        "prenom",
		"Prénom de l’élève":   "prenomdeleleve",
		" Date de naissance ": "datedenaissance",
		"first_name":          "firstname",
		"\uFEFFNom":           "nom",
		"Œuvre":               "oeuvre",
	} {
		if got := HeaderKey(in); got != want {
			t.Errorf("HeaderKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		cells   []string
		want    map[string][]int
		fuzzy   []int
		english bool
	}{
		{
			name:  "french template with stars and repeats",
			cells: []string{"Prénom*", "Nom*", "Date de naissance*", "Classes*", "Classes"},
			want:  map[string][]int{"first": {0}, "last": {1}, "birth": {2}, "classes": {3, 4}},
		},
		{
			name:    "english, other order, unknown column ignored",
			cells:   []string{"externalID", "Last name*", "First name*", "Phone", "Class"},
			want:    map[string][]int{"last": {1}, "first": {2}, "classes": {4}},
			english: true,
		},
		{
			name:  "one typo on a long header",
			cells: []string{"Prénmo", "Nom", "Date de naissnace"},
			want:  map[string][]int{"first": {0}, "last": {1}, "birth": {2}},
			fuzzy: []int{0, 2},
		},
		{
			name:  "no typo tolerance on short headers",
			cells: []string{"Prénom", "Nmo"},
			want:  map[string][]int{"first": {0}},
		},
		{
			name:  "a typo does not steal a column spelled right elsewhere",
			cells: []string{"Prénom", "Prenon", "Nom"},
			want:  map[string][]int{"first": {0}, "last": {2}},
		},
		{
			name:  "parents' repeated child columns",
			cells: []string{"Nom", "Prénom", "Nom de l'élève", "Prénom de l'élève", "Nom de l'élève", "Prénom de l'élève"},
			want:  map[string][]int{"last": {0}, "first": {1}, "child_last": {2, 4}, "child_first": {3, 5}},
		},
		{
			name:  "single column repeated: first wins",
			cells: []string{"Nom", "Prénom", "Courriel", "Email"},
			want:  map[string][]int{"last": {0}, "first": {1}, "email": {2}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := testSchema.Match(tc.cells, 1)
			for _, c := range testSchema {
				if got := h.Indexes(c.Key); !reflect.DeepEqual(got, tc.want[c.Key]) {
					t.Errorf("%s: indexes %v, want %v", c.Key, got, tc.want[c.Key])
				}
			}
			var fuzzy []int
			for i, f := range h.Fuzzy {
				if f {
					fuzzy = append(fuzzy, i)
				}
			}
			if !reflect.DeepEqual(fuzzy, tc.fuzzy) {
				t.Errorf("fuzzy cells %v, want %v", fuzzy, tc.fuzzy)
			}
			if h.English() != tc.english {
				t.Errorf("English() = %v, want %v", h.English(), tc.english)
			}
		})
	}
}

func TestMissingNamesInFileLanguage(t *testing.T) {
	t.Parallel()
	fr := testSchema.Match([]string{"Prénom", "Nom"}, 1)
	if got := fr.Missing("birth", "first"); !reflect.DeepEqual(got, []string{"Date de naissance"}) {
		t.Errorf("french Missing = %q", got)
	}
	en := testSchema.Match([]string{"First name", "Last name"}, 1)
	if got := en.Missing("birth"); !reflect.DeepEqual(got, []string{"Birthdate"}) {
		t.Errorf("english Missing = %q", got)
	}
	if got := fr.Name("first"); got != "Prénom" {
		t.Errorf("Name of a present column = %q, want the header as written", got)
	}
}

func TestWithinOneEdit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want bool
	}{
		{"prenom", "prenom", true},
		{"prenom", "prenmo", true},
		{"prenom", "prnom", true},
		{"prenom", "prenoms", true},
		{"prenom", "prenam", true},
		{"prenom", "pernmo", false},
		{"prenom", "nom", false},
		{"abc", "", false},
		{"", "a", true},
	}
	for _, tc := range tests {
		if got := withinOneEdit(tc.a, tc.b); got != tc.want {
			t.Errorf("withinOneEdit(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestErrorsCapAndIs(t *testing.T) {
	t.Parallel()
	es := NewErrors(2)
	for i := 0; i < 5; i++ {
		es.Add(&RowError{File: "f.csv", Line: i + 2, Rule: RuleDuplicateID})
	}
	if len(es.List) != 2 || es.Omitted != 3 || es.Len() != 5 {
		t.Fatalf("list %d omitted %d", len(es.List), es.Omitted)
	}
	long := &RowError{Value: string(make([]byte, 1000))}
	es2 := NewErrors(0)
	es2.Add(long)
	if len([]rune(es2.List[0].Value)) > MaxValueInError+1 {
		t.Errorf("value not shortened: %d runes", len([]rune(es2.List[0].Value)))
	}
}
