package subs

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// A narrow terminal cuts the table's cells, and a cut must not make two subscriptions read the
// same: two products of one series ("Manuels numériques — Français 4e", "… — Mathématiques
// 5e") differ only at their end. So the table shrinks first the column whose next cut loses the
// fewest distinctions between its cells, and each column is cut at its end or in its middle,
// whichever keeps its cells apart.

// minCut is the narrowest a cut column gets: "Atlas…" still says which product.
const minCut = 6

// cutter is how a column is cut: at its end ("Manuels num…") or in its middle ("Manuel…çais 4e").
type cutter func(s string, w int) string

func cutEnd(s string, w int) string { return ansi.Truncate(s, w, "…") }

func cutMiddle(s string, w int) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	if w < 3 {
		return cutEnd(s, w)
	}
	head := w / 2 // the head gets the odd column: names are read from the left
	tail := w - 1 - head
	return ansi.Truncate(s, head, "") + "…" + ansi.TruncateLeft(s, lipgloss.Width(s)-tail, "")
}

// column is one column of the table's body: its different cells, and what each width keeps
// of them apart, measured once per width.
type column struct {
	cells []string // each different cell once
	kept  map[int]keptAt
}

// keptAt is the cut that keeps most cells of a column apart at a width, and how many it keeps.
type keptAt struct {
	cut   cutter
	cells int
}

func newColumn(cells []string) *column {
	seen := make(map[string]struct{}, len(cells))
	c := &column{kept: map[int]keptAt{}}
	for _, s := range cells {
		if _, ok := seen[s]; !ok {
			seen[s] = struct{}{}
			c.cells = append(c.cells, s)
		}
	}
	return c
}

func (c *column) distinct(cut cutter, w int) int {
	seen := make(map[string]struct{}, len(c.cells))
	for _, s := range c.cells {
		seen[cut(s, w)] = struct{}{}
	}
	return len(seen)
}

// at is the column's best cut at width w.
func (c *column) at(w int) keptAt {
	if k, ok := c.kept[w]; ok {
		return k
	}
	k := keptAt{cutEnd, c.distinct(cutEnd, w)}
	if k.cells < len(c.cells) { // the end cut loses some: the middle may keep them
		if mid := c.distinct(cutMiddle, w); mid > k.cells {
			k = keptAt{cutMiddle, mid}
		}
	}
	c.kept[w] = k
	return k
}

// fit is a table's rows (the first is the header) with the width and cut of each column.
type fit struct {
	rows   [][]string
	widths []int
	cuts   []cutter
}

// fitTable gives each column its widest cell, then cuts columns until a row fits in total (two
// spaces between columns): first product, organization and keys, the seats and the state only
// when those are down to minCut.
func fitTable(rows [][]string, total int) fit {
	n := len(rows[0])
	f := fit{rows: rows, widths: make([]int, n), cuts: make([]cutter, n)}
	cols := make([]*column, n)
	for i := range cols {
		cells := make([]string, 0, len(rows)-1)
		for _, r := range rows[1:] {
			cells = append(cells, r[i])
		}
		cols[i] = newColumn(cells)
	}
	for _, r := range rows {
		for i, c := range r {
			f.widths[i] = max(f.widths[i], lipgloss.Width(c))
		}
	}
	for i := range f.cuts {
		f.cuts[i] = cutEnd
	}
	for _, first := range []int{min(3, n), n} {
		for sum(f.widths)+2*(n-1) > total {
			c := f.nextCut(cols, first)
			if c < 0 {
				break
			}
			f.widths[c]--
			f.cuts[c] = cols[c].at(f.widths[c]).cut
		}
	}
	return f
}

// nextCut picks, among the first columns wider than minCut, the one whose cut by a column loses
// the fewest distinctions between its cells, then the widest, the first column (the product,
// what a row is about) counting two thirds of its width; -1 when none can be cut.
func (f *fit) nextCut(cols []*column, first int) int {
	best, bestLoss := -1, 0
	for i := range first {
		w := f.widths[i]
		if w <= minCut {
			continue
		}
		loss := cols[i].at(w).cells - cols[i].at(w-1).cells
		if best < 0 || loss < bestLoss || (loss == bestLoss && weighed(i, w) > weighed(best, f.widths[best])) {
			best, bestLoss = i, loss
		}
	}
	return best
}

func weighed(col, w int) int {
	if col == 0 {
		return 2 * w
	}
	return 3 * w
}

// row formats the i-th row, each cell cut to its column and padded.
func (f *fit) row(i int) string {
	parts := make([]string, len(f.rows[i]))
	for j, c := range f.rows[i] {
		if i > 0 {
			c = f.cuts[j](c, f.widths[j])
		} else {
			c = cutEnd(c, f.widths[j]) // a header is a word, read from its start
		}
		parts[j] = c + strings.Repeat(" ", max(f.widths[j]-lipgloss.Width(c), 0))
	}
	return strings.TrimRight(strings.Join(parts, "  "), " ")
}

// fitCache keeps the last fit: View runs on every message (a spinner's tick too), and a fit
// of many subscriptions costs more than drawing them.
type fitCache struct {
	total int
	last  *fit
}

// get is the fit of rows in total columns, the same as last time when neither changed.
func (c *fitCache) get(rows [][]string, total int) *fit {
	if c.last != nil && c.total == total && slices.EqualFunc(c.last.rows, rows, slices.Equal[[]string]) {
		return c.last
	}
	f := fitTable(rows, total)
	c.total, c.last = total, &f
	return c.last
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}
