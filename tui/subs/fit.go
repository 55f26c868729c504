package subs

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// A narrow terminal cuts the table's cells, and a cut must never make two subscriptions read
// the same: two products of one series ("Manuels numériques — Français 4e", "… — Mathématiques
// 5e") differ only at their end. So the table shrinks first the column whose next cut loses the
// fewest distinctions between rows and between cells, and each column is cut at its end or in
// its middle, whichever keeps its cells apart.

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

// column is one column of the table's body, with the cut that keeps most of its cells apart at
// a width.
type column []string

func (c column) distinct(cut cutter, w int) int {
	seen := make(map[string]struct{}, len(c))
	for _, s := range c {
		seen[cut(s, w)] = struct{}{}
	}
	return len(seen)
}

func (c column) cutter(w int) (cutter, int) {
	end, mid := c.distinct(cutEnd, w), c.distinct(cutMiddle, w)
	if mid > end {
		return cutMiddle, mid
	}
	return cutEnd, end
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
	cols := make([]column, n)
	for _, r := range rows[1:] {
		for i, c := range r {
			cols[i] = append(cols[i], c)
		}
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
			f.cuts[c], _ = cols[c].cutter(f.widths[c])
		}
	}
	return f
}

// nextCut picks, among the first columns wider than minCut, the one whose cut by a column keeps
// the most rows apart, then loses the fewest distinctions between its own cells, then the
// widest, the first column (the product, what a row is about) counting two thirds of its
// width; -1 when none can be cut.
func (f *fit) nextCut(cols []column, first int) int {
	best, bestRows, bestLoss := -1, -1, 0
	for i := range first {
		w := f.widths[i]
		if w <= minCut {
			continue
		}
		cut, after := cols[i].cutter(w - 1)
		rows := f.distinctRows(i, cut, w-1)
		loss := cols[i].distinct(f.cuts[i], w) - after
		if best < 0 || rows > bestRows || (rows == bestRows && (loss < bestLoss ||
			(loss == bestLoss && weighed(i, w) > weighed(best, f.widths[best])))) {
			best, bestRows, bestLoss = i, rows, loss
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

// distinctRows counts the body's rows that read differently once column col is cut to w.
func (f *fit) distinctRows(col int, cut cutter, w int) int {
	seen := make(map[string]struct{}, len(f.rows))
	var b strings.Builder
	for _, r := range f.rows[1:] {
		b.Reset()
		for i, c := range r {
			if i == col {
				b.WriteString(cut(c, w))
			} else {
				b.WriteString(f.cuts[i](c, f.widths[i]))
			}
			b.WriteByte(0)
		}
		seen[b.String()] = struct{}{}
	}
	return len(seen)
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

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}
