package mailmerge

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

// FuzzCardTemplate feeds arbitrary admin templates through loading and rendering: either
// loading reports TemplateErrors, or cards render; nothing panics.
func FuzzCardTemplate(f *testing.F) {
	f.Add(DefaultTemplateFiles()["fr/card.tmpl"])
	f.Add("# {{.FullName}}\n---\n> {{.ActivationURL}}{{.ActivationURL}}{{.ActivationURL}}\n\n\n## x")
	f.Add("{{if .Activated}}{{.Login}}{{else}}{{index .Login 0}}{{end}}")
	f.Add("{{define \"a\"}}{{template \"a\"}}{{end}}{{template \"a\"}}")
	f.Add("\x00\t# \u200b\U0001F600 œ ß\r\n---\n#")
	f.Fuzz(func(t *testing.T, src string) {
		tpl, err := ParseTemplates(map[string]string{"fr/card.tmpl": src})
		if err != nil {
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("load error %v is not a *TemplateError", err)
			}
			return
		}
		var buf bytes.Buffer
		err = WritePDF(context.Background(), &buf, generated(2), Layout{PerSheet: 2}, tpl, nil)
		var te *TemplateError
		if err != nil && !errors.As(err, &te) {
			t.Fatalf("render error %v is not a *TemplateError", err)
		}
	})
}
