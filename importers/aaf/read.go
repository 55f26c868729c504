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

// attr is one attribute of an entry with its values, in file order. Empty <value/>s are kept out.
type attr struct {
	name   string
	values []string
}

// entry is one request of a feed. The reader reuses it from one request to the next.
type entry struct {
	op       op
	category string // "Eleve", "PersEducNat", "EtabEducNat", …
	id       string // <identifier><id>
	line     int    // where the request starts
	attrs    []attr
	nvalues  int
}

// get returns an attribute's values.
func (e *entry) get(name string) []string {
	for i := range e.attrs {
		if e.attrs[i].name == name {
			return e.attrs[i].values
		}
	}
	return nil
}

// first returns an attribute's first value, "" when it has none.
func (e *entry) first(name string) string {
	if v := e.get(name); len(v) > 0 {
		return v[0]
	}
	return ""
}

func (e *entry) reset(o op, line int) {
	e.op, e.category, e.id, e.line, e.nvalues = o, "", "", line, 0
	e.attrs = e.attrs[:0]
}

// reader streams the requests of one file.
type reader struct {
	file  string
	s     *xmlfeed.Scanner
	depth int
	e     entry
	// section is the request's child being read: operationalAttributes, identifier, attributes
	// or modifications.
	section string
	text    []byte
}

// newReader streams f; the Closer closes it.
func newReader(f *roster.File) (*reader, io.Closer, error) {
	s, c, err := xmlfeed.Stream(f.Open)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	return &reader{file: f.Name, s: s}, c, nil
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
				return &r.e, nil
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
			a := &r.e.attrs[n]
			a.name, _ = r.s.Attr("name")
			a.values = a.values[:0]
		}
	}
	r.text = r.text[:0]
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
		r.e.id = table.Clean(string(r.text))
	case depth == 5 && string(r.s.Name()) == "value":
		r.value()
	}
	return false
}

// value files the text just read under the attribute being read.
func (r *reader) value() {
	if len(r.e.attrs) == 0 || r.e.nvalues >= maxValues {
		return
	}
	v := table.Clean(string(r.text))
	if v == "" {
		return
	}
	if r.section == "operationalAttributes" {
		r.e.category = v
		return
	}
	r.e.nvalues++
	a := &r.e.attrs[len(r.e.attrs)-1]
	a.values = append(a.values, v)
}
