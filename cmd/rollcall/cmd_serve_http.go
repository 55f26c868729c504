package main

import (
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"rollcall/app"
	"rollcall/web"
)

// httpOptions are the flags of the web pages people open from their cards.
type httpOptions struct {
	addr, tlsCert, tlsKey string
	trustProxy            bool
}

// webServer serves the account pages until Shutdown.
type webServer struct {
	srv *http.Server
	ln  net.Listener
	tls bool
	url string // what cards of schools without an activation address point to
}

// startWeb listens on the --http address and remembers it as the default activation address.
func startWeb(ctx context.Context, a *app.App, o httpOptions, logger *slog.Logger) (*webServer, error) {
	if (o.tlsCert == "") != (o.tlsKey == "") {
		return nil, flagError("tls-key", "--tls-cert and --tls-key go together")
	}
	h, err := web.New(web.Config{App: a, Logger: logger, TLS: o.tlsCert != "", TrustProxy: o.trustProxy,
		ProfileLabel: profileLabel})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return nil, err
	}
	w := &webServer{ln: ln, tls: o.tlsCert != "", srv: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 16 << 10,
		ErrorLog: slog.NewLogLogger(logger.Handler(), slog.LevelWarn)}}
	if w.tls {
		cert, err := tls.LoadX509KeyPair(o.tlsCert, o.tlsKey)
		if err != nil {
			_ = ln.Close()
			return nil, err
		}
		w.srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	w.url = servedURL(ln.Addr(), o.addr, w.tls)
	if err := a.SetServedURL(ctx, w.url); err != nil {
		_ = ln.Close()
		return nil, err
	}
	return w, nil
}

// servedURL is the address people reach the pages at: the host of --http, or this machine's
// name when it listens on every interface.
func servedURL(bound net.Addr, asked string, tls bool) string {
	host, _, _ := net.SplitHostPort(asked)
	_, port, _ := net.SplitHostPort(bound.String())
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		if name, err := os.Hostname(); err == nil && name != "" {
			host = name
		} else {
			host = "localhost"
		}
	}
	scheme := "http"
	if tls {
		scheme = "https"
	}
	return scheme + "://" + net.JoinHostPort(host, port)
}

// serve runs until Shutdown; http.ErrServerClosed is no error.
func (w *webServer) serve() error {
	var err error
	if w.tls {
		err = w.srv.ServeTLS(w.ln, "", "")
	} else {
		err = w.srv.Serve(w.ln)
	}
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
