package mailmerge

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"rollcall/mailmerge/smtptest"
	"rollcall/model"
)

func newTestMailer(t testing.TB, srv *smtptest.Server, mut func(*SMTPConfig)) Mailer {
	t.Helper()
	cfg := SMTPConfig{Host: srv.Host(), Port: srv.Port(), From: "Service informatique <it@college.example>", Timeout: 5 * time.Second}
	if mut != nil {
		mut(&cfg)
	}
	m, err := NewSMTPMailer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Close() })
	return m
}

func mustMessage(t testing.TB, c Card) Message {
	t.Helper()
	m, err := BuildAccountMessage(nil, c, "Le service informatique")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSendAndParseBothVariants sends the four kinds of account email and reads each back
// as a mail client would: MIME structure, decoded headers, both parts, language, variant.
func TestSendAndParseBothVariants(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t, smtptest.Options{})
	mailer := newTestMailer(t, srv, nil)
	cards := []Card{testCard(0), testCard(1), testCard(2), testCard(5)} // fr new, en new, fr activated, en activated
	cards[2].ResetCode = "PQRSTVWX"
	ctx := context.Background()
	for _, c := range cards {
		if err := mailer.Send(ctx, mustMessage(t, c)); err != nil {
			t.Fatalf("send to %s: %v", c.Email, err)
		}
	}
	got := srv.Messages()
	if len(got) != len(cards) {
		t.Fatalf("%d messages received, want %d", len(got), len(cards))
	}
	for i, c := range cards {
		checkReceived(t, got[i], c)
	}
	if n := srv.Connections(); n != 1 {
		t.Errorf("%d connections for %d messages, want 1", n, len(cards))
	}
}

func checkReceived(t *testing.T, m smtptest.Message, c Card) {
	t.Helper()
	if m.ParseErr != nil {
		t.Fatalf("%s: unparsable message: %v\n%s", c.Email, m.ParseErr, m.Raw)
	}
	if len(m.To) != 1 || m.To[0] != c.Email || m.From != "it@college.example" {
		t.Errorf("envelope %s -> %v, want it@college.example -> %s", m.From, m.To, c.Email)
	}
	to, err := m.Header.AddressList("To")
	if err != nil || len(to) != 1 || to[0].Name != c.FullName || to[0].Address != c.Email {
		t.Errorf("To header %v (%v), want %q <%s>", to, err, c.FullName, c.Email)
	}
	from, _ := m.Header.AddressList("From")
	if len(from) != 1 || from[0].Name != "Service informatique" {
		t.Errorf("From header %v", from)
	}
	if m.ContentType != "multipart/alternative" || m.Text == "" || m.HTML == "" {
		t.Errorf("content type %q, text %d bytes, html %d bytes", m.ContentType, len(m.Text), len(m.HTML))
	}
	if !strings.HasSuffix(m.MessageID, "@college.example") || time.Since(m.Date) > time.Minute {
		t.Errorf("Message-ID %q, Date %v", m.MessageID, m.Date)
	}
	if m.Language != string(c.Language) {
		t.Errorf("Content-Language %q, want %q", m.Language, c.Language)
	}
	fr := c.Language == model.French
	var subject string
	var want, unwanted []string
	switch {
	case c.Activated && fr:
		subject, want = "Votre compte Collège Émile Zola : mot de passe oublié", []string{c.ResetURL, model.FormatCode(c.ResetCode), c.Login}
		unwanted = []string{"Code d’activation"}
	case c.Activated:
		subject, want = "Your Collège Émile Zola account: forgotten password", []string{c.ResetURL, c.Login}
		unwanted = []string{"Activation code"}
	case fr:
		subject, want = "Votre compte Collège Émile Zola : identifiant et code d’activation", []string{c.Login, model.FormatCode(c.ActivationCode), c.ActivationURL}
	default:
		subject, want = "Your Collège Émile Zola account: login and activation code", []string{c.Login, model.FormatCode(c.ActivationCode), c.ActivationURL}
	}
	if m.Subject != subject {
		t.Errorf("subject %q, want %q", m.Subject, subject)
	}
	if !strings.Contains(string(m.Raw), "=?") { // accents in headers must be RFC 2047 encoded
		t.Errorf("no encoded word in headers:\n%s", m.Raw)
	}
	for _, w := range append(want, c.FullName, "Le service informatique") {
		if !strings.Contains(m.Text, w) || !strings.Contains(m.HTML, w) {
			t.Errorf("%s: %q missing from text or HTML part", c.Email, w)
		}
	}
	for _, u := range unwanted {
		if strings.Contains(m.Text, u) || strings.Contains(m.HTML, u) {
			t.Errorf("%s: %q in the wrong variant", c.Email, u)
		}
	}
}

// TestErrorClassification: 4xx is temporary, 5xx permanent, both for the recipient only,
// and the connection goes on carrying the next messages.
func TestErrorClassification(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t, smtptest.Options{})
	mailer := newTestMailer(t, srv, nil)
	ctx := context.Background()
	busy, gone, fine := testCard(0), testCard(1), testCard(3)
	srv.RejectRecipient(busy.Email, 451, "Try again later")
	srv.RejectRecipient(gone.Email, 550, "No such user")

	for _, tc := range []struct {
		card      Card
		code      int
		temporary bool
	}{{busy, 451, true}, {gone, 550, false}} {
		err := mailer.Send(ctx, mustMessage(t, tc.card))
		var se *SendError
		if !errors.As(err, &se) {
			t.Fatalf("err = %v, want *SendError", err)
		}
		if se.Code != tc.code || se.Temporary != tc.temporary || se.Phase != PhaseRcpt || se.Recipient != tc.card.Email {
			t.Errorf("got %+v, want code %d temporary %v in RCPT for %s", *se, tc.code, tc.temporary, tc.card.Email)
		}
		if IsTemporary(err) != tc.temporary || !strings.Contains(se.Reply, "5.1.1") == (tc.code == 550) {
			t.Errorf("IsTemporary/Reply wrong for %v", err)
		}
	}
	if err := mailer.Send(ctx, mustMessage(t, fine)); err != nil {
		t.Fatalf("send after rejections: %v", err)
	}
	srv.FailNext(1, 452, "Out of storage") // the next MAIL FROM
	err := mailer.Send(ctx, mustMessage(t, fine))
	if se := (*SendError)(nil); !errors.As(err, &se) || se.Phase != PhaseMail || se.Code != 452 || !se.Temporary {
		t.Errorf("FailNext: err = %v, want temporary 452 at MAIL FROM", err)
	}
	if err := mailer.Send(ctx, mustMessage(t, fine)); err != nil {
		t.Fatal(err)
	}
	if n, m := srv.Connections(), len(srv.Messages()); n != 1 || m != 2 {
		t.Errorf("%d connections, %d messages; want 1 and 2", n, m)
	}
}

// TestReconnect: a server that dies and comes back is reconnected to without the caller
// noticing; one that stays down gives a temporary error.
func TestReconnect(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t, smtptest.Options{})
	mailer := newTestMailer(t, srv, nil)
	ctx := context.Background()
	srv.KillAfter(3)
	var failed []int
	for i := range 5 {
		if err := mailer.Send(ctx, mustMessage(t, testCard(i))); err != nil {
			if !IsTemporary(err) {
				t.Fatalf("message %d: %v is not temporary", i, err)
			}
			failed = append(failed, i)
		}
	}
	if fmt.Sprint(failed) != "[3 4]" || len(srv.Messages()) != 3 || srv.Running() {
		t.Fatalf("failed %v, %d received, running %v; want [3 4], 3, false", failed, len(srv.Messages()), srv.Running())
	}
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	for _, i := range failed {
		if err := mailer.Send(ctx, mustMessage(t, testCard(i))); err != nil {
			t.Fatalf("resend %d after restart: %v", i, err)
		}
	}
	if len(srv.Messages()) != 5 || srv.Connections() != 2 {
		t.Errorf("%d messages over %d connections, want 5 over 2", len(srv.Messages()), srv.Connections())
	}
	srv.FailNext(1, 421, "Closing") // 421: the server is going away, reconnect
	if err := mailer.Send(ctx, mustMessage(t, testCard(6))); !IsTemporary(err) {
		t.Errorf("421: err = %v, want temporary", err)
	}
	if err := mailer.Send(ctx, mustMessage(t, testCard(6))); err != nil || srv.Connections() != 3 {
		t.Errorf("after 421: err %v, %d connections; want nil, 3", err, srv.Connections())
	}
	// A server restarted between two sends (or one that dropped an idle connection): the
	// stale connection fails before anything is accepted and is replaced silently.
	srv.Kill()
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	if err := mailer.Send(ctx, mustMessage(t, testCard(7))); err != nil || srv.Connections() != 4 {
		t.Errorf("after restart: err %v, %d connections; want nil, 4", err, srv.Connections())
	}
}

func TestAuthAndPasswordRedaction(t *testing.T) {
	t.Parallel()
	const password = "s3cret-Passw0rd"
	srv := smtptest.Start(t, smtptest.Options{Username: "relay", Password: password, TLS: true})
	withAuth := func(pass string) func(*SMTPConfig) {
		return func(c *SMTPConfig) {
			c.Security, c.Username, c.Password, c.TLSConfig = SecurityStartTLS, "relay", pass, srv.ClientTLSConfig()
		}
	}
	ctx := context.Background()
	if err := newTestMailer(t, srv, withAuth(password)).Send(ctx, mustMessage(t, testCard(0))); err != nil {
		t.Fatalf("STARTTLS + AUTH: %v", err)
	}
	wrong := "wrong-" + password
	err := newTestMailer(t, srv, withAuth(wrong)).Send(ctx, mustMessage(t, testCard(1)))
	var se *SendError
	if !errors.As(err, &se) || se.Phase != PhaseAuth || se.Code != 535 || se.Temporary {
		t.Fatalf("wrong password: err = %v, want permanent 535 at AUTH", err)
	}
	cfg := SMTPConfig{Host: "smtp.example", Username: "relay", Password: wrong, From: "it@example.org"}
	mailer, _ := NewSMTPMailer(cfg)
	for _, s := range []string{
		err.Error(), fmt.Sprint(err), fmt.Sprintf("%+v", err),
		cfg.String(), fmt.Sprint(cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg), fmt.Sprintf("%q", cfg),
		fmt.Sprintf("%v", &cfg), fmt.Sprintf("%+v", struct{ C SMTPConfig }{cfg}), fmt.Sprint(mailer), logged(cfg),
	} {
		if strings.Contains(s, password) {
			t.Errorf("password in %q", s)
		}
	}
	if !strings.Contains(cfg.String(), "[redacted]") {
		t.Errorf("String %q does not say a password is set", cfg.String())
	}
}

func TestImplicitTLS(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t, smtptest.Options{ImplicitTLS: true})
	ctx := context.Background()
	trusting := newTestMailer(t, srv, func(c *SMTPConfig) { c.Security, c.TLSConfig = SecurityTLS, srv.ClientTLSConfig() })
	if err := trusting.Send(ctx, mustMessage(t, testCard(0))); err != nil {
		t.Fatalf("TLS: %v", err)
	}
	// The system roots do not know the test certificate: a configuration error, not a retry.
	untrusting := newTestMailer(t, srv, func(c *SMTPConfig) { c.Security = SecurityTLS })
	err := untrusting.Send(ctx, mustMessage(t, testCard(0)))
	if se := (*SendError)(nil); !errors.As(err, &se) || se.Phase != PhaseConnect || se.Temporary {
		t.Errorf("untrusted certificate: err = %v, want permanent connect error", err)
	}
}

func TestSendCancelledAndClosed(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t, smtptest.Options{})
	mailer := newTestMailer(t, srv, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := mailer.Send(ctx, mustMessage(t, testCard(0))); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
	if err := mailer.Close(); err != nil {
		t.Fatal(err)
	}
	if err := mailer.Send(context.Background(), mustMessage(t, testCard(0))); !errors.Is(err, ErrMailerClosed) {
		t.Errorf("after Close: err = %v", err)
	}
}

func TestBadConfigAndAddress(t *testing.T) {
	t.Parallel()
	for _, cfg := range []SMTPConfig{{From: "a@b.c"}, {Host: "h", From: "not an address"}, {Host: "h", From: "a@b.c", Port: 70000}} {
		if _, err := NewSMTPMailer(cfg); !errors.Is(err, ErrInvalidConfig) {
			t.Errorf("%v: err = %v, want ErrInvalidConfig", cfg, err)
		}
	}
	c := testCard(0)
	c.Email = ""
	if _, err := BuildAccountMessage(nil, c, ""); !errors.Is(err, ErrNoAddress) {
		t.Errorf("no address: err = %v", err)
	}
	c.Email = "Zoé <zoe@example.org>"
	var ae *AddressError
	if _, err := BuildAccountMessage(nil, c, ""); !errors.As(err, &ae) {
		t.Errorf("display-name address: err = %v", err)
	}
}

func TestRetry(t *testing.T) {
	t.Parallel()
	temp, perm := &SendError{Code: 451, Temporary: true}, &SendError{Code: 550}
	noWait := func(int) time.Duration { return 0 }
	for _, tc := range []struct {
		results []error
		want    error
		calls   int
	}{
		{[]error{temp, temp, nil}, nil, 3},
		{[]error{temp, perm, nil}, perm, 2},
		{[]error{temp, temp, temp, temp}, temp, 3},
	} {
		calls := 0
		err := Retry(context.Background(), 3, noWait, func() error { calls++; return tc.results[calls-1] })
		if err != tc.want || calls != tc.calls {
			t.Errorf("%v: err %v after %d calls, want %v after %d", tc.results, err, calls, tc.want, tc.calls)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	err := Retry(ctx, 5, func(int) time.Duration { cancel(); return time.Hour }, func() error { return temp })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled while waiting: err = %v", err)
	}
	b := ExponentialBackoff(time.Second, 5*time.Second)
	if got := fmt.Sprint(b(1), b(2), b(3), b(4), b(10)); got != "1s 2s 4s 5s 5s" {
		t.Errorf("backoff %s", got)
	}
}

// TestSecurityChoices: STARTTLS demanded from a server without it is a configuration error
// (permanent); SecurityNone with a password authenticates in clear, as the admin chose.
func TestSecurityChoices(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	plain := smtptest.Start(t, smtptest.Options{})
	err := newTestMailer(t, plain, func(c *SMTPConfig) { c.Security = SecurityStartTLS }).Send(ctx, mustMessage(t, testCard(0)))
	if se := (*SendError)(nil); !errors.As(err, &se) || se.Phase != PhaseConnect || se.Temporary {
		t.Errorf("STARTTLS unavailable: err = %v, want permanent connect error", err)
	}
	withAuth := smtptest.Start(t, smtptest.Options{Username: "relay", Password: "relay-pass"})
	m := newTestMailer(t, withAuth, func(c *SMTPConfig) { c.Username, c.Password = "relay", "relay-pass" })
	if err := m.Send(ctx, mustMessage(t, testCard(0))); err != nil {
		t.Errorf("clear-text AUTH with SecurityNone: %v", err)
	}
}
