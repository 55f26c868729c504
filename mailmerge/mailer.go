package mailmerge

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"strings"
	"sync"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// Mailer sends account emails.
type Mailer interface {
	// Send delivers m or returns why not: a *SendError (see IsTemporary and Phase), or
	// ctx.Err() when ctx ended first.
	Send(ctx context.Context, m Message) error
	// Close ends the connection politely (QUIT).
	Close() error
}

// ErrMailerClosed is returned by Send after Close.
var ErrMailerClosed = errors.New("mailmerge: mailer closed")

var errAuthUnsupported = errors.New("server offers no authentication method we can use")

// NewSMTPMailer returns a Mailer that keeps one connection open across sends and
// reconnects when it is lost, so thousands of messages do not pay a TCP, TLS and AUTH
// handshake each. It does not connect until the first Send. The Mailer is safe for
// concurrent use; sends are serialized on the one connection.
func NewSMTPMailer(cfg SMTPConfig) (Mailer, error) {
	from, err := cfg.validate()
	if err != nil {
		return nil, err
	}
	s := &smtpMailer{cfg: cfg, from: from, domain: domainOf(from.Address)}
	opts := []gomail.Option{
		gomail.WithTimeout(cfg.timeout()),
		gomail.WithTLSConfig(cfg.tlsConfig()),
		gomail.WithDialContextFunc(s.dial),
	}
	switch cfg.Security {
	case SecurityNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	case SecurityStartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case SecurityTLS:
		opts = append(opts, gomail.WithSSL()) // our dial does the handshake
	}
	// The port goes last: go-mail's TLS options may reset it.
	opts = append(opts, gomail.WithPort(cfg.port()))
	client, err := gomail.NewClient(cfg.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidConfig, err)
	}
	s.dialer = client
	return s, nil
}

// dial opens the TCP (and, for SecurityTLS, TLS) connection and keeps the raw connection,
// so that cancelling a send can close it even while go-mail holds its own lock.
func (s *smtpMailer) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	if s.cfg.Security == SecurityTLS {
		tc := tls.Client(conn, s.cfg.tlsConfig())
		if err := tc.HandshakeContext(ctx); err != nil {
			_ = conn.Close()
			return nil, err
		}
		conn = tc
	}
	s.live.set(conn)
	if err := ctx.Err(); err != nil { // cancelled before set could see it
		_ = conn.Close()
		return nil, err
	}
	return conn, nil
}

// liveConn is the network connection in use, closed from another goroutine when a send is
// cancelled: go-mail's smtp.Client holds its lock while it waits for a reply, so closing the
// smtp.Client itself would wait too.
type liveConn struct {
	mu   sync.Mutex
	conn net.Conn
}

func (l *liveConn) set(c net.Conn) {
	l.mu.Lock()
	l.conn = c
	l.mu.Unlock()
}

func (l *liveConn) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.conn != nil {
		_ = l.conn.Close()
	}
}

type smtpMailer struct {
	cfg    SMTPConfig
	from   *mail.Address
	dialer *gomail.Client // greets and upgrades to TLS through dial; we drive the rest
	domain string         // for Message-IDs

	mu     sync.Mutex
	conn   *smtp.Client // nil when not connected
	live   liveConn     // conn's network connection
	used   bool         // conn already carried a message: it may have gone stale
	closed bool
}

// String describes the mailer without secrets, should one end up in a log.
func (s *smtpMailer) String() string { return "SMTP mailer (" + s.cfg.String() + ")" }

// Send implements Mailer.
func (s *smtpMailer) Send(ctx context.Context, m Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrMailerClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	msg, err := s.buildMsg(m)
	if err != nil {
		return &SendError{Phase: PhaseMessage, Recipient: m.To, Err: err}
	}
	// Cancelling ctx closes the connection, which unblocks any read or write in progress.
	stop := context.AfterFunc(ctx, s.live.close)
	defer stop()
	reused := s.conn != nil && s.used
	err = s.sendOnce(ctx, msg, m.To)
	var se *SendError
	// A connection that carried earlier messages may have been dropped by the server while
	// idle. If it breaks before the server accepted anything, one fresh connection is tried.
	if reused && errors.As(err, &se) && se.Code == 0 && se.Phase == PhaseMail && ctx.Err() == nil {
		err = s.sendOnce(ctx, msg, m.To)
	}
	if cerr := ctx.Err(); cerr != nil && err != nil {
		return cerr
	}
	return err
}

// sendOnce runs one transaction, connecting first if needed. Any failure that may have
// left the connection in an unknown state drops it; the next send reconnects.
func (s *smtpMailer) sendOnce(ctx context.Context, msg *gomail.Msg, to string) error {
	if s.conn == nil {
		if err := s.connect(ctx); err != nil {
			return err
		}
	}
	conn := s.conn
	if err := conn.UpdateDeadline(s.cfg.timeout()); err != nil {
		s.drop()
		return classify(err, PhaseMail, to, s.cfg.Password)
	}
	err := s.transact(conn, msg, to)
	if err == nil {
		s.used = true
		return nil
	}
	if err.Code == 0 || err.Code == 421 || ctx.Err() != nil {
		s.drop() // lost, closing, or interrupted mid-command
	}
	return err
}

func (s *smtpMailer) transact(conn *smtp.Client, msg *gomail.Msg, to string) *SendError {
	fail := func(err error, phase Phase) *SendError {
		se := classify(err, phase, to, s.cfg.Password)
		if se.Code != 0 {
			// Clear any half-open transaction so the connection can carry the next message.
			if rerr := conn.Reset(); rerr != nil {
				s.drop()
			}
		}
		return se
	}
	if err := conn.Mail(s.from.Address); err != nil {
		return fail(err, PhaseMail)
	}
	if err := conn.Rcpt(to); err != nil {
		return fail(err, PhaseRcpt)
	}
	w, err := conn.Data()
	if err != nil {
		return fail(err, PhaseData)
	}
	if _, err := msg.WriteTo(w); err != nil {
		_ = w.Close()
		return fail(err, PhaseData)
	}
	if err := w.Close(); err != nil { // the server's verdict on the message
		return fail(err, PhaseData)
	}
	return nil
}

// connect dials, greets, upgrades to TLS as configured and authenticates.
func (s *smtpMailer) connect(ctx context.Context) error {
	conn, err := s.dialer.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return classify(err, PhaseConnect, "", s.cfg.Password)
	}
	if s.cfg.Username != "" {
		auth, err := s.chooseAuth(conn)
		if err == nil {
			err = conn.Auth(auth)
		}
		if err != nil {
			_ = conn.Close()
			return classify(err, PhaseAuth, "", s.cfg.Password)
		}
	}
	s.conn, s.used = conn, false
	return nil
}

// chooseAuth picks the strongest mechanism the server offers. PLAIN and LOGIN send the
// password itself, so they are used over TLS, or in clear only when the admin chose
// SecurityNone.
func (s *smtpMailer) chooseAuth(conn *smtp.Client) (smtp.Auth, error) {
	ok, list := conn.Extension("AUTH")
	if !ok {
		return nil, errAuthUnsupported
	}
	offered := make(map[string]bool)
	for _, m := range strings.Fields(strings.ToUpper(list)) {
		offered[m] = true
	}
	_, tlsErr := conn.GetTLSConnectionState()
	clearOK := tlsErr == nil || s.cfg.Security == SecurityNone
	user, pass := s.cfg.Username, s.cfg.Password
	switch {
	case offered["SCRAM-SHA-256"]:
		return smtp.ScramSHA256Auth(user, pass), nil
	case offered["SCRAM-SHA-1"]:
		return smtp.ScramSHA1Auth(user, pass), nil
	case offered["CRAM-MD5"]:
		return smtp.CRAMMD5Auth(user, pass), nil
	case offered["PLAIN"] && clearOK:
		return smtp.PlainAuth("", user, pass, s.cfg.Host, true), nil
	case offered["LOGIN"] && clearOK:
		return smtp.LoginAuth(user, pass, s.cfg.Host, true), nil
	}
	return nil, errAuthUnsupported
}

func (s *smtpMailer) drop() {
	if s.conn != nil {
		_ = s.conn.Close()
		s.conn = nil
	}
}

// Close says QUIT and closes the connection. Later sends fail with ErrMailerClosed.
func (s *smtpMailer) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if s.conn == nil {
		return nil
	}
	err := s.conn.Quit()
	s.drop() // Quit leaves the connection open when the server does not answer
	if err != nil {
		return classify(err, PhaseConnect, "", s.cfg.Password)
	}
	return nil
}

// buildMsg writes m as multipart/alternative (text, then HTML) with encoded headers.
func (s *smtpMailer) buildMsg(m Message) (*gomail.Msg, error) {
	msg := gomail.NewMsg() // UTF-8, quoted-printable; headers RFC 2047-encoded as needed
	if err := msg.FromFormat(s.from.Name, s.from.Address); err != nil {
		return nil, err
	}
	if err := msg.AddToFormat(m.ToName, m.To); err != nil {
		return nil, err
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(rand.Text() + "@" + s.domain)
	msg.SetDate()
	msg.SetUserAgent("Rollcall")
	// Account emails are machine-made: ask for no out-of-office replies (RFC 3834).
	msg.SetGenHeader(gomail.Header("Auto-Submitted"), "auto-generated")
	if m.Language != "" {
		msg.SetGenHeader(gomail.HeaderContentLang, string(m.Language))
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	return msg, nil
}

func domainOf(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 && i+1 < len(addr) {
		return addr[i+1:]
	}
	return "localhost"
}
