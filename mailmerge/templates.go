package mailmerge

import (
	"bytes"
	"embed"
	"errors"
	htmltemplate "html/template"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
	texttemplate "text/template"

	"rollcall/model"
)

// The template files of one language, found in a directory named after the language
// ("fr/card.tmpl"). Card and subject and text templates are text/template; the HTML email
// is html/template, so names with "<" or "&" are escaped.
const (
	// CardTemplate is the login card, written in CardMarkup.
	CardTemplate = "card.tmpl"
	// SubjectTemplate is the email subject; newlines and runs of spaces become one space.
	SubjectTemplate = "subject.tmpl"
	// TextTemplate is the plain-text part of the email.
	TextTemplate = "email.txt.tmpl"
	// HTMLTemplate is the HTML part of the email.
	HTMLTemplate = "email.html.tmpl"
)

// maxTemplateOutput caps what one template run may produce, so a runaway admin template
// fails with a TemplateError instead of filling memory.
const maxTemplateOutput = 64 << 10

//go:embed templates
var defaultTemplateFS embed.FS

// Templates holds the card and email templates of every language. It is immutable once
// built and safe for concurrent use.
type Templates struct {
	sets map[model.Language]*templateSet
}

type templateSet struct {
	card, subject, text *texttemplate.Template
	html                *htmltemplate.Template
}

// DefaultTemplateFiles returns the embedded French and English template sources by name
// ("fr/card.tmpl"), for an admin to copy and edit.
func DefaultTemplateFiles() map[string]string {
	out := make(map[string]string)
	for _, lang := range model.Languages {
		for _, file := range templateFiles() {
			b, err := defaultTemplateFS.ReadFile("templates/" + string(lang) + "/" + file)
			if err == nil {
				out[string(lang)+"/"+file] = string(b)
			}
		}
	}
	return out
}

func templateFiles() []string {
	return []string{CardTemplate, SubjectTemplate, TextTemplate, HTMLTemplate}
}

// DefaultTemplates returns the embedded French and English templates, parsed once and
// shared (Templates are immutable). They are checked by the package tests, so this cannot
// fail in a released binary; it panics only if the embedded files were broken at build time.
func DefaultTemplates() *Templates {
	t, err := defaultTemplates()
	if err != nil {
		panic("mailmerge: embedded templates are broken: " + err.Error())
	}
	return t
}

var defaultTemplates = sync.OnceValues(func() (*Templates, error) { return ParseTemplates(nil) })

// ParseTemplates returns the default templates with some files replaced: files maps a name
// such as "fr/card.tmpl" to its source. Every template is parsed and run on sample data, so
// a mistake surfaces now as TemplateErrors (each a *TemplateError with file and line), not
// halfway through 100,000 cards.
func ParseTemplates(files map[string]string) (*Templates, error) {
	sources := DefaultTemplateFiles()
	var errs TemplateErrors
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if _, ok := sources[name]; !ok {
			errs = append(errs, &TemplateError{Name: name, Err: ErrUnknownTemplate})
			continue
		}
		sources[name] = files[name]
	}
	t := &Templates{sets: make(map[model.Language]*templateSet)}
	for _, lang := range model.Languages {
		set, setErrs := parseSet(lang, sources)
		errs = append(errs, setErrs...)
		t.sets[lang] = set
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return t, nil
}

// LoadTemplates reads overrides from dir, laid out like DefaultTemplateFiles
// (dir/fr/card.tmpl, dir/en/email.html.tmpl, ...); missing files keep their default.
// Files not ending in .tmpl are ignored; an unknown .tmpl file is an error, so a misspelt
// name does not silently keep the default.
func LoadTemplates(dir string) (*Templates, error) {
	return LoadTemplatesFS(os.DirFS(dir))
}

// LoadTemplatesFS is LoadTemplates over any file system.
func LoadTemplatesFS(fsys fs.FS) (*Templates, error) {
	files := make(map[string]string)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Ext(p) != ".tmpl" {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files[p] = string(b)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ParseTemplates(files)
}

func parseSet(lang model.Language, sources map[string]string) (*templateSet, TemplateErrors) {
	var errs TemplateErrors
	set := &templateSet{}
	prefix := string(lang) + "/"
	texts := []struct {
		file string
		dst  **texttemplate.Template
	}{{CardTemplate, &set.card}, {SubjectTemplate, &set.subject}, {TextTemplate, &set.text}}
	for _, tt := range texts {
		name := prefix + tt.file
		t, err := texttemplate.New(name).Option("missingkey=error").Parse(sources[name])
		if err != nil {
			errs = append(errs, newTemplateError(name, err))
			continue
		}
		*tt.dst = t
	}
	name := prefix + HTMLTemplate
	h, err := htmltemplate.New(name).Option("missingkey=error").Parse(sources[name])
	if err != nil {
		errs = append(errs, newTemplateError(name, err))
	} else {
		set.html = h
	}
	if len(errs) == 0 {
		errs = set.check(lang)
	}
	return set, errs
}

// check runs every template on sample data: a field that does not exist or an HTML context
// error only shows when the template runs.
func (s *templateSet) check(lang model.Language) TemplateErrors {
	var errs TemplateErrors
	var buf bytes.Buffer
	runs := []func(*bytes.Buffer, *TemplateData) error{s.execCard, s.execSubject, s.execText, s.execHTML}
	failed := make([]bool, len(runs)) // one error per file is enough, and reruns can be slow
	for _, d := range sampleData(lang) {
		for i, run := range runs {
			if failed[i] {
				continue
			}
			buf.Reset()
			var te *TemplateError
			if err := run(&buf, &d); errors.As(err, &te) {
				failed[i] = true
				errs = append(errs, te)
			}
		}
	}
	return errs
}

func (s *templateSet) execCard(buf *bytes.Buffer, d *TemplateData) error {
	return execTemplate(s.card.Name(), buf, func(w io.Writer) error { return s.card.Execute(w, d) })
}

func (s *templateSet) execSubject(buf *bytes.Buffer, d *TemplateData) error {
	return execTemplate(s.subject.Name(), buf, func(w io.Writer) error { return s.subject.Execute(w, d) })
}

func (s *templateSet) execText(buf *bytes.Buffer, d *TemplateData) error {
	return execTemplate(s.text.Name(), buf, func(w io.Writer) error { return s.text.Execute(w, d) })
}

func (s *templateSet) execHTML(buf *bytes.Buffer, d *TemplateData) error {
	return execTemplate(s.html.Name(), buf, func(w io.Writer) error { return s.html.Execute(w, d) })
}

func execTemplate(name string, buf *bytes.Buffer, run func(io.Writer) error) error {
	w := &cappedWriter{buf: buf, left: maxTemplateOutput}
	if err := run(w); err != nil {
		if w.full {
			return &TemplateError{Name: name, Err: ErrTemplateOutputTooLong}
		}
		return newTemplateError(name, err)
	}
	return nil
}

// forLanguage returns the set for lang, English when lang is not one we have.
func (t *Templates) forLanguage(lang model.Language) (*templateSet, model.Language) {
	if s, ok := t.sets[lang]; ok {
		return s, lang
	}
	return t.sets[model.English], model.English
}

type cappedWriter struct {
	buf  *bytes.Buffer
	left int
	full bool
}

func (w *cappedWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		w.full = true
		return 0, ErrTemplateOutputTooLong
	}
	w.left -= len(p)
	return w.buf.Write(p)
}

// collapseSpace turns a subject template's output into one header-safe line.
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
