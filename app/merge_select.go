package app

import (
	"context"
	"slices"

	"rollcall/mailmerge"
	"rollcall/model"
)

// MergeCounts describe a selection before printing or sending: how many people, how many can
// be emailed, how many already activated their account.
type MergeCounts struct {
	Total     int
	WithEmail int
	Activated int
	// Suspended are the selection's suspended accounts: they get no card and no email, and
	// are not in Total.
	Suspended int
}

// mergeRows is a selection read from the directory index: ids in the selection's order with
// what merging needs to know without reading a user.
type mergeRows struct {
	ids    []model.ID
	email  []bool
	class  []model.ID // the user's first class in class order; 0: none
	orgs   []model.ID // the organizations concerned, sorted
	counts MergeCounts
}

// selectForMerge resolves a selection with the counts a preview shows. ranks orders classes
// (for splitting by class); nil skips that work. When the selection names classes, a person
// goes with the first of those they belong to (a teacher of 6e A and 3e B selected for 6e A is
// printed with 6e A).
func (a *App) selectForMerge(ctx context.Context, admin model.Admin, sel model.Selection, ranks map[model.ID]int) (mergeRows, error) {
	rows, err := a.selectRows(ctx, admin, sel)
	if err != nil {
		return mergeRows{}, err
	}
	if ranks != nil && len(sel.ClassIDs) > 0 {
		only := make(map[model.ID]int, len(sel.ClassIDs))
		for _, c := range sel.ClassIDs {
			if r, ok := ranks[c]; ok {
				only[c] = r
			}
		}
		ranks = only
	}
	d := a.dir
	d.mu.RLock()
	defer d.mu.RUnlock()
	r := mergeRows{ids: make([]model.ID, 0, len(rows)), email: make([]bool, 0, len(rows))}
	if ranks != nil {
		r.class = make([]model.ID, 0, len(rows))
	}
	orgs := map[model.ID]bool{}
	for _, row := range rows {
		f := d.flags[row]
		if f&flagLive == 0 {
			continue // deleted since the query
		}
		if d.suspended[row] {
			r.counts.Suspended++
			continue
		}
		r.ids = append(r.ids, d.ids[row])
		r.email = append(r.email, f&flagEmail != 0)
		r.counts.Total++
		if f&flagEmail != 0 {
			r.counts.WithEmail++
		}
		if f&flagActivated != 0 {
			r.counts.Activated++
		}
		orgs[d.orgs[row]] = true
		if ranks != nil {
			r.class = append(r.class, d.firstClassOf(row, f, ranks))
		}
	}
	for o := range orgs {
		r.orgs = append(r.orgs, o)
	}
	slices.Sort(r.orgs)
	return r, nil
}

// schools are the schools whose settings the run uses: those of the people selected, else
// (nobody selected) the admin's.
func (r mergeRows) schools(admin model.Admin) []model.ID {
	if len(r.orgs) > 0 {
		return r.orgs
	}
	return admin.OrgIDs
}

// firstClass picks, among a user's classes that ranks knows, the first in class order; 0 when
// none.
func firstClass(c0 model.ID, more []model.ID, ranks map[model.ID]int) model.ID {
	var best model.ID
	for _, c := range append([]model.ID{c0}, more...) {
		r, ok := ranks[c]
		if c != 0 && ok && (best == 0 || r < ranks[best]) {
			best = c
		}
	}
	return best
}

// firstClassOf is the row's first class that ranks knows or, for a parent without one, their
// children's: a parent selected through a child is printed with the child's class.
func (d *dirIndex) firstClassOf(row int32, f uint8, ranks map[model.ID]int) model.ID {
	best := firstClass(d.class0[row], d.moreClass[row], ranks)
	if best != 0 || f&flagChildren == 0 {
		return best
	}
	for _, c := range d.kids[row] {
		if cr, ok := d.row(c); ok {
			if k := firstClass(d.class0[cr], d.moreClass[cr], ranks); k != 0 && (best == 0 || ranks[k] < ranks[best]) {
				best = k
			}
		}
	}
	return best
}

// withEmail keeps the ids of people who have an email address.
func (r *mergeRows) withEmail() []model.ID {
	out := make([]model.ID, 0, r.counts.WithEmail)
	for i, id := range r.ids {
		if r.email[i] {
			out = append(out, id)
		}
	}
	return out
}

// byClass splits the ids by first class, in class order, people without a class last; the
// selection's order is kept within a class.
func (r *mergeRows) byClass(ranks map[model.ID]int) (classes []model.ID, ids [][]model.ID) {
	groups := map[model.ID][]model.ID{}
	for i, id := range r.ids {
		groups[r.class[i]] = append(groups[r.class[i]], id)
	}
	for c := range groups {
		classes = append(classes, c)
	}
	slices.SortFunc(classes, func(x, y model.ID) int {
		switch {
		case x == 0:
			return 1
		case y == 0:
			return -1
		}
		return ranks[x] - ranks[y]
	})
	for _, c := range classes {
		ids = append(ids, groups[c])
	}
	return classes, ids
}

// MergePreview is what the admin sees before printing or sending: the counts, the first card
// and the first email as they will come out.
type MergePreview struct {
	Counts MergeCounts
	// Card is the first person's card and CardText its text (CardMarkup); unset when the
	// selection is empty.
	Card     *mailmerge.Card
	CardText string
	// Message is the email of the first person who has an address; nil when nobody has one.
	// An activated account's email shows a placeholder reset code: real codes are issued
	// only when sending.
	Message *mailmerge.Message
	// NoActivationURL is true when no activation address is configured: cards and emails
	// cannot be made until one is.
	NoActivationURL bool
	// Schools are the schools whose settings the run uses: those of the people selected.
	Schools []model.ID
}

// PreviewResetCode stands for the reset code in previews and dry runs.
const PreviewResetCode = "XXXXXXXX"

// PreviewMerge counts a selection and renders its first card and first email.
func (s *Session) PreviewMerge(ctx context.Context, sel model.Selection, opts MergeOptions) (_ MergePreview, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.previewMerge(ctx, admin, sel, opts)
}

func (a *App) previewMerge(ctx context.Context, admin model.Admin, sel model.Selection, opts MergeOptions) (MergePreview, error) {
	rows, err := a.selectForMerge(ctx, admin, sel, nil)
	if err != nil {
		return MergePreview{}, err
	}
	m, err := a.newMerger(ctx, admin.Language, opts, "", rows.schools(admin))
	if err != nil {
		return MergePreview{}, err
	}
	p := MergePreview{Counts: rows.counts, NoActivationURL: m.noBase, Schools: rows.schools(admin)}
	for i, id := range rows.ids {
		if p.Card != nil && (p.Message != nil || !rows.email[i]) {
			continue
		}
		u, err := a.store.User(ctx, id)
		if err != nil {
			return MergePreview{}, err
		}
		card := m.card(&u)
		if p.Card == nil {
			p.Card = &card
			if p.CardText, err = m.tpl.CardText(card); err != nil {
				return MergePreview{}, err
			}
		}
		if rows.email[i] && p.Message == nil {
			msg, err := m.message(card, PreviewResetCode)
			if err != nil {
				return MergePreview{}, err
			}
			p.Message = &msg
		}
		if p.Message != nil || rows.counts.WithEmail == 0 {
			break
		}
	}
	return p, nil
}
