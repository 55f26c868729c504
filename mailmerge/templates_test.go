package mailmerge

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefaultTemplatesParse(t *testing.T) {
	t.Parallel()
	files := DefaultTemplateFiles()
	if len(files) != 8 {
		t.Fatalf("%d default files, want 4 per language", len(files))
	}
	if _, err := ParseTemplates(nil); err != nil {
		t.Fatal(err)
	}
}

func TestTemplateErrorsAreLocated(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, file, src string
		line            int
		msg             string
	}{
		{"parse", "fr/card.tmpl", "# {{.FullName}}\nok\n{{if .Login}}unclosed", 3, "unexpected EOF"},
		{"unknown field", "en/card.tmpl", "line one\n\n{{.Nickname}}\n", 3, "Nickname"},
		{"bad function", "fr/subject.tmpl", "{{shout .Login}}", 1, `"shout" not defined`},
		{"html context", "en/email.html.tmpl", "<p>ok</p>\n<a href=\"{{.ResetURL}}\n", 0, ""},
		{"runtime only", "en/email.txt.tmpl", "a\nb\n{{index .Login 99}}\n", 3, "index out of range"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseTemplates(map[string]string{tc.file: tc.src})
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("err = %v, want a *TemplateError", err)
			}
			if te.Name != tc.file {
				t.Errorf("name = %q, want %q", te.Name, tc.file)
			}
			if tc.line > 0 && te.Line != tc.line {
				t.Errorf("line = %d, want %d (%v)", te.Line, tc.line, err)
			}
			if !strings.Contains(te.Error(), tc.msg) || !strings.HasPrefix(te.Error(), "template "+tc.file) {
				t.Errorf("message %q lacks %q or the file name", te.Error(), tc.msg)
			}
		})
	}
}

func TestSeveralErrorsCollected(t *testing.T) {
	t.Parallel()
	_, err := ParseTemplates(map[string]string{
		"fr/card.tmpl": "{{.Nope}}", "en/subject.tmpl": "{{", "de/card.tmpl": "x",
	})
	var errs TemplateErrors
	if !errors.As(err, &errs) || len(errs) != 3 {
		t.Fatalf("err = %v, want 3 TemplateErrors", err)
	}
	if !errors.Is(err, ErrUnknownTemplate) {
		t.Errorf("de/card.tmpl not reported as unknown: %v", err)
	}
}

func TestRunawayTemplateStops(t *testing.T) {
	t.Parallel()
	src := "{{range $i := 100000}}{{$.Login}}{{end}}" // 100 kB even for a 1-letter login
	_, err := ParseTemplates(map[string]string{"fr/card.tmpl": src})
	if !errors.Is(err, ErrTemplateOutputTooLong) {
		t.Fatalf("err = %v, want ErrTemplateOutputTooLong", err)
	}
}

func TestLoadTemplatesOverridesSomeFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "fr"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "fr", "subject.tmpl"), []byte("Bienvenue {{.FullName}}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "README.txt"), []byte("ignored"), 0o600); err != nil {
		t.Fatal(err)
	}
	tpl, err := LoadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := testCard(0) // French
	m, err := BuildAccountMessage(tpl, c, "")
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Bienvenue "+c.FullName {
		t.Errorf("subject %q: override not used", m.Subject)
	}
	c.Language = "en"
	if m, _ := BuildAccountMessage(tpl, c, ""); !strings.HasPrefix(m.Subject, "Your ") {
		t.Errorf("English subject %q: default not kept", m.Subject)
	}

	_, err = LoadTemplatesFS(fstest.MapFS{"en/cards.tmpl": {Data: []byte("x")}})
	var te *TemplateError
	if !errors.As(err, &te) || te.Name != "en/cards.tmpl" || !errors.Is(err, ErrUnknownTemplate) {
		t.Errorf("misspelt file: err = %v", err)
	}
	if _, err := LoadTemplates(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing directory accepted")
	}
}

func TestCardMarkup(t *testing.T) {
	t.Parallel()
	got := parseCardMarkup([]byte("\n\n## Org\n  ---\n# Name  \nbody\n\n\n> small print\n----x\n\n"), nil)
	want := []para{
		{styleHeading, "Org"}, {styleRule, ""}, {styleTitle, "Name"}, {styleBody, "body"},
		{styleGap, ""}, {styleSmall, "small print"}, {styleBody, "----x"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("para %d = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestBreakLine(t *testing.T) {
	t.Parallel()
	split := func(s string, max int32) []string {
		runes := []rune(s)
		adv := make([]int32, len(runes))
		for i := range adv {
			adv[i] = 1
		}
		var out []string
		for start := 0; start < len(runes); {
			end, next := breakLine(runes, adv, start, max)
			for start < end && runes[start] == ' ' {
				start++
			}
			out = append(out, string(runes[start:end]))
			start = next
		}
		return out
	}
	for _, tc := range []struct {
		s    string
		max  int32
		want string
	}{
		{"aa bb cc", 5, "aa bb|cc"},
		{"https://example.org/activate", 12, "https://|example.org/|activate"},
		{"abcdefghij", 4, "abcd|efgh|ij"},
		{"a", 0, "a"},
	} {
		if got := strings.Join(split(tc.s, tc.max), "|"); got != tc.want {
			t.Errorf("breakLine(%q, %d) = %q, want %q", tc.s, tc.max, got, tc.want)
		}
	}
}

func TestSafeFileNames(t *testing.T) {
	t.Parallel()
	groups := []Group{{Name: "3e B"}, {Name: "3E b"}, {Name: "../../etc/passwd"}, {Name: ""}, {Name: "CON"}, {Name: "Term. S/ES"}, {Name: "3e B (2)"}}
	got := splitFileNames(groups)
	want := []string{"3e B.pdf", "3E b (2).pdf", "_.._etc_passwd.pdf", "cards.pdf", "_CON.pdf", "Term. S_ES.pdf", "3e B (2) (2).pdf"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("group %q: file %q, want %q", groups[i].Name, got[i], want[i])
		}
	}
}
