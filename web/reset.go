package web

import (
	"fmt"
	"net/http"
	"strings"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

func resetTitle(t *i18n.WebTexts) string { return t.ResetTitle }

// resetPage asks for a code by email, or takes one (from the email's link, or printed on the
// person's card by their school).
func (s *Server) resetPage(w http.ResponseWriter, r *http.Request) {
	v := s.newView(w, r, resetTitle)
	q := r.URL.Query()
	login := strings.TrimSpace(q.Get("login"))
	v.Form["login"], v.Form["code"] = login, strings.TrimSpace(q.Get("code"))
	s.resetPolicy(r, v, login)
	s.render(w, "reset", http.StatusOK, v)
}

func (s *Server) resetPolicy(r *http.Request, v *view, login string) {
	v.withPolicy(model.DefaultPasswordPolicy)
	if login == "" {
		return
	}
	if p, err := s.app.PasswordPolicyForLogin(r.Context(), login); err == nil {
		v.withPolicy(p)
	}
}

// requestReset emails a code when the account has an email and its school a mail server;
// otherwise the page says to ask the school.
func (s *Server) requestReset(w http.ResponseWriter, r *http.Request) {
	v := s.newView(w, r, resetTitle)
	v.withPolicy(model.DefaultPasswordPolicy)
	if !s.checkForm(w, r, "reset", v) {
		return
	}
	login := strings.TrimSpace(r.PostFormValue("login"))
	v.Form["login"] = login
	if login == "" {
		v.Error = v.T.Required
		s.render(w, "reset", http.StatusUnprocessableEntity, v)
		return
	}
	s.resetPolicy(r, v, login)
	res, err := s.app.RequestPersonReset(r.Context(), login, s.clientAddr(r), app.MergeOptions{ProfileLabel: s.cfg.ProfileLabel})
	switch {
	case err != nil:
		s.render(w, "reset", s.refusal(w, r, v, err), v)
		return
	case res.Emailed:
		v.Notice = fmt.Sprintf(v.T.Emailed, res.Hint)
	default:
		v.Notice = v.T.AskSchool
	}
	s.render(w, "reset", http.StatusOK, v)
}

// reset sets a new password with a code; a wrong, used or expired code changes nothing.
func (s *Server) reset(w http.ResponseWriter, r *http.Request) {
	v := s.newView(w, r, resetTitle)
	v.withPolicy(model.DefaultPasswordPolicy)
	if !s.checkForm(w, r, "reset", v) {
		return
	}
	login, code := strings.TrimSpace(r.PostFormValue("login")), strings.TrimSpace(r.PostFormValue("code"))
	pw, again := r.PostFormValue("password"), r.PostFormValue("confirm")
	v.Form["login"], v.Form["code"] = login, code
	s.resetPolicy(r, v, login)
	switch {
	case login == "" || code == "" || pw == "":
		v.Error = v.T.Required
		s.render(w, "reset", http.StatusUnprocessableEntity, v)
		return
	case pw != again:
		v.Error = v.T.Mismatch
		s.render(w, "reset", http.StatusUnprocessableEntity, v)
		return
	}
	if _, err := s.app.ResetPasswordFrom(r.Context(), login, code, pw, s.clientAddr(r)); err != nil {
		s.render(w, "reset", s.refusal(w, r, v, err), v)
		return
	}
	v.Done, v.Notice = true, v.T.ResetDone
	s.render(w, "reset", http.StatusOK, v)
}
