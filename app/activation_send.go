package app

import (
	"context"
	"time"

	"rollcall/mailmerge"
	"rollcall/model"
)

// ResetResult is a reset code issued for a person. When it was emailed to them, Code is empty
// (nobody else needs to see it); otherwise the admin hands it over.
type ResetResult struct {
	ResetCode
	Emailed bool
}

// SendResetCode issues a reset code (IssueResetCode) and, when SMTP and the activation address
// are configured and the person has an email, sends it to them in the password-reset email.
// If sending fails the code is returned instead, with the error, so the admin is never stuck.
func (s *Session) SendResetCode(ctx context.Context, login string, opts MergeOptions, dryRun bool) (_ ResetResult, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.sendResetCode(ctx, admin, login, opts, dryRun)
}

func (a *App) sendResetCode(ctx context.Context, admin model.Admin, login string, opts MergeOptions, dryRun bool) (ResetResult, error) {
	rc, err := a.issueResetCode(ctx, admin, login, dryRun)
	if err != nil || dryRun {
		return ResetResult{ResetCode: rc}, err
	}
	res := ResetResult{ResetCode: rc}
	m, err := a.newMerger(ctx, admin.Language, opts, "", []model.ID{rc.User.OrgID})
	if err != nil {
		return res, err
	}
	if !m.settings.SMTPConfigured() || m.noBase || rc.User.Email == "" {
		return res, nil
	}
	msg, err := m.message(m.card(&rc.User), rc.Code)
	if err != nil {
		return res, err
	}
	mailer, err := mailmerge.NewSMTPMailer(m.settings.SMTPConfig())
	if err != nil {
		return res, err
	}
	defer func() { _ = mailer.Close() }()
	err = mailmerge.Retry(ctx, 3, mailmerge.ExponentialBackoff(500*time.Millisecond, 2*time.Second),
		func() error { return mailer.Send(ctx, msg) })
	if err != nil {
		return res, err
	}
	res.Emailed, res.Code = true, ""
	return res, nil
}
