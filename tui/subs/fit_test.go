package subs

import (
	"strconv"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// Cut to fit, rows of one series of products, or of one product twice in a school, stay apart,
// and the seats and states stay whole while the first columns can still give.
func TestFitKeepsRowsApart(t *testing.T) {
	t.Parallel()
	rows := [][]string{
		{"Product", "Organization", "Product keys", "Assigned/Total", "State"},
		{"Manuels numériques — Français 4e", "Collège Jean Moulin", "NAJF-BD1T-5HFR-GJ92 (90 seats)", "0/90", "Renews 30 Sep 2027"},
		{"Manuels numériques — Mathématiques 5e", "Collège Jean Moulin", "DEMO-MATH5-7Q4K (120 seats)", "40/120", "Renews 30 Sep 2027"},
		{"Suite Classe Démo", "École élémentaire Les Tilleuls", "54E5-5P85-ZQWW-AMZ7 (2 seats)", "0/2", "Ends: 1 Dec 2028"},
		{"Suite Classe Démo", "École élémentaire Les Tilleuls", "JPJ5-APVN-CPFS-SXEE (2 seats)", "0/4", "Ends: 1 Dec 2028"},
		{"Suite Classe pour écrans interactifs", "École élémentaire Les Tilleuls", "DEMO-SUITE-A1B2 (6 seats)", "2/12", "Renews 15 Jan 2027"},
	}
	for _, total := range []int{60, 78, 100} {
		f := fitTable(rows, total)
		products := map[string]bool{}
		lines := map[string]bool{}
		for i := range rows {
			line := f.row(i)
			if w := lipgloss.Width(line); w > total {
				t.Errorf("%d columns: a row is %d wide: %q", total, w, line)
			}
			if i == 0 {
				continue
			}
			if lines[line] {
				t.Errorf("%d columns: two rows read %q", total, line)
			}
			lines[line] = true
			products[f.cuts[0](rows[i][0], f.widths[0])] = true
			for _, whole := range rows[i][3:] {
				if !strings.Contains(line, whole) {
					t.Errorf("%d columns: %q is cut in %q", total, whole, line)
				}
			}
		}
		if len(products) != 4 { // the four products, "Suite Classe Démo" twice
			t.Errorf("%d columns: the products read %v", total, products)
		}
	}
}

// A district's hundreds of subscriptions fit in a few milliseconds, and once: the next render
// reuses the fit.
func BenchmarkFitTable(b *testing.B) {
	rows := [][]string{{"Product", "Organization", "Product keys", "Assigned/Total", "State"}}
	for i := range 300 {
		rows = append(rows, []string{"Manuels numériques — Mathématiques " + strconv.Itoa(i%7) + "e", "Collège n° " + strconv.Itoa(i/7),
			"KEY-" + strconv.Itoa(i) + " (30 seats)", "0/30", "Renews 30 Sep 2027"})
	}
	b.ReportAllocs()
	for b.Loop() {
		fitTable(rows, 78)
	}
}
