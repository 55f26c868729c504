package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rollcall/model"
)

// Cookie names. Under TLS the __Host- prefix makes browsers refuse them unless Secure, from
// this host, for every path.
const (
	cookieSession = "rc_session"
	cookieCSRF    = "rc_csrf"
	cookieLang    = "rc_lang"
)

// secure reports whether the person reached us over TLS: our own, or the proxy's when trusted.
func (s *Server) secure(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	return s.cfg.TrustProxy && strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

// clientAddr is the address attempts are counted against: the connection's, or under
// --trust-proxy the last address the proxy added to X-Forwarded-For.
func (s *Server) clientAddr(r *http.Request) string {
	if s.cfg.TrustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			if ip := net.ParseIP(strings.TrimSpace(parts[len(parts)-1])); ip != nil {
				return ip.String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// host is the host name the person typed (or the proxy forwarded, when trusted).
func (s *Server) host(r *http.Request) string {
	h := r.Host
	if s.cfg.TrustProxy {
		if fh := r.Header.Get("X-Forwarded-Host"); fh != "" {
			h = strings.TrimSpace(strings.Split(fh, ",")[0])
		}
	}
	return h
}

// cookieName adds the __Host- prefix under TLS.
func (s *Server) cookieName(r *http.Request, name string) string {
	if s.secure(r) {
		return "__Host-" + name
	}
	return name
}

func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, name, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: s.cookieName(r, name), Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.secure(r), SameSite: http.SameSiteStrictMode})
}

func (s *Server) cookie(r *http.Request, name string) string {
	c, err := r.Cookie(s.cookieName(r, name))
	if err != nil {
		return ""
	}
	return c.Value
}

// language is ?lang= (remembered in a cookie), else the cookie, else Accept-Language, else
// French.
func (s *Server) language(w http.ResponseWriter, r *http.Request) model.Language {
	if l, ok := model.ParseLanguage(r.URL.Query().Get("lang")); ok {
		s.setCookie(w, r, cookieLang, string(l), 365*24*3600)
		return l
	}
	if l, ok := model.ParseLanguage(s.cookie(r, cookieLang)); ok {
		return l
	}
	return acceptLanguage(r.Header.Get("Accept-Language"))
}

// acceptLanguage picks French or English by the header's weights; French when it names neither.
func acceptLanguage(header string) model.Language {
	best, bestQ := model.French, -1.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if l, ok := model.ParseLanguage(tag); ok && q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}

// csrfToken returns the form token of this browser, setting its cookie when it has none.
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	if t := s.cookie(r, cookieCSRF); len(t) == 43 {
		return t
	}
	t := newToken()
	s.setCookie(w, r, cookieCSRF, t, 0)
	return t
}

// csrfOK checks a posted form: its token must equal the cookie's (compared in constant time),
// and a browser that says where the form came from must say this host.
func (s *Server) csrfOK(r *http.Request) bool {
	if o := r.Header.Get("Origin"); o != "" && o != "null" {
		u, err := url.Parse(o)
		if err != nil || !strings.EqualFold(u.Host, s.host(r)) {
			return false
		}
	}
	c := s.cookie(r, cookieCSRF)
	f := r.PostFormValue("csrf")
	return c != "" && subtle.ConstantTimeCompare([]byte(c), []byte(f)) == 1
}

func newToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand never fails on supported systems
	return base64.RawURLEncoding.EncodeToString(b)
}
