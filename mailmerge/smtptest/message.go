package smtptest

import (
	"bytes"
	"io"
	"strings"
	"time"

	"github.com/emersion/go-message/mail"
)

// Message is one accepted message, parsed with go-message.
type Message struct {
	From string   // envelope sender (MAIL FROM)
	To   []string // envelope recipients (RCPT TO)
	Raw  []byte   // exactly what the client sent after DATA

	Header    mail.Header // all headers; Subject and addresses decode with its methods
	Subject   string      // decoded (RFC 2047)
	MessageID string      // without angle brackets
	Date      time.Time
	Language  string // Content-Language
	// ContentType is the top-level media type, such as "multipart/alternative".
	ContentType string
	Text, HTML  string // decoded bodies of the text/plain and text/html parts
	// ParseErr is set when the message could not be parsed; Raw is still there.
	ParseErr error
}

func parseMessage(from string, to []string, raw []byte) Message {
	m := Message{From: from, To: append([]string(nil), to...), Raw: raw}
	r, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		m.ParseErr = err
		return m
	}
	m.Header = r.Header
	m.Subject, _ = r.Header.Subject()
	m.MessageID, _ = r.Header.MessageID()
	m.Date, _ = r.Header.Date()
	m.Language = r.Header.Get("Content-Language")
	m.ContentType, _, _ = r.Header.ContentType()
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			m.ParseErr = err
			break
		}
		h, ok := p.Header.(*mail.InlineHeader)
		if !ok {
			continue
		}
		body, err := io.ReadAll(p.Body)
		if err != nil {
			m.ParseErr = err
			break
		}
		switch t, _, _ := h.ContentType(); {
		case strings.EqualFold(t, "text/plain"):
			m.Text = string(body)
		case strings.EqualFold(t, "text/html"):
			m.HTML = string(body)
		}
	}
	return m
}
