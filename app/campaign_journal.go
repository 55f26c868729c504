package app

import (
	"context"
	"sync"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// journal writes a campaign's delivery states with group commit: every entry waiting when a
// transaction starts goes into it, so parallel senders share one fsync. An entry that must be
// durable before the caller goes on (a recipient marked sending, before its message is handed
// to SMTP) waits for its commit; results are written in the next commit without waiting.
type journal struct {
	store    storage.CampaignStore
	id       model.ID
	in       chan journalEntry
	done     chan struct{}
	onCommit func(model.Campaign) // called on the journal's goroutine after each commit

	mu  sync.Mutex
	err error // the first failed commit; every later entry fails with it
}

type journalEntry struct {
	rec   model.CampaignRecipient
	codes []model.OneTimeCode
	ack   chan error // nil: nobody waits
}

// maxJournalBatch bounds one transaction; a batch rarely holds more than the senders.
const maxJournalBatch = 256

// startJournal runs the journal until close. Writes use a context that is not cancelled with
// ctx: what was sent must be recorded even when the run is being cancelled.
func startJournal(ctx context.Context, st storage.CampaignStore, id model.ID, onCommit func(model.Campaign)) *journal {
	j := &journal{store: st, id: id, in: make(chan journalEntry, maxJournalBatch), done: make(chan struct{}), onCommit: onCommit}
	go j.loop(context.WithoutCancel(ctx))
	return j
}

func (j *journal) loop(ctx context.Context) {
	defer close(j.done)
	for e := range j.in {
		batch := []journalEntry{e}
	drain:
		for len(batch) < maxJournalBatch {
			select {
			case e, ok := <-j.in:
				if !ok {
					break drain
				}
				batch = append(batch, e)
			default:
				break drain
			}
		}
		err := j.write(ctx, batch)
		for _, e := range batch {
			if e.ack != nil {
				e.ack <- err
			}
		}
	}
}

func (j *journal) write(ctx context.Context, batch []journalEntry) error {
	if err := j.failed(); err != nil {
		return err
	}
	recs := make([]model.CampaignRecipient, len(batch))
	var codes []model.OneTimeCode
	for i, e := range batch {
		recs[i] = e.rec
		codes = append(codes, e.codes...)
	}
	c, err := j.store.RecordDeliveries(ctx, j.id, recs, codes)
	if err != nil {
		j.mu.Lock()
		j.err = err
		j.mu.Unlock()
		return err
	}
	if j.onCommit != nil {
		j.onCommit(c)
	}
	return nil
}

func (j *journal) failed() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.err
}

// commit writes rec (and the codes its message carries) and returns once it is durable.
func (j *journal) commit(rec model.CampaignRecipient, codes []model.OneTimeCode) error {
	ack := make(chan error, 1)
	j.in <- journalEntry{rec: rec, codes: codes, ack: ack}
	return <-ack
}

// record queues rec for the next commit.
func (j *journal) record(rec model.CampaignRecipient) {
	j.in <- journalEntry{rec: rec}
}

// close writes what is queued and stops; it returns the first failed commit, if any.
func (j *journal) close() error {
	close(j.in)
	<-j.done
	return j.failed()
}

// pacer spaces messages to honour a rate limit shared by every sender of a run.
type pacer struct {
	mu    sync.Mutex
	every time.Duration // 0: no limit
	next  time.Time
}

func newPacer(perMinute int) *pacer {
	p := &pacer{}
	if perMinute > 0 {
		p.every = time.Minute / time.Duration(perMinute)
	}
	return p
}

// wait takes the next slot, sleeping until it comes; it fails only when ctx ends first.
func (p *pacer) wait(ctx context.Context) error {
	if p.every == 0 {
		return ctx.Err()
	}
	p.mu.Lock()
	now := time.Now()
	slot := p.next
	if slot.Before(now) {
		slot = now
	}
	p.next = slot.Add(p.every)
	p.mu.Unlock()
	return sleepCtx(ctx, slot.Sub(now))
}

// sleepCtx sleeps for d unless ctx ends first (then it returns ctx.Err()).
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
