package app

import (
	"context"
	"errors"

	"rollcall/mailmerge"
	"rollcall/model"
	"rollcall/storage"
)

// Phases of failures that happen before any SMTP exchange, stored in CampaignRecipient.Phase
// next to SMTP's own ("RCPT TO").
const (
	PhaseDeleted    = "deleted"     // the account was deleted since the campaign was made
	PhaseSuspended  = "suspended"   // the account was suspended since the campaign was made
	PhaseNoAddress  = "no_address"  // the account has no email address any more
	PhaseBadAddress = "bad_address" // the address cannot be used (mailmerge.AddressError)
	PhaseTemplate   = "template"    // the templates failed on this account
)

// outcome is what a send attempt means for the recipient and the run.
type outcome uint8

const (
	outcomeSent         outcome = iota
	outcomeRetry                // 4xx for this recipient: try again after a while
	outcomeFailed               // refused for good for this recipient
	outcomeUncertain            // the connection broke after the message may have been accepted
	outcomeServerRetry          // the server cannot be reached now: try again, then pause
	outcomeServerFailed         // the server refuses the login or the sender: pause now
)

// classifySend reads a send error the way a campaign must act on it.
func classifySend(err error) (outcome, *mailmerge.SendError) {
	if err == nil {
		return outcomeSent, nil
	}
	var se *mailmerge.SendError
	if !errors.As(err, &se) {
		return outcomeServerRetry, &mailmerge.SendError{Phase: mailmerge.PhaseConnect, Temporary: true, Err: err}
	}
	switch se.Phase {
	case mailmerge.PhaseMessage:
		return outcomeFailed, se
	case mailmerge.PhaseRcpt, mailmerge.PhaseData:
		switch {
		case se.Code == 0 && se.Phase == mailmerge.PhaseData:
			return outcomeUncertain, se // the final "." may have reached the server
		case se.Code == 0:
			return outcomeServerRetry, se // lost before the message: nothing was accepted
		case se.Code == 421:
			return outcomeServerRetry, se // the server is closing the connection
		case se.Temporary:
			return outcomeRetry, se
		}
		return outcomeFailed, se
	}
	if se.Temporary {
		return outcomeServerRetry, se
	}
	return outcomeServerFailed, se
}

// deliver sends one recipient's message, recording it as sending before and the outcome after.
func (r *campaignRun) deliver(ctx context.Context, mailer mailmerge.Mailer, rec model.CampaignRecipient) {
	if r.pacer.wait(ctx) != nil {
		return // stopped while waiting: the recipient stays as it was
	}
	rec.LastTry = r.a.now()
	msg, codes, phase, err := r.prepareMessage(ctx, &rec)
	if err != nil {
		r.setFatal(err)
		return
	}
	if phase != "" {
		rec.Status, rec.Phase, rec.Code, rec.Reply, rec.Temporary = model.DeliveryFailed, phase, 0, "", false
		r.done(rec)
		return
	}
	rec.Status = model.DeliverySending
	if err := r.journal.commit(rec, codes); err != nil {
		r.setFatal(err)
		return
	}
	r.send(ctx, mailer, &rec, msg)
	r.done(rec)
}

// prepareMessage builds the recipient's email from their account as it is now. A reason not
// to send (no address any more, say) comes back as a phase; err is a store failure.
func (r *campaignRun) prepareMessage(ctx context.Context, rec *model.CampaignRecipient) (
	msg mailmerge.Message, codes []model.OneTimeCode, phase string, err error) {
	u, err := r.a.store.User(ctx, rec.UserID)
	if errors.Is(err, storage.ErrNotFound) {
		return msg, nil, PhaseDeleted, nil
	} else if err != nil {
		return msg, nil, "", err
	}
	if u.Suspended() {
		return msg, nil, PhaseSuspended, nil
	}
	card := r.m.card(&u)
	rec.Email, rec.Variant = card.Email, model.VariantActivation
	if card.Email == "" {
		return msg, nil, PhaseNoAddress, nil
	}
	var resetCode string
	if card.Activated {
		rec.Variant = model.VariantReset
		code, otc, err := r.a.newResetCode(u.ID)
		if err != nil {
			return msg, nil, "", err
		}
		resetCode, codes = code, []model.OneTimeCode{otc}
	}
	msg, err = r.m.message(card, resetCode)
	var ae *mailmerge.AddressError
	var te *mailmerge.TemplateError
	switch {
	case errors.As(err, &ae):
		return msg, nil, PhaseBadAddress, nil
	case errors.As(err, &te):
		return msg, nil, PhaseTemplate, nil
	case err != nil:
		return msg, nil, "", err
	}
	return msg, codes, "", nil
}

// send tries the message until it is sent, refused, or the run must stop, and sets rec's
// status. A message being handed over is never interrupted: cancelling waits for its answer,
// so the status says the truth.
func (r *campaignRun) send(ctx context.Context, mailer mailmerge.Mailer, rec *model.CampaignRecipient, msg mailmerge.Message) {
	sendCtx := context.WithoutCancel(ctx)
	for attempt := 1; ; attempt++ {
		rec.Attempts++
		out, se := classifySend(mailer.Send(sendCtx, msg))
		if out == outcomeSent {
			rec.Status, rec.SentAt = model.DeliverySent, r.a.now()
			rec.Code, rec.Reply, rec.Phase, rec.Temporary = 0, "", "", false
			return
		}
		rec.Code, rec.Reply, rec.Phase, rec.Temporary = se.Code, se.Reply, se.Phase.String(), se.Temporary
		if se.Code == 0 && se.Err != nil {
			rec.Reply = se.Err.Error()
		}
		switch out {
		case outcomeFailed:
			rec.Status = model.DeliveryFailed
			return
		case outcomeUncertain:
			rec.Status = model.DeliveryUncertain
			return
		case outcomeServerFailed:
			rec.Status = model.DeliveryPending
			r.pauseWith(se)
			return
		}
		if attempt >= r.opts.Attempts {
			if out == outcomeServerRetry {
				rec.Status = model.DeliveryPending
				r.pauseWith(se)
			} else {
				rec.Status = model.DeliveryFailed // Temporary: the next run tries again
			}
			return
		}
		if sleepCtx(ctx, r.opts.Backoff(attempt)) != nil {
			rec.Status = model.DeliveryPending // cancelled or paused while waiting
			return
		}
	}
}

// done queues the final state of a recipient and counts it.
func (r *campaignRun) done(rec model.CampaignRecipient) {
	switch rec.Status {
	case model.DeliverySent:
		r.sent.Add(1)
	case model.DeliveryFailed, model.DeliveryUncertain:
		r.failed.Add(1)
	}
	if rec.Status != model.DeliveryPending {
		r.left.Add(-1)
	}
	r.journal.record(rec)
}

// pauseWith stops the run because the server cannot be used.
func (r *campaignRun) pauseWith(se *mailmerge.SendError) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pause == nil {
		p := model.CampaignPause{At: r.a.now(), Phase: se.Phase.String(), Code: se.Code, Reply: se.Reply,
			Temporary: se.Temporary}
		if se.Code == 0 && se.Err != nil {
			p.Reply = se.Err.Error()
		}
		r.pause = &p
	}
	r.stop()
}

// setFatal stops the run on a store failure.
func (r *campaignRun) setFatal(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fatal == nil {
		r.fatal = err
	}
	r.stop()
}
