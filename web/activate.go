package web

import (
	"fmt"
	"net/http"
	"strings"

	"rollcall/i18n"
	"rollcall/model"
)

func activateTitle(t *i18n.WebTexts) string { return t.ActivateTitle }

// activatePage is where a card's QR code lands: login and code filled in. A code that does not
// go with the login is said at once; the rules shown are the person's school's for their
// profile once the code is right (the default ones otherwise, which tell nothing about a login).
func (s *Server) activatePage(w http.ResponseWriter, r *http.Request) {
	v := s.newView(w, r, activateTitle)
	q := r.URL.Query()
	login, code := strings.TrimSpace(q.Get("login")), strings.TrimSpace(q.Get("code"))
	v.Form["login"], v.Form["code"] = login, code
	v.withPolicy(model.DefaultPasswordPolicy)
	status := http.StatusOK
	if login != "" && code != "" {
		if c, err := s.app.CheckActivationCode(r.Context(), login, code, s.clientAddr(r)); err != nil {
			status = s.refusal(w, r, v, err)
		} else {
			v.withPolicy(c.Policy)
			if c.School != "" {
				v.School = c.School
			}
		}
	}
	s.render(w, "activate", status, v)
}

// activate sets the chosen password; a wrong, used or expired code, a password that breaks the
// rules or two passwords that differ change nothing and are said in words.
func (s *Server) activate(w http.ResponseWriter, r *http.Request) {
	v := s.newView(w, r, activateTitle)
	v.withPolicy(model.DefaultPasswordPolicy)
	if !s.checkForm(w, r, "activate", v) {
		return
	}
	login, code := strings.TrimSpace(r.PostFormValue("login")), strings.TrimSpace(r.PostFormValue("code"))
	pw, again := r.PostFormValue("password"), r.PostFormValue("confirm")
	v.Form["login"], v.Form["code"] = login, code
	if p, err := s.app.PasswordPolicyForLogin(r.Context(), login); err == nil {
		v.withPolicy(p)
	}
	switch {
	case login == "" || code == "" || pw == "":
		v.Error = v.T.Required
		s.render(w, "activate", http.StatusUnprocessableEntity, v)
		return
	case pw != again:
		v.Error = v.T.Mismatch
		s.render(w, "activate", http.StatusUnprocessableEntity, v)
		return
	}
	u, err := s.app.ActivateFrom(r.Context(), login, code, pw, s.clientAddr(r))
	if err != nil {
		s.render(w, "activate", s.refusal(w, r, v, err), v)
		return
	}
	v.Done, v.Notice = true, fmt.Sprintf(v.T.ActivateDone, u.Login)
	v.Form["login"] = u.Login
	s.render(w, "activate", http.StatusOK, v)
}
