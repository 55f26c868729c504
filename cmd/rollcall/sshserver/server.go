// Package sshserver serves Rollcall over SSH with wish: each session gets its own console (a
// Bubble Tea program on the session's terminal) or runs one CLI command, as the admin whose
// SSH key (or, when enabled, password) it authenticated with. One server shares one *app.App,
// so every session sees the same committed data and bbolt serializes their writes.
package sshserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/wish/v2"
	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"rollcall/app"
	"rollcall/model"
)

// Config is what a server needs. App, HostKey and Exec are required.
type Config struct {
	App     *app.App
	HostKey gossh.Signer
	// PasswordAuth also accepts an admin's email as the SSH user name with their password.
	PasswordAuth bool
	// IdleTimeout closes a connection without traffic for that long; zero means never.
	IdleTimeout time.Duration
	// Grace is how long Shutdown lets open sessions finish before closing them; zero means
	// 30 seconds.
	Grace time.Duration
	// Throttle slows password guessing per address; zero means model.DefaultSignInThrottle.
	Throttle model.SignInThrottle
	Logger   *slog.Logger // nil: slog.Default()
	// Exec runs one CLI command line for an authenticated admin and returns its exit status.
	Exec func(ctx context.Context, req Exec) int
	// Clock is for tests; nil means time.Now.
	Clock func() time.Time
	// InboxDir holds each admin's inbox (InboxOf), where SFTP and scp uploads land and which
	// their console's file picker shows; "" refuses file transfers.
	InboxDir string
}

// Exec is one command run over SSH (ssh host users list --json).
type Exec struct {
	Args           []string
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	TTY            bool         // the client asked for a terminal (ssh -t)
	Lang           string       // the client's LANG, when it sent one
	Session        *app.Session // the session opened for this connection: the admin acts through it
	Log            *slog.Logger // annotated with the admin and the address
}

// Server is one SSH server. It is safe for concurrent use.
type Server struct {
	cfg         Config
	srv         *ssh.Server
	log         *slog.Logger
	throttle    *addrThrottle
	fingerprint string

	mu       sync.Mutex
	programs map[*tea.Program]struct{}
	closing  bool
	sessions sync.WaitGroup
}

// New builds a server; Serve starts it.
func New(cfg Config) (*Server, error) {
	if cfg.App == nil || cfg.HostKey == nil || cfg.Exec == nil {
		return nil, errors.New("sshserver: App, HostKey and Exec are required")
	}
	if cfg.Grace <= 0 {
		cfg.Grace = 30 * time.Second
	}
	if cfg.Throttle.Base == 0 {
		cfg.Throttle = model.DefaultSignInThrottle
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Server{cfg: cfg, log: cfg.Logger, throttle: newAddrThrottle(cfg.Throttle, cfg.Clock),
		fingerprint: gossh.FingerprintSHA256(cfg.HostKey.PublicKey()), programs: map[*tea.Program]struct{}{}}
	opts := []ssh.Option{
		func(srv *ssh.Server) error { srv.AddHostKey(cfg.HostKey); return nil },
		wish.WithVersion("Rollcall"),
		wish.WithPublicKeyAuth(s.publicKeyAuth),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		wish.WithMiddleware(s.middleware),
		func(srv *ssh.Server) error {
			srv.ConnectionFailedCallback = func(conn net.Conn, err error) {
				s.log.Info("ssh connection failed", "remote", conn.RemoteAddr().String(), "error", err.Error())
			}
			return nil
		},
	}
	if cfg.PasswordAuth {
		opts = append(opts, wish.WithPasswordAuth(s.passwordAuth))
	}
	opts = append(opts, wish.WithSubsystem("sftp", s.sftpSubsystem))
	srv, err := wish.NewServer(opts...)
	if err != nil {
		return nil, fmt.Errorf("sshserver: %w", err)
	}
	s.srv = srv
	return s, nil
}

// Fingerprint is the host key's SHA-256 fingerprint, as ssh shows it on first connection.
func (s *Server) Fingerprint() string { return s.fingerprint }

// Serve accepts connections on l until Shutdown; it then returns nil.
func (s *Server) Serve(l net.Listener) error {
	err := s.srv.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting connections, asks every console to quit, lets running commands
// finish, then closes the connections left (idle ones, or clients that keep theirs open) and
// returns once every session handler is done, so the caller can close the store with every
// write committed. Sessions still running after the grace period (or when ctx ends) are cut:
// their commands see their context cancelled.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	programs := make([]*tea.Program, 0, len(s.programs))
	for p := range s.programs {
		programs = append(programs, p)
	}
	s.mu.Unlock()
	// With a context already done, the library's Shutdown closes the listeners and returns
	// without waiting for the connections: handlers are what this waits for.
	closed, cancelClosed := context.WithCancel(ctx)
	cancelClosed()
	_ = s.srv.Shutdown(closed)
	for _, p := range programs {
		go p.Quit() // Send blocks until the program reads it: never block the shutdown on it
	}
	handlers := make(chan struct{})
	go func() { s.sessions.Wait(); close(handlers) }()
	grace := time.NewTimer(s.cfg.Grace)
	defer grace.Stop()
	select {
	case <-handlers:
	case <-grace.C:
	case <-ctx.Done():
	}
	err := s.srv.Close()
	select {
	case <-handlers:
		return err
	case <-ctx.Done():
		return errors.Join(err, ctx.Err())
	}
}

// track registers a running console so Shutdown can ask it to quit; false when the server is
// closing and the session must not start.
func (s *Server) track(p *tea.Program) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.programs[p] = struct{}{}
	return true
}

func (s *Server) untrack(p *tea.Program) {
	s.mu.Lock()
	delete(s.programs, p)
	s.mu.Unlock()
}
