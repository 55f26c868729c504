package smtptest

import (
	"context"
	"errors"
	"net/smtp"
	"net/textproto"
	"strings"
	"testing"
	"time"
)

const raw = "From: a@example.org\r\nTo: b@example.org\r\nSubject: =?utf-8?q?Caf=C3=A9?=\r\n" +
	"Content-Language: fr\r\nMessage-ID: <1@example.org>\r\nMIME-Version: 1.0\r\n" +
	"Content-Type: multipart/alternative; boundary=XX\r\n\r\n" +
	"--XX\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nCaf=C3=A9 cr=C3=A8me\r\n" +
	"--XX\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Café</p>\r\n--XX--\r\n"

// send uses the standard library client, independent of the code under test elsewhere.
func send(s *Server, to string) error {
	return smtp.SendMail(s.Addr(), nil, "a@example.org", []string{to}, []byte(raw))
}

func TestRecordsParsedMessages(t *testing.T) {
	s := Start(t, Options{})
	if err := send(s, "b@example.org"); err != nil {
		t.Fatal(err)
	}
	msgs, err := s.WaitMessages(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	m := msgs[0]
	if m.ParseErr != nil || m.From != "a@example.org" || strings.Join(m.To, ",") != "b@example.org" {
		t.Fatalf("envelope/parse: %+v", m)
	}
	if m.Subject != "Café" || m.Language != "fr" || m.MessageID != "1@example.org" || m.ContentType != "multipart/alternative" {
		t.Errorf("headers: subject %q lang %q id %q type %q", m.Subject, m.Language, m.MessageID, m.ContentType)
	}
	if strings.TrimSpace(m.Text) != "Café crème" || strings.TrimSpace(m.HTML) != "<p>Café</p>" {
		t.Errorf("parts: %q / %q", m.Text, m.HTML)
	}
	if s.Connections() != 1 {
		t.Errorf("connections = %d", s.Connections())
	}
}

func TestScriptedFailures(t *testing.T) {
	s := Start(t, Options{})
	s.RejectRecipient("Busy@example.org", 451, "")
	var tp *textproto.Error
	if err := send(s, "busy@example.org"); !errors.As(err, &tp) || tp.Code != 451 || !strings.HasPrefix(tp.Msg, "4.3.0") {
		t.Errorf("rejected recipient: err = %v", err)
	}
	s.AcceptRecipient("busy@example.org")
	s.FailNext(1, 550, "")
	if err := send(s, "busy@example.org"); !errors.As(err, &tp) || tp.Code != 550 {
		t.Errorf("FailNext: err = %v", err)
	}
	if err := send(s, "busy@example.org"); err != nil {
		t.Errorf("after faults: %v", err)
	}
	if n := len(s.Messages()); n != 1 {
		t.Errorf("%d messages recorded, want 1", n)
	}
}

func TestKillAndRestartOnSamePort(t *testing.T) {
	s := Start(t, Options{})
	port := s.Port()
	s.KillAfter(2)
	for i := range 3 {
		err := send(s, "b@example.org")
		if (err != nil) != (i == 2) {
			t.Fatalf("message %d: err = %v", i, err)
		}
	}
	if s.Running() || len(s.Messages()) != 2 {
		t.Fatalf("running %v, %d messages; want killed after 2", s.Running(), len(s.Messages()))
	}
	if err := send(s, "b@example.org"); err == nil {
		t.Fatal("sent to a killed server")
	}
	if err := s.Restart(); err != nil {
		t.Fatal(err)
	}
	if s.Port() != port {
		t.Errorf("restarted on %d, want %d", s.Port(), port)
	}
	if err := send(s, "b@example.org"); err != nil {
		t.Fatal(err)
	}
	if n := len(s.Messages()); n != 3 {
		t.Errorf("%d messages, want 3 (kept across restart)", n)
	}
}

func TestStopRightAfterStart(t *testing.T) {
	for range 20 { // the listener must close even before Serve registered it
		s, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Start(); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		if err := s.Stop(ctx); err != nil {
			t.Fatal(err)
		}
		cancel()
		s.Kill() // a second stop is a no-op
	}
}

func TestAuthRequired(t *testing.T) {
	s := Start(t, Options{Username: "u", Password: "p"})
	err := send(s, "b@example.org")
	if err == nil || !strings.Contains(err.Error(), "530") && !strings.Contains(err.Error(), "502") {
		t.Errorf("unauthenticated MAIL: err = %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := s.WaitMessages(ctx, 1); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("WaitMessages: err = %v", err)
	}
}
