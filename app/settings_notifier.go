package app

import (
	"context"
	"time"

	"rollcall/mailmerge"
	"rollcall/model"
	"rollcall/storage"
)

// NotifierTexts write the admins' account emails in a language: the faces build them from
// their catalogue, as app writes no prose. Each returns the subject and the plain text.
type NotifierTexts struct {
	Verification func(lang model.Language, code string) (subject, text string)
	Invitation   func(lang model.Language, inv InvitationMail) (subject, text string)
}

// MailNotifier is the Notifier (and InviteNotifier) that emails verification codes and
// invitations through the SMTP server of the mail settings. It reads the settings at each
// send, so configuring SMTP takes effect at once; without them a send fails with
// model.ErrNoSMTP and the app shows the code instead.
type MailNotifier struct {
	store storage.Store
	texts NotifierTexts
}

// NewMailNotifier returns a notifier over the settings of store.
func NewMailNotifier(store storage.Store, texts NotifierTexts) *MailNotifier {
	return &MailNotifier{store: store, texts: texts}
}

var (
	_ Notifier       = (*MailNotifier)(nil)
	_ InviteNotifier = (*MailNotifier)(nil)
)

// SendVerification emails an admin their verification code.
func (n *MailNotifier) SendVerification(ctx context.Context, to string, lang model.Language, code string) error {
	if n.texts.Verification == nil {
		return model.ErrNoSMTP
	}
	subject, text := n.texts.Verification(lang, code)
	return n.send(ctx, mailmerge.Message{To: to, Language: lang, Subject: subject, Text: text})
}

// SendInvitation emails an invitation to administer an organization.
func (n *MailNotifier) SendInvitation(ctx context.Context, to string, lang model.Language, inv InvitationMail) error {
	if n.texts.Invitation == nil {
		return model.ErrNoSMTP
	}
	subject, text := n.texts.Invitation(lang, inv)
	return n.send(ctx, mailmerge.Message{To: to, Language: lang, Subject: subject, Text: text})
}

// send delivers one message on a connection of its own, retrying a temporary failure twice.
func (n *MailNotifier) send(ctx context.Context, m mailmerge.Message) error {
	s, err := loadMailSettings(ctx, n.store)
	if err != nil {
		return err
	}
	if !s.SMTPConfigured() {
		return model.ErrNoSMTP
	}
	mailer, err := mailmerge.NewSMTPMailer(s.SMTPConfig())
	if err != nil {
		return err
	}
	defer func() { _ = mailer.Close() }() // the message is accepted or not by now: QUIT changes nothing
	return mailmerge.Retry(ctx, 3, mailmerge.ExponentialBackoff(500*time.Millisecond, 2*time.Second),
		func() error { return mailer.Send(ctx, m) })
}
