package mailmerge

import (
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net/mail"
	"strings"
	"time"
)

// Security is how the connection to the SMTP server is protected.
type Security uint8

// The connection security modes.
const (
	// SecurityNone sends in clear text: only for a relay on the same machine or network. With
	// a Username, the password then travels in clear too (the admin's explicit choice).
	SecurityNone Security = iota
	// SecurityStartTLS connects in clear and must upgrade with STARTTLS (port 587).
	SecurityStartTLS
	// SecurityTLS connects over TLS from the first byte (port 465).
	SecurityTLS
)

// String returns "none", "starttls" or "tls".
func (s Security) String() string {
	switch s {
	case SecurityNone:
		return "none"
	case SecurityStartTLS:
		return "starttls"
	case SecurityTLS:
		return "tls"
	}
	return fmt.Sprintf("Security(%d)", uint8(s))
}

// ParseSecurity reads what String writes, plus "ssl" for TLS and "" for none.
func ParseSecurity(s string) (Security, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "none", "plain":
		return SecurityNone, true
	case "starttls":
		return SecurityStartTLS, true
	case "tls", "ssl", "smtps":
		return SecurityTLS, true
	}
	return 0, false
}

// defaultPort is the usual submission port of each mode.
func (s Security) defaultPort() int {
	switch s {
	case SecurityStartTLS:
		return 587
	case SecurityTLS:
		return 465
	}
	return 25
}

// SMTPConfig says how to reach the SMTP server. Its String, GoString, Format and LogValue
// methods never show the password, so a config can be logged or wrapped in an error.
// (encoding/json is not redacted: persisting the config is the caller's business.)
type SMTPConfig struct {
	Host     string
	Port     int // 0: the usual port of Security (25, 587, 465)
	Security Security
	Username string // empty: no authentication
	Password string
	// From is the sender: "Name <address>" or a bare address. It is the envelope sender and
	// the From header.
	From string
	// Timeout bounds connecting and each command; 0 means 30 seconds.
	Timeout time.Duration
	// TLSConfig, if set, replaces the default (system roots, server name = Host), for a relay
	// with a private certificate authority.
	TLSConfig *tls.Config
}

// ErrInvalidConfig is wrapped by NewSMTPMailer's configuration errors.
var ErrInvalidConfig = errors.New("mailmerge: invalid SMTP configuration")

func (c SMTPConfig) validate() (*mail.Address, error) {
	if strings.TrimSpace(c.Host) == "" {
		return nil, fmt.Errorf("%w: no host", ErrInvalidConfig)
	}
	if c.Port < 0 || c.Port > 65535 {
		return nil, fmt.Errorf("%w: port %d", ErrInvalidConfig, c.Port)
	}
	if c.Security > SecurityTLS {
		return nil, fmt.Errorf("%w: security %d", ErrInvalidConfig, c.Security)
	}
	from, err := mail.ParseAddress(c.From)
	if err != nil {
		return nil, fmt.Errorf("%w: from %q: %v", ErrInvalidConfig, c.From, err)
	}
	return from, nil
}

func (c SMTPConfig) port() int {
	if c.Port == 0 {
		return c.Security.defaultPort()
	}
	return c.Port
}

func (c SMTPConfig) timeout() time.Duration {
	if c.Timeout <= 0 {
		return 30 * time.Second
	}
	return c.Timeout
}

// tlsConfig returns TLSConfig or the default, with the server name set to Host.
func (c SMTPConfig) tlsConfig() *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if c.TLSConfig != nil {
		cfg = c.TLSConfig.Clone()
	}
	if cfg.ServerName == "" {
		cfg.ServerName = c.Host
	}
	return cfg
}

func (c SMTPConfig) redactedPassword() string {
	if c.Password == "" {
		return ""
	}
	return "[redacted]"
}

// String describes the config without the password.
func (c SMTPConfig) String() string {
	return fmt.Sprintf("smtp %s:%d security=%s user=%q password=%s from=%q timeout=%s",
		c.Host, c.port(), c.Security, c.Username, c.redactedPassword(), c.From, c.timeout())
}

// GoString is String for %#v.
func (c SMTPConfig) GoString() string { return "mailmerge.SMTPConfig{" + c.String() + "}" }

// Format makes every fmt verb (%v, %+v, %s, %q, %#v) go through the redacted forms.
func (c SMTPConfig) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		fmt.Fprint(f, c.GoString())
	case verb == 'q':
		fmt.Fprintf(f, "%q", c.String())
	default:
		fmt.Fprint(f, c.String())
	}
}

// LogValue gives slog the config without the password.
func (c SMTPConfig) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("host", c.Host), slog.Int("port", c.port()),
		slog.String("security", c.Security.String()), slog.String("username", c.Username),
		slog.String("password", c.redactedPassword()), slog.String("from", c.From),
		slog.Duration("timeout", c.timeout()),
	)
}
