package table

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"rollcall/model"
)

// Column describes one column a format knows.
type Column struct {
	Key     string   // stable identifier the format uses, e.g. "first_name"
	French  []string // accepted French headers, the canonical one first
	English []string // accepted English headers, the canonical one first
	Repeat  bool     // may appear several times, in order (Classes*;Classes)
}

// Schema is the set of columns a format knows. Headers it does not list are ignored.
type Schema []Column

// Header is a header row matched against a Schema.
type Header struct {
	Cells   []string // as written, trimmed
	Line    int      // where the header is
	Starred []bool   // the cell ended with '*', the ENT's mark for a required value
	Fuzzy   []bool   // the cell matched only thanks to typo tolerance
	index   map[string][]int
	english int // cells matched by an English-only name, minus French-only ones
	schema  Schema
}

// HeaderKey reduces a header to the form headers are compared in: folded case and accents,
// no trailing '*' (the ENT's required mark), and only letters and digits, so "Prénom de
// l’élève*", "prenom de l'eleve" and "PRENOM_DE_LELEVE" are one header.
func HeaderKey(s string) string {
	if !isASCII(s) {
		s = norm.NFC.String(s)
	}
	s = model.Fold(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteByte(byte(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r) // a letter Fold has no ASCII for (Greek, Cyrillic) stays itself
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// fuzzyMinLen is the shortest header key typo tolerance applies to. Short headers ("Nom",
// "cp", "Sexe") differ from each other by one letter, so a typo there would be a guess.
const fuzzyMinLen = 6

// Match maps each header cell to the schema's columns. Exact matches (after HeaderKey) win;
// then a cell that matches nothing is allowed one typo (Damerau distance 1) against the names
// of columns that did not match yet, when exactly one such column is that close. A typo can
// therefore never steal a column the file spells correctly elsewhere.
func (s Schema) Match(cells []string, line int) *Header {
	h := &Header{
		Cells:   make([]string, len(cells)),
		Line:    line,
		Starred: make([]bool, len(cells)),
		Fuzzy:   make([]bool, len(cells)),
		index:   make(map[string][]int, len(s)),
		schema:  s,
	}
	keys := make([]string, len(cells))
	for i, c := range cells {
		c = strings.TrimSpace(strings.TrimPrefix(c, "\uFEFF"))
		h.Cells[i] = c
		h.Starred[i] = strings.HasSuffix(c, "*")
		keys[i] = HeaderKey(c)
	}
	exact := s.exactNames()
	matched := make([]bool, len(cells))
	// A column named by an earlier name of its list wins over one named by a later alias,
	// whatever their order in the file: "sourcedId" beats a vendor's "userId" beside it.
	for rank := 0; rank < s.maxNames(); rank++ {
		for i, k := range keys {
			if k == "" || matched[i] {
				continue
			}
			if n, ok := exact[k]; ok && n.rank == rank {
				h.add(n.col, i)
				h.english += n.lang
				matched[i] = true
			}
		}
	}
	for i, k := range keys {
		if matched[i] || len(k) < fuzzyMinLen {
			continue
		}
		if col, lang, ok := s.closest(k, h); ok {
			h.add(col, i)
			h.english += lang
			h.Fuzzy[i] = true
		}
	}
	for _, ix := range h.index {
		slices.Sort(ix) // a repeated column's cells in file order, whichever name matched them
	}
	return h
}

type nameRef struct {
	col  int
	lang int // +1 English only, -1 French only, 0 both
	rank int // position of the name in its column's list: 0 is the canonical name
}

// maxNames is the length of the longest list of names of a column.
func (s Schema) maxNames() int {
	n := 0
	for _, c := range s {
		n = max(n, len(c.French), len(c.English))
	}
	return n
}

func (s Schema) exactNames() map[string]nameRef {
	m := make(map[string]nameRef, len(s)*3)
	for ci, c := range s {
		for rank, n := range c.French {
			m[HeaderKey(n)] = nameRef{ci, -1, rank}
		}
		for rank, n := range c.English {
			k := HeaderKey(n)
			if r, ok := m[k]; ok && r.col == ci {
				m[k] = nameRef{ci, 0, min(rank, r.rank)}
				continue
			}
			m[k] = nameRef{ci, 1, rank}
		}
	}
	return m
}

// closest finds the single not-yet-matched column one edit away from key.
func (s Schema) closest(key string, h *Header) (int, int, bool) {
	found, lang := -1, 0
	for ci, c := range s {
		if len(h.index[c.Key]) > 0 && !c.Repeat {
			continue
		}
		for li, names := range [2][]string{c.French, c.English} {
			for _, n := range names {
				nk := HeaderKey(n)
				if len(nk) < fuzzyMinLen || !withinOneEdit(key, nk) {
					continue
				}
				if found >= 0 && found != ci {
					return 0, 0, false // two columns this close: refuse to guess
				}
				found = ci
				lang = 2*li - 1
			}
		}
	}
	return found, lang, found >= 0
}

func (h *Header) add(col, cell int) {
	k := h.schema[col].Key
	if len(h.index[k]) > 0 && !h.schema[col].Repeat {
		return // a repeated single column: the first one wins
	}
	h.index[k] = append(h.index[k], cell)
}

// Has reports whether the file has the column.
func (h *Header) Has(key string) bool { return len(h.index[key]) > 0 }

// Indexes returns the cells of a column, in file order.
func (h *Header) Indexes(key string) []int { return h.index[key] }

// Index returns the first cell of a column, or -1.
func (h *Header) Index(key string) int {
	if ix := h.index[key]; len(ix) > 0 {
		return ix[0]
	}
	return -1
}

// Matched counts the schema columns the header has.
func (h *Header) Matched() int { return len(h.index) }

// English reports whether the header is more English than French, to name a missing column in
// the file's own language.
func (h *Header) English() bool { return h.english > 0 }

// Name returns how the file calls the column: the header as written when present, otherwise the
// canonical name in the file's language.
func (h *Header) Name(key string) string {
	if i := h.Index(key); i >= 0 {
		return h.Cells[i]
	}
	for _, c := range h.schema {
		if c.Key != key {
			continue
		}
		if (h.English() || len(c.French) == 0) && len(c.English) > 0 {
			return c.English[0]
		}
		if len(c.French) > 0 {
			return c.French[0]
		}
	}
	return key
}

// Missing returns the names of the given keys the header lacks, for RuleMissingColumn and for
// the format attempts of RuleUnknownFormat.
func (h *Header) Missing(keys ...string) []string {
	var out []string
	for _, k := range keys {
		if !h.Has(k) {
			out = append(out, h.Name(k))
		}
	}
	return out
}

// withinOneEdit reports whether a and b differ by at most one insertion, deletion,
// substitution or swap of two neighbours.
func withinOneEdit(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}
