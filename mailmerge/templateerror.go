package mailmerge

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"rollcall/model"
)

// Errors a TemplateError may wrap besides text/template's own.
var (
	// ErrUnknownTemplate: a file name that is not a language directory plus one of
	// CardTemplate, SubjectTemplate, TextTemplate or HTMLTemplate.
	ErrUnknownTemplate = errors.New("unknown template file")
	// ErrTemplateOutputTooLong: a template produced more than 64 KiB for one card or email.
	ErrTemplateOutputTooLong = errors.New("template output too long")
)

// TemplateError locates a problem in an admin's template: a parse error, a field that does
// not exist, an HTML context mistake, a runaway output.
type TemplateError struct {
	Name   string // file name, such as "fr/card.tmpl"
	Line   int    // 1-based line; 0 when unknown
	Column int    // 1-based column when the template engine gives one; 0 otherwise
	// Message is the engine's explanation without the file and line prefix.
	Message string
	Err     error // the underlying error
}

// Error reads like "template fr/card.tmpl:3: unexpected EOF".
func (e *TemplateError) Error() string {
	var b strings.Builder
	b.WriteString("template ")
	b.WriteString(e.Name)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Message != "" {
		b.WriteString(e.Message)
	} else {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *TemplateError) Unwrap() error { return e.Err }

// Kind: a template that does not work is invalid input (exit code 3).
func (e *TemplateError) ErrorKind() model.Kind { return model.KindInvalid }

// Message says where the template is wrong and, when Rollcall itself refused it, why; else
// the template engine's own words.
func (e *TemplateError) ErrorMessage() model.Message {
	where := e.Name
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", e.Name, e.Line)
	}
	switch {
	case errors.Is(e.Err, ErrUnknownTemplate):
		return model.Message{ID: model.MsgTemplateUnknown, Args: []any{where}}
	case errors.Is(e.Err, ErrTemplateOutputTooLong):
		return model.Message{ID: model.MsgTemplateTooLong, Args: []any{where}}
	}
	msg := e.Message
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	return model.Message{ID: model.MsgTemplate, Args: []any{where, msg}}
}

// TemplateErrors collects the problems of a set of templates.
type TemplateErrors []*TemplateError

// Error joins the errors with "; ".
func (es TemplateErrors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Kind: templates that do not work are invalid input (exit code 3).
func (es TemplateErrors) ErrorKind() model.Kind { return model.KindInvalid }

// Message tells each error, one a line.
func (es TemplateErrors) ErrorMessage() model.Message {
	lines := make([]model.Message, len(es))
	for i, e := range es {
		lines[i] = e.ErrorMessage()
	}
	return model.Message{ID: model.MsgLines, Args: []any{lines}}
}

// Unwrap lets errors.As find each *TemplateError.
func (es TemplateErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// templateErrRE reads the "template: NAME:LINE[:COL]: message" shape that text/template and
// html/template give their errors.
var templateErrRE = regexp.MustCompile(`^(?:html/)?template: ?(.*?):(\d+):(?:(\d+):)? ?(.*)$`)

func newTemplateError(name string, err error) *TemplateError {
	te := &TemplateError{Name: name, Err: err, Message: err.Error()}
	m := templateErrRE.FindStringSubmatch(firstLine(err.Error()))
	if m == nil {
		return te
	}
	te.Line, _ = strconv.Atoi(m[2])
	te.Column, _ = strconv.Atoi(m[3])
	te.Message = m[4]
	// Drop the engine's repetition of the name: `executing "fr/card.tmpl" at <.X>: ...`.
	te.Message = strings.Replace(te.Message, fmt.Sprintf("executing %q ", name), "", 1)
	return te
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
