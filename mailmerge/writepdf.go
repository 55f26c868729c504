package mailmerge

import (
	"context"
	"io"
	"runtime"
	"sync"

	"rollcall/mailmerge/pdf"
	"rollcall/model"
)

// ErrNoCards is returned by WritePDF when the source yields no card: a PDF without pages
// helps nobody, and most viewers reject it.
var ErrNoCards = model.NewError(model.KindNotFound, model.MsgNoCards, "mailmerge: no cards to print")

// pageJob is one sheet travelling through the pipeline. done is closed once content or err
// is set.
type pageJob struct {
	cards   []Card
	content []byte
	err     error
	done    chan struct{}
}

// WritePDF renders the cards of src to w as one PDF, layout.PerSheet cards per sheet, with
// the texts of tpl (nil: DefaultTemplates) in each card's language.
//
// Pages are rendered on every core and written in order as soon as they are ready, so
// memory stays flat whatever the number of cards. progress, if not nil, is called on the
// calling goroutine after each page with the pages written and the total (-1 when src.Len is
// unknown).
//
// When ctx is cancelled WritePDF returns ctx.Err(); what was written is an unfinished file
// that the caller must discard. Errors from src, from a template (a *TemplateError) or from
// w stop it the same way.
//
// Splitting (one file per class) is WritePDFSplit, or WritePDF called once per group.
func WritePDF(ctx context.Context, w io.Writer, src CardSource, layout Layout, tpl *Templates, progress func(pagesDone, pagesTotal int)) error {
	geo, err := layout.geometry()
	if err != nil {
		return err
	}
	if tpl == nil {
		tpl = DefaultTemplates()
	}
	fonts, err := cardFonts()
	if err != nil {
		return err
	}
	pw := pdf.NewWriter(w, pdf.Info{Producer: "Rollcall"})
	regular, err := pw.AddFont(fonts.regular)
	if err != nil {
		return err
	}
	bold, err := pw.AddFont(fonts.bold)
	if err != nil {
		return err
	}
	total := -1
	if n := src.Len(); n >= 0 {
		total = (n + geo.perSheet - 1) / geo.perSheet
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan *pageJob, workers*2)
	order := make(chan *pageJob, workers*4) // bounds the pages in flight, hence memory
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		produce(ctx, src, geo.perSheet, jobs, order)
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &pageRenderer{geo: geo, card: cardRenderer{tpl: tpl, fonts: fonts, regular: regular, bold: bold}}
			for job := range jobs {
				job.content, job.err = r.render(job.cards)
				close(job.done)
			}
		}()
	}
	err = writePages(ctx, pw, geo, order, total, progress)
	cancel()  // on error, stop the producer and workers
	wg.Wait() // and never return while they still touch src
	if err != nil {
		return err
	}
	if pw.Pages() == 0 {
		return ErrNoCards
	}
	return pw.Close()
}

// produce pulls cards from src into sheets. Every sheet goes to order (for the writer, in
// sequence) and to jobs (for any worker). A source error travels as a last, failed job.
func produce(ctx context.Context, src CardSource, perSheet int, jobs, order chan<- *pageJob) {
	defer close(order)
	defer close(jobs)
	send := func(job *pageJob) bool {
		select {
		case order <- job:
		case <-ctx.Done():
			return false
		}
		if job.err != nil { // nothing to render
			close(job.done)
			return false
		}
		select {
		case jobs <- job:
			return true
		case <-ctx.Done():
			return false
		}
	}
	batch := make([]Card, 0, perSheet)
	for card, err := range src.All() {
		if err != nil {
			send(&pageJob{err: err, done: make(chan struct{})})
			return
		}
		batch = append(batch, card)
		if len(batch) == perSheet {
			if !send(&pageJob{cards: batch, done: make(chan struct{})}) {
				return
			}
			batch = make([]Card, 0, perSheet)
		}
	}
	if len(batch) > 0 {
		send(&pageJob{cards: batch, done: make(chan struct{})})
	}
}

// writePages writes finished sheets in order and reports progress.
func writePages(ctx context.Context, pw *pdf.Writer, geo *geometry, order <-chan *pageJob, total int, progress func(int, int)) error {
	for job := range order {
		select {
		case <-job.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if job.err != nil {
			return job.err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := pw.WritePage(geo.pageW, geo.pageH, job.content, true); err != nil {
			return err
		}
		if progress != nil {
			progress(pw.Pages(), total)
		}
	}
	return ctx.Err()
}

// pageRenderer renders whole sheets; one per worker.
type pageRenderer struct {
	geo      *geometry
	card     cardRenderer
	content  pdf.Content
	deflater pdf.Deflater
}

func (r *pageRenderer) render(cards []Card) ([]byte, error) {
	r.content.Reset()
	r.content.Raw(r.geo.cutMarks)
	for i := range cards {
		x, y := r.geo.origin(i)
		if err := r.card.renderCard(&r.content, &cards[i], x, y, r.geo.scale); err != nil {
			return nil, err
		}
	}
	return r.deflater.Deflate(r.content.Bytes()), nil
}
