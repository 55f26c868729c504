package web

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

// pages holds each page's template, parsed once with the shared layout.
type pages struct {
	byName map[string]*template.Template
}

var pageNames = []string{"activate", "login", "account", "reset"}

func parsePages() (*pages, error) {
	p := &pages{byName: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := template.New(name).ParseFS(files, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web template %s: %w", name, err)
		}
		p.byName[name] = t
	}
	return p, nil
}

// view is what every page template sees.
type view struct {
	T        *i18n.WebTexts
	Title    string
	School   string
	CSRF     string
	LangURL  string // this page in the other language
	SignedIn bool

	Notice string   // a success, said in words
	Error  string   // a refusal, said in words
	Broken []string // the password rules a refused password breaks

	Form  map[string]string // values to show again (never a password)
	Rules []ruleView        // the password rules of the person's school and profile
	Min   int

	Account     *app.PersonAccount
	ProfileName string
	Done        bool // the page's action succeeded: show the next step instead of the form
}

// ruleView is one password rule: Key names it for the script (length, upper, ...).
type ruleView struct{ Key, Text string }

// newView starts a page: language, CSRF token, school name.
func (s *Server) newView(w http.ResponseWriter, r *http.Request, title func(*i18n.WebTexts) string) *view {
	lang := s.language(w, r)
	t := &s.cats[lang].Web
	v := &view{T: t, Title: title(t), CSRF: s.csrfToken(w, r), Form: map[string]string{}}
	q := r.URL.Query()
	q.Set("lang", t.OtherLang)
	v.LangURL = (&url.URL{Path: r.URL.Path, RawQuery: q.Encode()}).String()
	if name, err := s.app.SchoolAt(r.Context(), s.host(r)); err == nil {
		v.School = name
	}
	return v
}

// withPolicy lists a policy's rules in the page's language.
func (v *view) withPolicy(p model.PasswordPolicy) {
	v.Min = p.MinLength
	v.Rules = []ruleView{{"length", fmt.Sprintf(v.T.RuleLength, p.MinLength)}}
	for _, c := range []struct {
		class model.CharClass
		key   string
		text  string
	}{{model.ClassUpper, "upper", v.T.RuleUpper}, {model.ClassLower, "lower", v.T.RuleLower},
		{model.ClassLetter, "letter", v.T.RuleLetter}, {model.ClassDigit, "digit", v.T.RuleDigit},
		{model.ClassSpecial, "special", v.T.RuleSpecial}} {
		if p.Classes.Has(c.class) {
			v.Rules = append(v.Rules, ruleView{c.key, c.text})
		}
	}
}

// render writes a page whole, or a plain failure if the template breaks (never half a page).
func (s *Server) render(w http.ResponseWriter, name string, status int, v *view) {
	var buf bytes.Buffer
	if err := s.pages.byName[name].ExecuteTemplate(&buf, "layout", v); err != nil {
		s.log.Error("web template", "page", name, "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// refusal turns an error of app into the words and status a page shows. Only errors app
// returns for what the person typed are said; anything else is logged (without secrets: app
// errors never carry a password or a code) and said as "try again later".
func (s *Server) refusal(w http.ResponseWriter, r *http.Request, v *view, err error) int {
	var th *model.ThrottledError
	var ce *model.AccountCodeError
	var ves model.ValidationErrors
	var ve *model.ValidationError
	switch {
	case errors.As(err, &th):
		wait := th.RetryAfter(s.app.Now())
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		v.Error = fmt.Sprintf(v.T.Throttled, v.T.Wait(wait))
		return http.StatusTooManyRequests
	case errors.As(err, &ce):
		switch {
		case errors.Is(err, model.ErrCodeUsed) && r.URL.Path == "/activate":
			v.Error = v.T.CodeUsed // the account is activated: the code went with it
		case errors.Is(err, model.ErrCodeUsed):
			v.Error = v.T.CodeSpent
		case errors.Is(err, model.ErrCodeExpired):
			v.Error = v.T.CodeExpired
		default:
			v.Error = v.T.CodeInvalid
		}
		return http.StatusUnprocessableEntity
	case errors.Is(err, model.ErrInvalidCredentials):
		v.Error = v.T.WrongSignIn
		return http.StatusUnauthorized
	case errors.Is(err, model.ErrSuspended):
		v.Error = s.catalogOf(v).Accounts.Suspended
		return http.StatusForbidden
	case errors.As(err, &ves):
		s.sayRules(v, ves)
		return http.StatusUnprocessableEntity
	case errors.As(err, &ve):
		s.sayRules(v, model.ValidationErrors{ve})
		return http.StatusUnprocessableEntity
	}
	s.log.Error("web", "path", r.URL.Path, "err", err)
	v.Error = v.T.Failed
	return http.StatusInternalServerError
}

// catalogOf is the whole catalogue of the page's language.
func (s *Server) catalogOf(v *view) *i18n.Catalog {
	for _, c := range s.cats {
		if &c.Web == v.T {
			return c
		}
	}
	return i18n.For(model.English)
}

// sayRules lists the password rules a refused password breaks, or says a refused email.
func (s *Server) sayRules(v *view, ves model.ValidationErrors) {
	for _, e := range ves {
		switch e.Rule {
		case model.RuleEmail:
			v.Error = v.T.EmailInvalid
		case model.RulePasswordLength:
			v.Broken = append(v.Broken, fmt.Sprintf(v.T.RuleLength, max(v.Min, model.PasswordPolicyMinLength)))
		case model.RulePasswordUpper:
			v.Broken = append(v.Broken, v.T.RuleUpper)
		case model.RulePasswordLower:
			v.Broken = append(v.Broken, v.T.RuleLower)
		case model.RulePasswordLetter:
			v.Broken = append(v.Broken, v.T.RuleLetter)
		case model.RulePasswordDigit:
			v.Broken = append(v.Broken, v.T.RuleDigit)
		case model.RulePasswordSymbol:
			v.Broken = append(v.Broken, v.T.RuleSpecial)
		default:
			v.Error = v.T.Required
		}
	}
	if len(v.Broken) > 0 && v.Error == "" {
		v.Error = v.T.RulesBroken
	}
}

// checkForm parses a posted form and checks its CSRF token; a refused form is answered here
// (403, the form renewed) and false returned.
func (s *Server) checkForm(w http.ResponseWriter, r *http.Request, page string, v *view) bool {
	if err := r.ParseForm(); err != nil || !s.csrfOK(r) {
		v.Error = v.T.Expired
		s.render(w, page, http.StatusForbidden, v)
		return false
	}
	return true
}
