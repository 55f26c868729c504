package mailmerge

import (
	"bytes"
	"errors"
	"fmt"
	"net/mail"
	"strings"

	"rollcall/model"
)

// Message is one account email, ready for a Mailer.
type Message struct {
	To       string // the recipient's address
	ToName   string // the recipient's name, for the To header
	Language model.Language
	Subject  string // one line
	Text     string // the plain-text part
	HTML     string // the HTML part; both are sent as multipart/alternative
}

// ErrNoAddress is returned by BuildAccountMessage for a card without an email address.
var ErrNoAddress = model.NewError(model.KindInvalid, model.MsgNoAddress, "mailmerge: no email address")

// AddressError reports an email address that cannot be used.
type AddressError struct {
	Address string
	Err     error
}

// Error names the address and why it was refused.
func (e *AddressError) Error() string {
	return fmt.Sprintf("mailmerge: bad address %q: %v", e.Address, e.Err)
}

// Unwrap returns the parser's error.
func (e *AddressError) Unwrap() error { return e.Err }

// Kind: an address one cannot send to is invalid input (exit code 3).
func (e *AddressError) ErrorKind() model.Kind { return model.KindInvalid }

// Message names the address.
func (e *AddressError) ErrorMessage() model.Message {
	return model.Message{ID: model.MsgAddress, Args: []any{e.Address}}
}

// BuildAccountMessage fills the email templates of c's language (tpl nil: the defaults).
// A not-activated account gets its login, activation code and how to activate; an activated
// one gets the password-reset procedure with c.ResetURL and, if set, c.ResetCode. from is
// the signature the templates show as {{.From}} (the sender the admin configured); an empty
// from signs with the organization name.
func BuildAccountMessage(tpl *Templates, c Card, from string) (Message, error) {
	addr := strings.TrimSpace(c.Email)
	if addr == "" {
		return Message{}, ErrNoAddress.With(c.Login)
	}
	parsed, err := mail.ParseAddress(addr)
	if err == nil && parsed.Address != addr {
		err = errors.New("want a bare address")
	}
	if err != nil {
		return Message{}, &AddressError{Address: addr, Err: err}
	}
	if tpl == nil {
		tpl = DefaultTemplates()
	}
	set, lang := tpl.forLanguage(c.Language)
	d := newTemplateData(c, lang, from, true)
	m := Message{To: addr, ToName: c.FullName, Language: lang}
	var buf bytes.Buffer
	if err := set.execSubject(&buf, &d); err != nil {
		return Message{}, err
	}
	// One line: a newline from a template must not become a header break.
	m.Subject = collapseSpace(buf.String())
	buf.Reset()
	if err := set.execText(&buf, &d); err != nil {
		return Message{}, err
	}
	m.Text = buf.String()
	buf.Reset()
	if err := set.execHTML(&buf, &d); err != nil {
		return Message{}, err
	}
	m.HTML = buf.String()
	return m, nil
}
