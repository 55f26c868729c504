package web

import (
	"embed"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/model"
)

//go:embed templates/*.html static/*
var files embed.FS

// Config is what a Server needs.
type Config struct {
	App    *app.App
	Logger *slog.Logger
	// TLS is true when the server itself speaks TLS (--tls-cert): cookies are Secure and HSTS
	// is sent.
	TLS bool
	// TrustProxy honours X-Forwarded-For, -Proto and -Host, as set by a reverse proxy in front;
	// never otherwise, since anyone can send them.
	TrustProxy bool
	// ProfileLabel names profiles in emails (the card's words), as the CLI's catalogue does.
	ProfileLabel func(model.Profile, model.Language) string
}

// Server is the web face. Build it with New; it is an http.Handler.
type Server struct {
	cfg   Config
	app   *app.App
	log   *slog.Logger
	cats  map[model.Language]*i18n.Catalog
	pages *pages
	mux   *http.ServeMux
}

// maxBody bounds what a form may send: a few fields, so a huge body never reaches argon2.
const maxBody = 16 << 10

// New builds the server.
func New(cfg Config) (*Server, error) {
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, app: cfg.App, log: cfg.Logger, pages: p,
		cats: map[model.Language]*i18n.Catalog{model.French: i18n.For(model.French), model.English: i18n.For(model.English)}}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /static/", http.FileServerFS(files))
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
	})
	mux.HandleFunc("GET /activate", s.activatePage)
	mux.HandleFunc("POST /activate", s.activate)
	mux.HandleFunc("GET /login", s.signInPage)
	mux.HandleFunc("POST /login", s.signIn)
	mux.HandleFunc("POST /logout", s.signOut)
	mux.HandleFunc("GET /account", s.accountPage)
	mux.HandleFunc("POST /account/password", s.changePassword)
	mux.HandleFunc("POST /account/email", s.changeEmail)
	mux.HandleFunc("GET /reset", s.resetPage)
	mux.HandleFunc("POST /reset/request", s.requestReset)
	mux.HandleFunc("POST /reset", s.reset)
	s.mux = mux
	return s, nil
}

// csp allows this server's style sheet and script and nothing else: no inline script or style,
// no frames, forms posted here only.
const csp = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// ServeHTTP sets the security headers, bounds the body and logs the request: method, path
// (never the query, which may carry a code), status, time and address.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	if s.secure(r) {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	s.mux.ServeHTTP(rec, r)
	s.log.Info("web", "method", r.Method, "path", r.URL.Path, "status", rec.status,
		"ms", strconv.FormatInt(time.Since(start).Milliseconds(), 10), "addr", s.clientAddr(r))
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}
