package app

import (
	"context"

	"rollcall/model"
)

// notify emails the new seat holders of res when asked and a mailer is configured; a failed
// email is recorded in res and the seat stays. A dry run sends nothing.
func (a *App) notify(ctx context.Context, admin model.Admin, subID model.ID, res SeatResult, opts SeatOptions) SeatResult {
	if !opts.Notify || opts.DryRun || !a.CanNotify() || len(res.Added) == 0 {
		return res
	}
	sub, err := a.store.Subscription(ctx, subID)
	if err != nil {
		res.NotifyErrs = append(res.NotifyErrs, NotifyError{Err: err})
		return res
	}
	lang := opts.Lang
	if !lang.Valid() {
		lang = admin.Language
	}
	for _, s := range res.Added {
		if ctx.Err() != nil {
			res.NotifyErrs = append(res.NotifyErrs, NotifyError{Email: s.Email, Err: ctx.Err()})
			continue
		}
		if err := a.lic.opts.Mailer.Send(ctx, a.lic.opts.Notice(sub, s.Email, lang)); err != nil {
			res.NotifyErrs = append(res.NotifyErrs, NotifyError{Email: s.Email, Err: err})
			continue
		}
		res.Notified++
	}
	return res
}
