package web

import (
	"errors"
	"net/http"
	"strings"

	"rollcall/i18n"
	"rollcall/model"
)

func signInTitle(t *i18n.WebTexts) string  { return t.SignInTitle }
func accountTitle(t *i18n.WebTexts) string { return t.AccountTitle }

func (s *Server) signInPage(w http.ResponseWriter, r *http.Request) {
	v := s.newView(w, r, signInTitle)
	v.Form["login"] = strings.TrimSpace(r.URL.Query().Get("login"))
	if r.URL.Query().Get("out") == "1" {
		v.Notice = v.T.SignedOut
	}
	s.render(w, "login", http.StatusOK, v)
}

// signIn opens a session: an unknown login and a wrong password get the same words, status and
// work (app checks a decoy hash for unknown logins).
func (s *Server) signIn(w http.ResponseWriter, r *http.Request) {
	v := s.newView(w, r, signInTitle)
	if !s.checkForm(w, r, "login", v) {
		return
	}
	who := strings.TrimSpace(r.PostFormValue("login"))
	v.Form["login"] = who
	sess, err := s.app.PersonSignIn(r.Context(), who, r.PostFormValue("password"), s.clientAddr(r))
	if err != nil {
		s.render(w, "login", s.refusal(w, r, v, err), v)
		return
	}
	s.setCookie(w, r, cookieSession, sess.Token, 0)
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}

func (s *Server) signOut(w http.ResponseWriter, r *http.Request) {
	v := s.newView(w, r, signInTitle)
	if !s.checkForm(w, r, "login", v) {
		return
	}
	if err := s.app.PersonSignOut(r.Context(), s.cookie(r, cookieSession)); err != nil {
		s.render(w, "login", s.refusal(w, r, v, err), v)
		return
	}
	s.setCookie(w, r, cookieSession, "", -1)
	http.Redirect(w, r, "/login?out=1", http.StatusSeeOther)
}

// account renders the account page with a notice or a refusal; a session that ended sends the
// person to sign in again.
func (s *Server) account(w http.ResponseWriter, r *http.Request, v *view, status int) {
	acc, err := s.app.PersonAccountOf(r.Context(), s.cookie(r, cookieSession))
	if errors.Is(err, model.ErrNotSignedIn) {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	} else if err != nil {
		status = s.refusal(w, r, v, err)
	}
	v.Account, v.SignedIn = &acc, true
	if acc.OrgName != "" {
		v.School = acc.OrgName
	}
	v.ProfileName = s.cats[model.Language(v.T.Lang)].Profile(acc.User.Profile)
	if len(v.Rules) == 0 {
		v.withPolicy(acc.Policy)
	}
	s.render(w, "account", status, v)
}

func (s *Server) accountPage(w http.ResponseWriter, r *http.Request) {
	s.account(w, r, s.newView(w, r, accountTitle), http.StatusOK)
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) {
	v := s.newView(w, r, accountTitle)
	if err := r.ParseForm(); err != nil || !s.csrfOK(r) {
		v.Error = v.T.Expired
		s.account(w, r, v, http.StatusForbidden)
		return
	}
	token := s.cookie(r, cookieSession)
	if acc, err := s.app.PersonAccountOf(r.Context(), token); err == nil {
		v.withPolicy(acc.Policy)
	}
	cur, next, again := r.PostFormValue("current"), r.PostFormValue("password"), r.PostFormValue("confirm")
	status := http.StatusOK
	switch {
	case cur == "" || next == "":
		v.Error, status = v.T.Required, http.StatusUnprocessableEntity
	case next != again:
		v.Error, status = v.T.Mismatch, http.StatusUnprocessableEntity
	default:
		err := s.app.ChangePersonPassword(r.Context(), token, cur, next, s.clientAddr(r))
		switch {
		case errors.Is(err, model.ErrInvalidCredentials):
			v.Error, status = v.T.WrongPassword, http.StatusUnprocessableEntity
		case err != nil:
			status = s.refusal(w, r, v, err)
		default:
			v.Notice = v.T.PasswordChanged
		}
	}
	s.account(w, r, v, status)
}

func (s *Server) changeEmail(w http.ResponseWriter, r *http.Request) {
	v := s.newView(w, r, accountTitle)
	if err := r.ParseForm(); err != nil || !s.csrfOK(r) {
		v.Error = v.T.Expired
		s.account(w, r, v, http.StatusForbidden)
		return
	}
	email := strings.TrimSpace(r.PostFormValue("email"))
	v.Form["email"] = email
	_, err := s.app.ChangePersonEmail(r.Context(), s.cookie(r, cookieSession), r.PostFormValue("current"), email, s.clientAddr(r))
	status := http.StatusOK
	switch {
	case errors.Is(err, model.ErrInvalidCredentials):
		v.Error, status = v.T.WrongPassword, http.StatusUnprocessableEntity
	case err != nil:
		status = s.refusal(w, r, v, err)
	default:
		v.Notice = v.T.EmailChanged
	}
	s.account(w, r, v, status)
}
