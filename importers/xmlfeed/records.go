package xmlfeed

import "bytes"

// Attr is one attribute of an element.
type Attr struct{ Name, Value string }

// Element is one element of a record and everything inside it: SIECLE and STS-Web files are
// lists of small records (an ELEVE, an INDIVIDU, a DIVISION), each read whole, never the file.
type Element struct {
	Name     string
	Line     int
	Attrs    []Attr
	Text     string // the element's own text, entities replaced, trimmed
	Children []*Element
}

// Attr returns the value of an attribute, "" when absent.
func (e *Element) Attr(name string) string {
	if e == nil {
		return ""
	}
	for _, a := range e.Attrs {
		if a.Name == name {
			return a.Value
		}
	}
	return ""
}

// Child returns the first child called name, or nil.
func (e *Element) Child(name string) *Element {
	if e == nil {
		return nil
	}
	for _, c := range e.Children {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Get returns the text of the first child called name, "" when there is none.
func (e *Element) Get(name string) string {
	if c := e.Child(name); c != nil {
		return c.Text
	}
	return ""
}

// All returns the elements at the end of path below e: All("STRUCTURE") are e's STRUCTURE
// children, All("SERVICES", "SERVICE") their grandchildren through SERVICES.
func (e *Element) All(path ...string) []*Element {
	level := []*Element{e}
	for _, name := range path {
		var next []*Element
		for _, p := range level {
			if p == nil {
				continue
			}
			for _, c := range p.Children {
				if c.Name == name {
					next = append(next, c)
				}
			}
		}
		level = next
	}
	return level
}

// MaxRecordElements bounds one record: a crafted file with a million elements inside one
// INDIVIDU stops with an error instead of holding them all.
const MaxRecordElements = 100000

// Records reads the whole document and calls fn for each element that one of keys names as
// "PARENT/NAME" (an ELEVE inside ELEVES: "ELEVES/ELEVE"), built whole. Elements inside a record
// are not matched again. It returns false when the document is not well-formed: SyntaxError
// says where.
func (s *Scanner) Records(keys []string, fn func(key string, e *Element)) bool {
	var path []string
	for {
		switch s.Next() {
		case EOF:
			return true
		case Error:
			return false
		case End:
			path = path[:len(path)-1]
		case Start:
			name := string(s.Name())
			key := ""
			if len(path) > 0 {
				key = path[len(path)-1] + "/" + name
			}
			if matches(keys, key) {
				e, ok := s.element(name)
				if !ok {
					return false
				}
				fn(key, e)
				continue // the record's end was read with it
			}
			path = append(path, name)
		}
	}
}

func matches(keys []string, key string) bool {
	for _, k := range keys {
		if k == key {
			return true
		}
	}
	return false
}

// element builds the element whose start tag the scanner is on, up to its end tag.
func (s *Scanner) element(name string) (*Element, bool) {
	root := &Element{Name: name, Line: s.Line(), Attrs: s.Attrs()}
	stack := []*Element{root}
	texts := [][]byte{nil}
	count := 1
	if s.closing {
		s.Next() // the End of <x/>
		return root, true
	}
	for {
		switch s.Next() {
		case Error, EOF:
			if s.kind == EOF {
				s.fail("unexpected end of file")
			}
			return nil, false
		case Text:
			texts[len(texts)-1] = append(texts[len(texts)-1], s.Text()...)
		case Start:
			count++
			if count > MaxRecordElements {
				s.fail("a record with too many elements")
				return nil, false
			}
			c := &Element{Name: string(s.Name()), Line: s.Line(), Attrs: s.Attrs()}
			top := stack[len(stack)-1]
			top.Children = append(top.Children, c)
			stack = append(stack, c)
			texts = append(texts, nil)
		case End:
			top := stack[len(stack)-1]
			top.Text = string(bytes.TrimSpace(texts[len(texts)-1]))
			stack, texts = stack[:len(stack)-1], texts[:len(texts)-1]
			if len(stack) == 0 {
				return root, true
			}
		}
	}
}

// Attrs returns the current start tag's attributes, entities replaced.
func (s *Scanner) Attrs() []Attr {
	var out []Attr
	t := s.tag
	for {
		i := skipSpace(t, 0)
		n := nameLen(t[i:])
		if n == 0 {
			return out
		}
		key := t[i : i+n]
		k := skipSpace(t, i+n)
		k = skipSpace(t, k+1)
		q := t[k]
		end := bytes.IndexByte(t[k+1:], q)
		v, _ := unescape(nil, t[k+1:k+1+end])
		out = append(out, Attr{Name: string(key), Value: string(v)})
		t = t[k+1+end+1:]
	}
}
