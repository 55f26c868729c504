package aaf

import (
	"fmt"
	"io"
	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/importers/xmlfeed"
)

// op is what an entry asks for.
type op uint8

const (
	opAdd op = iota + 1
	opModify
	opDelete
)

// maxValues bounds the values one entry keeps, so a crafted entry repeating <value> a million
// times cannot hold the import's memory.
const maxValues = 10000

// attr is one attribute of an entry: its values are vals[from:from+n] of the entry, in file
// order. Empty <value/>s are kept out.
type attr struct {
	name    string
	from, n int
}

// span is one value: buf[off:end] of the entry.
type span struct{ off, end int }

// entry is one request of a feed. The reader reuses it from one request to the next, and its
// values share one buffer: an attribute nobody reads (an address, an INE) costs no string.
type entry struct {
	op       op
	category string // "Eleve", "PersEducNat", "EtabEducNat", …
	idSpan   span   // <identifier><id>
	line     int    // where the request starts
	attrs    []attr
	at       [numKeys]int32 // 1 + the index in attrs of the first attribute of each key
	vals     []span
	buf      []byte
}

// values returns an attribute's values, nil when it has none; each is read with bytes or str.
func (e *entry) values(k key) []span {
	i := e.at[k]
	if i == 0 {
		return nil
	}
	a := &e.attrs[i-1]
	if a.n == 0 {
		return nil
	}
	return e.vals[a.from : a.from+a.n]
}

// bytes is a value as the entry holds it, good until the next request.
func (e *entry) bytes(v span) []byte { return e.buf[v.off:v.end] }

// str is a value as a string of its own.
func (e *entry) str(v span) string { return string(e.buf[v.off:v.end]) }

// get returns an attribute's values as strings, nil when it has none.
func (e *entry) get(k key) []string {
	vs := e.values(k)
	if vs == nil {
		return nil
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = e.str(v)
	}
	return out
}

// first returns an attribute's first value, "" when it has none.
func (e *entry) first(k key) string {
	if v := e.values(k); len(v) > 0 {
		return e.str(v[0])
	}
	return ""
}

// firstOf returns the first value of the first of two attributes that has one.
func (e *entry) firstOf(k, otherwise key) string {
	if v := e.values(k); len(v) > 0 {
		return e.str(v[0])
	}
	return e.first(otherwise)
}

// has reports whether the entry names an attribute with at least one value.
func (e *entry) has(k key) bool { return e.values(k) != nil }

// id is the request's <identifier><id>.
func (e *entry) id() string { return e.str(e.idSpan) }

func (e *entry) reset(o op, line int) {
	e.op, e.category, e.idSpan, e.line = o, "", span{}, line
	e.attrs, e.vals, e.buf = e.attrs[:0], e.vals[:0], e.buf[:0]
	e.at = [numKeys]int32{}
}

// reader streams the requests of one file.
type reader struct {
	file  string
	s     *xmlfeed.Scanner
	depth int
	e     *entry // where the request being read goes: Parse hands a slot of a chunk each time
	// section is the request's child being read: operationalAttributes, identifier, attributes
	// or modifications.
	section string
	text    []byte
	names   map[string]attrName // attribute names, one string each
	order   []attrName          // the names of the last entries' attributes, by place
}

// newReader streams f; the Closer closes it.
func newReader(f *roster.File) (*reader, io.Closer, error) {
	s, c, err := xmlfeed.Stream(f.Open)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	return &reader{file: f.Name, s: s, e: &entry{}, names: map[string]attrName{}}, c, nil
}

// next reads up to the end of the next request and returns it, (nil, nil) at the end of the
// file, or a located error when the file is not well-formed.
func (r *reader) next() (*entry, *table.RowError) {
	for {
		switch r.s.Next() {
		case xmlfeed.EOF:
			return nil, nil
		case xmlfeed.Error:
			return nil, r.s.SyntaxError(r.file)
		case xmlfeed.Start:
			r.start()
		case xmlfeed.End:
			if r.end() {
				return r.e, nil
			}
		case xmlfeed.Text:
			if r.depth == 5 || r.depth == 4 && r.section == "identifier" {
				r.text = append(r.text, r.s.Text()...)
			}
		}
	}
}

func (r *reader) start() {
	r.depth++
	name := r.s.Name()
	switch r.depth {
	case 2:
		line := r.s.Line()
		switch string(name) {
		case "addRequest":
			r.e.reset(opAdd, line)
		case "modifyRequest":
			r.e.reset(opModify, line)
		case "deleteRequest":
			r.e.reset(opDelete, line)
		default:
			r.e.reset(0, line)
		}
	case 3:
		r.section = sectionName(name)
	case 4:
		if string(name) == "attr" || string(name) == "modification" {
			// Reuse the slot, and its values' array, an earlier entry held.
			n := len(r.e.attrs)
			if n < cap(r.e.attrs) {
				r.e.attrs = r.e.attrs[:n+1]
			} else {
				r.e.attrs = append(r.e.attrs, attr{})
			}
			b, _ := r.s.AttrBytes("name")
			name := r.name(b)
			r.e.attrs[n] = attr{name: name.name, from: len(r.e.vals)}
			if k := name.key; k != 0 && r.e.at[k] == 0 {
				r.e.at[k] = int32(n + 1)
			}
		}
	}
	r.text = r.text[:0]
}

// name returns an attribute's name, allocated once per name a file uses (a crafted file with
// endless names has each of those past the first thousands allocated on its own).
func (r *reader) name(b []byte) attrName {
	// Entries of a kind list their attributes in the same order: the name at this place in the
	// last entry is most often the one.
	at := len(r.e.attrs) - 1
	if at < len(r.order) && r.order[at].name == string(b) {
		return r.order[at]
	}
	n, ok := r.names[string(b)]
	if !ok {
		n = attrName{string(b), keyOf[string(b)]}
		if len(r.names) < 4096 {
			r.names[n.name] = n
		}
	}
	if at < len(r.order) {
		r.order[at] = n
	} else if at == len(r.order) && at < 256 {
		r.order = append(r.order, n)
	}
	return n
}

// attrName is an attribute's name and its key, 0 for one the parser does not read.
type attrName struct {
	name string
	key  key
}

// sectionName avoids a string allocation for the four names a request holds.
func sectionName(b []byte) string {
	for _, s := range [...]string{"attributes", "operationalAttributes", "identifier", "modifications"} {
		if string(b) == s {
			return s
		}
	}
	return ""
}

// end closes an element; it reports true when a request is complete.
func (r *reader) end() bool {
	depth := r.depth
	r.depth--
	switch {
	case depth == 2:
		return r.e.op != 0
	case depth == 4 && r.section == "identifier":
		r.e.idSpan, _ = r.e.keep(r.text)
	case depth == 5 && string(r.s.Name()) == "value":
		r.value()
	}
	return false
}

// value files the text just read under the attribute being read.
func (r *reader) value() {
	if len(r.e.attrs) == 0 || len(r.e.vals) >= maxValues {
		return
	}
	if r.section == "operationalAttributes" {
		r.e.category = category(r.text)
		return
	}
	if v, ok := r.e.keep(r.text); ok {
		r.e.vals = append(r.e.vals, v)
		r.e.attrs[len(r.e.attrs)-1].n++
	}
}

// keep copies a text into the entry's buffer as table.Clean leaves it, false when that is
// empty. Most of a feed's values are clean ASCII already and are copied as they are.
func (e *entry) keep(text []byte) (span, bool) {
	off := len(e.buf)
	if cleanASCII(text) {
		e.buf = append(e.buf, text...)
	} else {
		e.buf = append(e.buf, table.Clean(string(text))...)
	}
	return span{off, len(e.buf)}, len(e.buf) > off
}

// cleanASCII reports whether table.Clean would leave text as it is, for text of printable
// ASCII: no space at either end, none doubled.
func cleanASCII(text []byte) bool {
	if len(text) == 0 {
		return true
	}
	if text[0] == ' ' || text[len(text)-1] == ' ' {
		return false
	}
	for i, c := range text {
		if c < ' ' || c >= 0x7f || c == ' ' && text[i-1] == ' ' {
			return false
		}
	}
	return true
}

// category reads an entry's category, without a string each for the feed's own.
func category(text []byte) string {
	for _, c := range [...]string{"Eleve", "PersRelEleve", "PersEducNat", "EtabEducNat", "MatiereEducNat", "MefEducNat"} {
		if string(text) == c {
			return c
		}
	}
	return table.Clean(string(text))
}
