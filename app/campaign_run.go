package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"rollcall/mailmerge"
	"rollcall/model"
)

// RunOptions tune how a campaign is sent; the zero value is the usual choice.
type RunOptions struct {
	// Merge carries the profile labels of the caller's catalogue.
	Merge MergeOptions
	// Connections is how many SMTP connections send in parallel (each reused for many
	// messages); 0 means 4. Each message costs a durable write (an fsync) before it is
	// handed to SMTP, and parallel senders share those writes: one connection sends about
	// 150 messages a second on a busy 2-core machine, four about 600. Some providers allow
	// fewer connections (Microsoft 365: 3).
	Connections int
	// Attempts is how many times a message is tried while the server answers "try later"
	// (4xx) or cannot be reached; 0 means 4.
	Attempts int
	// Backoff is the wait before attempt n+1; nil means 2 s, 4 s, 8 s, ... up to a minute.
	Backoff func(attempt int) time.Duration
	// RetryFailed sends again to recipients refused for good (5xx), after their address was
	// fixed, say. Temporary failures are always retried.
	RetryFailed bool
	// ResendUncertain sends again to recipients whose message may or may not have left (the
	// process stopped while sending it): they might get it twice.
	ResendUncertain bool
}

// CampaignProgress is reported after every change a run records.
type CampaignProgress struct {
	Counts model.CampaignCounts // the whole campaign
	Sent   int                  // sent by this run
	Failed int                  // failed in this run
	Left   int                  // still to try in this run
}

func (o RunOptions) withDefaults() RunOptions {
	if o.Connections <= 0 {
		o.Connections = 4
	}
	if o.Attempts <= 0 {
		o.Attempts = 4
	}
	if o.Backoff == nil {
		o.Backoff = mailmerge.ExponentialBackoff(2*time.Second, time.Minute)
	}
	return o
}

// eligible says whether a run sends to r.
func (o RunOptions) eligible(r model.CampaignRecipient) bool {
	switch r.Status {
	case model.DeliveryPending:
		return true
	case model.DeliveryFailed:
		return r.Temporary || o.RetryFailed
	case model.DeliveryUncertain:
		return o.ResendUncertain
	}
	return false
}

// RunCampaign sends a campaign's messages that are still due, and is how a campaign is resumed
// after a cancel, a crash or an SMTP outage: only recipients not sent yet get a message, so
// nobody receives two. Each recipient is recorded as sending (durably) before its message is
// handed to SMTP and as sent or failed right after, with the server's reply.
//
// A "try later" reply (4xx) is retried with back-off; a refused address (5xx) fails that
// recipient only. When the server cannot be reached or refuses the login or the sender, the
// run stops and the campaign is paused: the error is a *model.CampaignPausedError. Cancelling
// ctx lets messages already handed over finish and returns ctx.Err(). A campaign runs once at
// a time in a process (model.ErrCampaignRunning). progress, if set, is called after each
// recorded change, from one goroutine at a time.
func (s *Session) RunCampaign(ctx context.Context, id model.ID, opts RunOptions, progress func(CampaignProgress)) (_ CampaignStatus, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.runCampaign(ctx, admin, id, opts, progress)
}

func (a *App) runCampaign(ctx context.Context, admin model.Admin, id model.ID, opts RunOptions,
	progress func(CampaignProgress)) (CampaignStatus, error) {
	st, err := a.campaign(ctx, admin, id)
	if err != nil {
		return st, err
	}
	release, err := a.merge.claim(id) // this process's sessions
	if err != nil {
		return st, err
	}
	defer release()
	sender, err := a.newSender()
	if err != nil {
		return st, err
	}
	unlease, err := a.takeLease(ctx, id, sender) // every process's, through the store
	if err != nil {
		return st, err
	}
	defer unlease()
	m, err := a.newMerger(ctx, st.Language, opts.Merge, st.TemplateDir, st.OrgIDs)
	if err != nil {
		return st, err
	}
	switch {
	case !m.settings.SMTPConfigured():
		return st, model.ErrNoSMTP
	case m.noBase:
		return st, model.ErrNoActivationURL
	}
	r := &campaignRun{a: a, m: m, id: id, opts: opts.withDefaults(), progress: progress,
		pacer: newPacer(st.RatePerMinute)}
	if err := r.prepare(ctx); err != nil {
		return st, err
	}
	if _, err := a.store.UpdateCampaign(ctx, id, func(c *model.Campaign) error {
		c.State, c.Pause, c.Runs, c.LastBy, c.UpdatedAt = model.CampaignRunning, nil, c.Runs+1, admin.ID, a.now()
		return nil
	}); err != nil {
		return st, err
	}
	runErr := r.run(ctx)
	c, err := r.finish(ctx, runErr)
	if err != nil {
		return CampaignStatus{Campaign: c}, errors.Join(runErr, err)
	}
	detail := fmt.Sprintf("campaign %d run %d: %d sent, %d failed, %d left (%s)", id, c.Runs, r.sent.Load(),
		r.failed.Load(), r.left.Load(), c.State)
	if err := a.audit(ctx, admin, AuditCampaignRun, detail, c.OrgIDs...); err != nil && runErr == nil {
		runErr = err
	}
	return CampaignStatus{Campaign: c}, runErr
}

// campaignRun is one run of a campaign.
type campaignRun struct {
	a        *App
	m        *merger
	id       model.ID
	opts     RunOptions
	progress func(CampaignProgress)
	pacer    *pacer
	journal  *journal

	sent, failed, left atomic.Int64

	mu    sync.Mutex
	pause *model.CampaignPause // why the run stopped, set once
	fatal error                // a store failure: the run stops
	stop  context.CancelFunc
}

// prepare turns recipients left sending by a process that stopped into uncertain ones and
// counts what this run will try.
func (r *campaignRun) prepare(ctx context.Context) error {
	var after model.ID
	left := 0
	for {
		page, err := r.a.store.Recipients(ctx, r.id, after, 1024)
		if err != nil || len(page) == 0 {
			r.left.Store(int64(left))
			return err
		}
		after = page[len(page)-1].UserID
		var stale []model.CampaignRecipient
		for _, rec := range page {
			if rec.Status == model.DeliverySending {
				rec.Status = model.DeliveryUncertain
				stale = append(stale, rec)
			}
			if r.opts.eligible(rec) {
				left++
			}
		}
		if len(stale) > 0 {
			if _, err := r.a.store.RecordDeliveries(ctx, r.id, stale, nil); err != nil {
				return err
			}
		}
	}
}

// run feeds due recipients to the senders until every one was tried or the run stops.
func (r *campaignRun) run(ctx context.Context) error {
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	r.stop = stop
	r.journal = startJournal(ctx, r.a.store, r.id, r.report)
	work := make(chan model.CampaignRecipient)
	var wg sync.WaitGroup
	for range r.opts.Connections {
		mailer, err := mailmerge.NewSMTPMailer(r.m.settings.SMTPConfig())
		if err != nil {
			stop()
			return errors.Join(err, r.journal.close())
		}
		wg.Go(func() {
			defer func() { _ = mailer.Close() }()
			for rec := range work {
				if runCtx.Err() == nil {
					r.deliver(runCtx, mailer, rec)
				}
			}
		})
	}
	feedErr := r.feed(runCtx, work)
	close(work)
	wg.Wait()
	jerr := r.journal.close()
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.fatal != nil:
		return r.fatal
	case jerr != nil:
		return jerr
	case r.pause != nil:
		return &model.CampaignPausedError{CampaignID: r.id, Pause: *r.pause}
	case ctx.Err() != nil:
		return ctx.Err()
	}
	return feedErr
}

// feed walks the recipients page by page (no transaction held while sending) and hands the
// due ones to the senders.
func (r *campaignRun) feed(ctx context.Context, work chan<- model.CampaignRecipient) error {
	var after model.ID
	for {
		page, err := r.a.store.Recipients(ctx, r.id, after, 256)
		if err != nil {
			if ctx.Err() != nil {
				return nil // stopped: run reports why
			}
			return err
		}
		if len(page) == 0 {
			return nil
		}
		after = page[len(page)-1].UserID
		for _, rec := range page {
			if !r.opts.eligible(rec) {
				continue
			}
			select {
			case work <- rec:
			case <-ctx.Done():
				return nil
			}
		}
	}
}

// report passes the campaign's counts on after a commit (on the journal's goroutine).
func (r *campaignRun) report(c model.Campaign) {
	if r.progress != nil {
		r.progress(CampaignProgress{Counts: c.Counts, Sent: int(r.sent.Load()), Failed: int(r.failed.Load()),
			Left: int(r.left.Load())})
	}
}

// finish stores how the run ended.
func (r *campaignRun) finish(ctx context.Context, runErr error) (model.Campaign, error) {
	var paused *model.CampaignPausedError
	return r.a.store.UpdateCampaign(context.WithoutCancel(ctx), r.id, func(c *model.Campaign) error {
		c.UpdatedAt = r.a.now()
		switch {
		case runErr == nil:
			c.State = model.CampaignDone
		case errors.As(runErr, &paused):
			c.State, c.Pause = model.CampaignPaused, &paused.Pause
		case errors.Is(runErr, context.Canceled):
			c.State = model.CampaignCancelled
		default:
			c.State = model.CampaignPaused
		}
		return nil
	})
}
