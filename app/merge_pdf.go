package app

import (
	"context"
	"fmt"
	"io"

	"rollcall/mailmerge"
	"rollcall/model"
)

// MergeResult says what a card run wrote.
type MergeResult struct {
	Cards int
	Pages int
	// Suspended are the selection's suspended accounts, who got no card.
	Suspended int
	// Files are the PDFs of a split run, one per class, in class order.
	Files []string
}

// MergePDF prints the login cards of a selection to w as one PDF, in the selection's order:
// layout.PerSheet cards a sheet, each card in its person's language (else the admin's). Users
// are read from the store one at a time while pages stream out, so memory stays flat. progress,
// if set, gets the pages written and the total after each page. Cancelling ctx stops it with
// ctx.Err(); what was written to w is then unfinished.
//
// Cards carry the activation address, so one must be configured (model.ErrNoActivationURL);
// an empty selection is mailmerge.ErrNoCards.
func (s *Session) MergePDF(ctx context.Context, sel model.Selection, layout mailmerge.Layout, opts MergeOptions, w io.Writer, progress func(pagesDone, pagesTotal int)) (_ MergeResult, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.mergePDF(ctx, admin, sel, layout, opts, w, progress)
}

func (a *App) mergePDF(ctx context.Context, admin model.Admin, sel model.Selection, layout mailmerge.Layout,
	opts MergeOptions, w io.Writer, progress func(pagesDone, pagesTotal int)) (MergeResult, error) {
	rows, err := a.selectForMerge(ctx, admin, sel, nil)
	if err != nil {
		return MergeResult{}, err
	}
	m, err := a.newMerger(ctx, admin.Language, opts, "", rows.schools(admin))
	if err != nil {
		return MergeResult{}, err
	}
	if m.noBase {
		return MergeResult{}, model.ErrNoActivationURL
	}
	res := MergeResult{Cards: len(rows.ids), Suspended: rows.counts.Suspended}
	err = mailmerge.WritePDF(ctx, w, m.source(ctx, rows.ids), layout, m.tpl, func(done, total int) {
		res.Pages = done
		if progress != nil {
			progress(done, total)
		}
	})
	if err != nil {
		return res, err
	}
	return res, a.audit(ctx, admin, AuditCards, fmt.Sprintf("%d cards, %d pages", res.Cards, res.Pages), rows.orgs...)
}

// MergePDFSplit is MergePDF with one file per class in dir (which must exist), named after
// the class; a person in several classes is printed once, with their first class in class
// order, and people without a class go to a file named noClass ("" gives "cards.pdf"). Each
// file appears complete or not at all; progress counts pages over every file.
func (s *Session) MergePDFSplit(ctx context.Context, sel model.Selection, layout mailmerge.Layout, opts MergeOptions, dir, noClass string, progress func(pagesDone, pagesTotal int)) (_ MergeResult, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.mergePDFSplit(ctx, admin, sel, layout, opts, dir, noClass, progress)
}

func (a *App) mergePDFSplit(ctx context.Context, admin model.Admin, sel model.Selection, layout mailmerge.Layout,
	opts MergeOptions, dir, noClass string, progress func(pagesDone, pagesTotal int)) (MergeResult, error) {
	ranks, err := a.classRanks(ctx)
	if err != nil {
		return MergeResult{}, err
	}
	rows, err := a.selectForMerge(ctx, admin, sel, ranks)
	if err != nil {
		return MergeResult{}, err
	}
	m, err := a.newMerger(ctx, admin.Language, opts, "", rows.schools(admin))
	if err != nil {
		return MergeResult{}, err
	}
	if m.noBase {
		return MergeResult{}, model.ErrNoActivationURL
	}
	if len(rows.ids) == 0 {
		return MergeResult{}, mailmerge.ErrNoCards
	}
	classes, ids := rows.byClass(m.ranks)
	groups := make([]mailmerge.Group, len(classes))
	for i, c := range classes {
		name := noClass
		if c != 0 {
			name = m.classes[c].Name
		}
		groups[i] = mailmerge.Group{Name: name, Cards: m.source(ctx, ids[i])}
	}
	res := MergeResult{Cards: len(rows.ids), Suspended: rows.counts.Suspended}
	res.Files, err = mailmerge.WritePDFSplit(ctx, dir, groups, layout, m.tpl, func(done, total int) {
		res.Pages = done
		if progress != nil {
			progress(done, total)
		}
	})
	if err != nil {
		return res, err
	}
	detail := fmt.Sprintf("%d cards, %d pages, %d files", res.Cards, res.Pages, len(res.Files))
	return res, a.audit(ctx, admin, AuditCards, detail, rows.orgs...)
}

// MergePDFFile is MergePDF into a file, written whole or not at all (see writeFile): a failed
// or cancelled run leaves no half-written PDF, and an older file of that name stays.
func (s *Session) MergePDFFile(ctx context.Context, sel model.Selection, layout mailmerge.Layout, opts MergeOptions, path string, progress func(pagesDone, pagesTotal int)) (res MergeResult, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.mergePDFFile(ctx, admin, sel, layout, opts, path, progress)
}

func (a *App) mergePDFFile(ctx context.Context, admin model.Admin, sel model.Selection, layout mailmerge.Layout,
	opts MergeOptions, path string, progress func(pagesDone, pagesTotal int)) (res MergeResult, err error) {
	err = writeFile(path, func(w io.Writer) error {
		res, err = a.mergePDF(ctx, admin, sel, layout, opts, w, progress)
		return err
	})
	if err != nil {
		return res, err
	}
	res.Files = []string{path}
	return res, nil
}
