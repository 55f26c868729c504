package app

import (
	"context"
	"time"

	"rollcall/mailmerge"
	"rollcall/model"
)

// NotifierTexts write the admins' account emails in a language: the faces build them from
// their catalogue, as app writes no prose. Each returns the subject and the plain text.
type NotifierTexts struct {
	Verification func(lang model.Language, code string) (subject, text string)
	Invitation   func(lang model.Language, inv InvitationMail) (subject, text string)
	// AdminReset is the email of an admin's own password-reset code.
	AdminReset func(lang model.Language, code string) (subject, text string)
}

// MailNotifier is the Notifier (and InviteNotifier) that emails verification codes and
// invitations through the SMTP server of a school: the inviting school for an invitation, the
// admin's first school with SMTP for their own codes. It reads the settings at each send, so
// configuring SMTP takes effect at once; without them (an admin of no school yet) a send fails
// with model.ErrNoSMTP and the app shows the code instead.
type MailNotifier struct {
	app   *App
	texts NotifierTexts
}

// An App given Options.MailTexts (and no Notifier) builds its MailNotifier itself, as the
// notifier reads the schools' settings through it.

var (
	_ Notifier           = (*MailNotifier)(nil)
	_ InviteNotifier     = (*MailNotifier)(nil)
	_ AdminResetNotifier = (*MailNotifier)(nil)
)

// SendAdminReset emails an admin a code to reset their password, through the SMTP server of
// one of their schools.
func (n *MailNotifier) SendAdminReset(ctx context.Context, to string, lang model.Language, code string) error {
	if n.texts.AdminReset == nil {
		return model.ErrNoSMTP
	}
	ad, err := n.app.store.AdminByEmail(ctx, model.NormalizeEmail(to))
	if err != nil {
		return err
	}
	subject, text := n.texts.AdminReset(lang, code)
	return n.send(ctx, ad.OrgIDs, mailmerge.Message{To: to, Language: lang, Subject: subject, Text: text})
}

// SendVerification emails an admin their verification code.
func (n *MailNotifier) SendVerification(ctx context.Context, to string, lang model.Language, code string) error {
	if n.texts.Verification == nil {
		return model.ErrNoSMTP
	}
	subject, text := n.texts.Verification(lang, code)
	var orgs []model.ID
	if ad, err := n.app.store.AdminByEmail(ctx, model.NormalizeEmail(to)); err == nil {
		orgs = ad.OrgIDs
	}
	return n.send(ctx, orgs, mailmerge.Message{To: to, Language: lang, Subject: subject, Text: text})
}

// SendInvitation emails an invitation to administer an organization.
func (n *MailNotifier) SendInvitation(ctx context.Context, to string, lang model.Language, inv InvitationMail) error {
	if n.texts.Invitation == nil {
		return model.ErrNoSMTP
	}
	subject, text := n.texts.Invitation(lang, inv)
	return n.send(ctx, []model.ID{inv.OrgID}, mailmerge.Message{To: to, Language: lang, Subject: subject, Text: text})
}

// send delivers one message through the SMTP server of the first of orgs that has one, on a
// connection of its own, retrying a temporary failure twice.
func (n *MailNotifier) send(ctx context.Context, orgs []model.ID, m mailmerge.Message) error {
	var s MailSettings
	for _, org := range orgs {
		all, err := n.app.schoolSettings(ctx, org)
		if err != nil {
			return err
		}
		if all.Mail.SMTPConfigured() {
			s = all.Mail
			break
		}
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
