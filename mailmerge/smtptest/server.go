// Package smtptest runs an in-process SMTP server for tests: it records every message it
// accepts (parsed: envelope, headers, text and HTML parts), can be told to answer 4xx or
// 5xx to chosen recipients or to the next commands, and can be stopped, killed mid-run and
// restarted on the same port, which is what campaign-resume tests need.
//
//	srv := smtptest.Start(t, smtptest.Options{})
//	cfg := mailmerge.SMTPConfig{Host: srv.Host(), Port: srv.Port(), From: "it@school.example"}
//	...
//	msgs := srv.Messages()
//
// It is built on github.com/emersion/go-smtp and go-message. All methods are safe for
// concurrent use.
package smtptest

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// Options configure a Server.
type Options struct {
	// Username and Password, when set, make AUTH PLAIN mandatory before MAIL.
	Username, Password string
	// TLS offers STARTTLS with a self-signed certificate for 127.0.0.1 and localhost; the
	// client must trust Server.ClientTLSConfig.
	TLS bool
	// ImplicitTLS serves TLS from the first byte (SMTPS) instead of STARTTLS. Implies TLS.
	ImplicitTLS bool
}

// Server is an SMTP server on 127.0.0.1. The zero value is not usable; use New or Start.
type Server struct {
	opts Options
	tls  *tlsPair // nil without TLS

	mu       sync.Mutex
	port     int // 0 until the first start; kept across restarts
	srv      *smtp.Server
	ln       net.Listener
	serving  chan struct{} // closed when the current Serve returns
	messages []Message
	conns    int
	faults   faults
	changed  chan struct{} // closed and replaced whenever a message arrives
}

// New returns a server that is not listening yet.
func New(opts Options) (*Server, error) {
	s := &Server{opts: opts, changed: make(chan struct{})}
	s.faults.rcpt = make(map[string]reply)
	if opts.TLS || opts.ImplicitTLS {
		pair, err := newTLSPair()
		if err != nil {
			return nil, err
		}
		s.tls = pair
	}
	return s, nil
}

// Start creates and starts a server for a test, and kills it when the test ends.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	s, err := New(opts)
	if err != nil {
		t.Fatalf("smtptest: %v", err)
	}
	if err := s.Start(); err != nil {
		t.Fatalf("smtptest: %v", err)
	}
	t.Cleanup(s.Kill)
	return s
}

// Start listens on 127.0.0.1: on a free port the first time, on the same port after Stop
// or Kill (a restart).
func (s *Server) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		return errors.New("smtptest: already running")
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port)))
	if err != nil {
		return fmt.Errorf("smtptest: listen: %w", err)
	}
	s.port = ln.Addr().(*net.TCPAddr).Port
	srv := smtp.NewServer(&backend{s: s})
	srv.Domain = "smtptest.local"
	srv.AllowInsecureAuth = true
	srv.ReadTimeout, srv.WriteTimeout = 30*time.Second, 30*time.Second
	srv.ErrorLog = log.New(io.Discard, "", 0) // killed connections are expected here
	if s.tls != nil {
		srv.TLSConfig = s.tls.server
		if s.opts.ImplicitTLS {
			ln = tls.NewListener(ln, s.tls.server)
		}
	}
	s.srv, s.ln, s.serving = srv, ln, make(chan struct{})
	go func(done chan struct{}) {
		defer close(done)
		_ = srv.Serve(ln)
	}(s.serving)
	return nil
}

// Restart is Start after Stop or Kill: the same port, messages and settings kept.
func (s *Server) Restart() error { return s.Start() }

// Stop stops accepting connections and waits, until ctx ends, for clients to quit; then it
// closes what is left. Messages are kept.
func (s *Server) Stop(ctx context.Context) error {
	srv, ln, serving := s.detach()
	if srv == nil {
		return nil
	}
	// Serve registers the listener with go-smtp only once its goroutine runs: close it
	// ourselves too, or a Stop right after Start would leave Accept blocked.
	_ = ln.Close()
	err := srv.Shutdown(ctx)
	if errors.Is(err, net.ErrClosed) { // our own close above
		err = nil
	}
	if err != nil {
		_ = srv.Close()
	}
	<-serving
	return err
}

// Kill closes the listener and every connection at once, as a crashed server would:
// clients see their connection reset mid-command. Messages are kept.
func (s *Server) Kill() {
	srv, ln, serving := s.detach()
	if srv == nil {
		return
	}
	_ = ln.Close() // see Stop
	_ = srv.Close()
	<-serving
}

// detach forgets the running server so it can be stopped outside the lock.
func (s *Server) detach() (*smtp.Server, net.Listener, chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	srv, ln, serving := s.srv, s.ln, s.serving
	s.srv, s.ln, s.serving = nil, nil, nil
	return srv, ln, serving
}

// Running reports whether the server is listening.
func (s *Server) Running() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.srv != nil
}

// Host returns "127.0.0.1".
func (s *Server) Host() string { return "127.0.0.1" }

// Port returns the port, fixed by the first Start.
func (s *Server) Port() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.port
}

// Addr returns "127.0.0.1:port".
func (s *Server) Addr() string { return net.JoinHostPort(s.Host(), strconv.Itoa(s.Port())) }

// ClientTLSConfig returns a client configuration that trusts the server's certificate, or
// nil when the server has no TLS.
func (s *Server) ClientTLSConfig() *tls.Config {
	if s.tls == nil {
		return nil
	}
	return s.tls.client.Clone()
}

// Connections returns how many connections the server accepted since New.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns
}

// Messages returns a copy of the messages accepted so far, in arrival order.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages...)
}

// WaitMessages waits until at least n messages were accepted, or ctx ends.
func (s *Server) WaitMessages(ctx context.Context, n int) ([]Message, error) {
	for {
		s.mu.Lock()
		msgs, changed := s.messages, s.changed
		s.mu.Unlock()
		if len(msgs) >= n {
			return s.Messages(), nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return s.Messages(), ctx.Err()
		}
	}
}

// ResetMessages forgets the messages and the connection count.
func (s *Server) ResetMessages() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.messages, s.conns = nil, 0
}

func (s *Server) record(m Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.messages = append(s.messages, m)
	close(s.changed)
	s.changed = make(chan struct{})
}
