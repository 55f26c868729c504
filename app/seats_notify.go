package app

import (
	"context"

	"rollcall/mailmerge"
	"rollcall/model"
)

// seatMailer returns what new seat holders are emailed through: the options' mailer, else one
// on the SMTP server of the school's mail settings (closed by done); nil when neither is set or
// the faces gave no notice text.
func (a *App) seatMailer(ctx context.Context, org model.ID) (m SeatMailer, done func(), err error) {
	switch {
	case a.lic.opts.Notice == nil:
		return nil, nil, nil
	case a.lic.opts.Mailer != nil:
		return a.lic.opts.Mailer, func() {}, nil
	}
	s, err := a.schoolSettings(ctx, org)
	if err != nil || !s.Mail.SMTPConfigured() {
		return nil, nil, err
	}
	mailer, err := mailmerge.NewSMTPMailer(s.Mail.SMTPConfig())
	if err != nil {
		return nil, nil, err
	}
	return mailer, func() { _ = mailer.Close() }, nil
}

// CanNotify reports whether new seat holders of a subscription of org can be emailed: a mailer
// is set up (the school's SMTP server, unless the options gave one).
func (a *App) CanNotify(ctx context.Context, org model.ID) (bool, error) {
	if a.lic.opts.Notice == nil {
		return false, nil
	}
	if a.lic.opts.Mailer != nil {
		return true, nil
	}
	s, err := a.schoolSettings(ctx, org)
	return err == nil && s.Mail.SMTPConfigured(), err
}

// notify emails the new seat holders of res when asked and a mailer is set up (else it says
// so in res.NotifySkipped); a failed email is recorded in res and the seat stays. A dry run
// sends nothing.
func (a *App) notify(ctx context.Context, admin model.Admin, subID model.ID, res SeatResult, opts SeatOptions) SeatResult {
	if !opts.Notify || opts.DryRun || len(res.Added) == 0 {
		return res
	}
	sub, err := a.store.Subscription(ctx, subID)
	if err != nil {
		res.NotifyErrs = append(res.NotifyErrs, NotifyError{Err: err})
		return res
	}
	mailer, done, err := a.seatMailer(ctx, sub.OrgID)
	switch {
	case err != nil:
		res.NotifyErrs = append(res.NotifyErrs, NotifyError{Err: err})
		return res
	case mailer == nil:
		res.NotifySkipped = true
		return res
	}
	defer done()
	lang := opts.Lang
	if !lang.Valid() {
		lang = admin.Language
	}
	for _, s := range res.Added {
		if s.Email == "" { // a directory account without an email: its card says it
			continue
		}
		if err := ctx.Err(); err != nil {
			res.NotifyErrs = append(res.NotifyErrs, NotifyError{Email: s.Email, Err: err})
			continue
		}
		if err := mailer.Send(ctx, a.lic.opts.Notice(sub, s.Email, lang)); err != nil {
			res.NotifyErrs = append(res.NotifyErrs, NotifyError{Email: s.Email, Err: err})
			continue
		}
		res.Notified++
	}
	return res
}
