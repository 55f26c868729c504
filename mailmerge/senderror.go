package mailmerge

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/textproto"
	"strings"

	"rollcall/model"
)

// Phase is the step of an SMTP exchange that failed.
type Phase uint8

// The phases of sending. Failures in PhaseConnect, PhaseAuth and PhaseMail concern every
// message (server down, wrong password, sender refused): a campaign should pause or stop
// rather than mark recipients failed. PhaseRcpt and PhaseData failures concern this
// recipient. PhaseMessage is a message that could not be built (a bad address).
const (
	PhaseConnect Phase = iota
	PhaseAuth
	PhaseMail
	PhaseRcpt
	PhaseData
	PhaseMessage
)

// String names the phase after its SMTP command.
func (p Phase) String() string {
	switch p {
	case PhaseConnect:
		return "connect"
	case PhaseAuth:
		return "AUTH"
	case PhaseMail:
		return "MAIL FROM"
	case PhaseRcpt:
		return "RCPT TO"
	case PhaseData:
		return "DATA"
	case PhaseMessage:
		return "message"
	}
	return fmt.Sprintf("Phase(%d)", uint8(p))
}

// SendError is why a message was not sent.
type SendError struct {
	// Code is the SMTP reply code (421, 451, 550, 535, ...); 0 when the failure was not a
	// server reply (connection refused or lost, TLS failure, bad address).
	Code int
	// Reply is the server's reply text, enhanced status code included ("5.1.1 No such user").
	Reply string
	// Temporary is true when trying again later may succeed: 4xx replies and lost or refused
	// connections. 5xx replies, TLS verification failures and bad addresses are permanent.
	Temporary bool
	Phase     Phase
	Recipient string
	// Err is the underlying error: a network or TLS error, or nil for a server reply (whose
	// content is Code and Reply).
	Err error
}

// Error reads like "smtp RCPT TO <a@b.c>: 550 5.1.1 No such user (permanent)".
func (e *SendError) Error() string {
	kind := "permanent"
	if e.Temporary {
		kind = "temporary"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "smtp %s", e.Phase)
	if e.Recipient != "" {
		fmt.Fprintf(&b, " <%s>", e.Recipient)
	}
	switch {
	case e.Code != 0:
		fmt.Fprintf(&b, ": %d %s", e.Code, e.Reply)
	case e.Err != nil:
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	fmt.Fprintf(&b, " (%s)", kind)
	return b.String()
}

// Unwrap returns Err.
func (e *SendError) Unwrap() error { return e.Err }

// Kind: the SMTP server failed or refused (exit code 6, as a paused campaign).
func (e *SendError) ErrorKind() model.Kind { return model.KindUnavailable }

// Message tells what failed in the server's words.
func (e *SendError) ErrorMessage() model.Message {
	return model.Message{ID: model.MsgSend, Args: []any{e.Error()}}
}

// IsTemporary reports whether err is a *SendError worth retrying.
func IsTemporary(err error) bool {
	var se *SendError
	return errors.As(err, &se) && se.Temporary
}

// classify turns what the SMTP client returned into a *SendError. secret (the password) is
// scrubbed from anything kept, in case a server or library ever echoes it.
func classify(err error, phase Phase, rcpt, secret string) *SendError {
	se := &SendError{Phase: phase, Recipient: rcpt}
	var tp *textproto.Error
	if errors.As(err, &tp) {
		se.Code, se.Reply = tp.Code, scrub(tp.Msg, secret)
		se.Temporary = tp.Code >= 400 && tp.Code < 500
		return se
	}
	se.Err = scrubbedError(err, secret)
	se.Temporary = !permanentTransportError(err)
	return se
}

// permanentTransportError spots failures that retrying cannot fix: the server's certificate
// is not trusted, or the server cannot do what the configuration demands.
func permanentTransportError(err error) bool {
	var cv *tls.CertificateVerificationError
	var ua x509.UnknownAuthorityError
	var hn x509.HostnameError
	var ci x509.CertificateInvalidError
	if errors.As(err, &cv) || errors.As(err, &ua) || errors.As(err, &hn) || errors.As(err, &ci) {
		return true
	}
	return errors.Is(err, errAuthUnsupported) || strings.Contains(err.Error(), "does not support STARTTLS")
}

// scrub hides secret in s. Very short secrets are left alone: replacing every "a" would
// garble messages while protecting nothing.
func scrub(s, secret string) string {
	if len(secret) < 4 {
		return s
	}
	return strings.ReplaceAll(s, secret, "[redacted]")
}

func scrubbedError(err error, secret string) error {
	if len(secret) < 4 || !strings.Contains(err.Error(), secret) {
		return err
	}
	return errors.New(scrub(err.Error(), secret)) // the original cannot be kept: it holds the secret
}
