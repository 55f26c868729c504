package xmlfeed

import (
	"bytes"
	"io"
	"strconv"
	"unicode/utf8"
)

// Kind is what a Scanner stopped on.
type Kind uint8

// The kinds of token a Scanner yields. Comments, processing instructions and the DOCTYPE are
// skipped; CDATA sections are text.
const (
	EOF Kind = iota
	Start
	End
	Text
	Error
)

// maxDepth bounds element nesting: school exports are a few levels deep, and a crafted file a
// million levels deep must not grow the stack with it.
const maxDepth = 64

// Scanner reads a well-formed XML document held in memory, token by token, without building a
// tree and without allocating for markup: names and text are slices of the document until the
// caller asks for a string. It is strict where it matters for a feed (tags must match, entities
// must be known, one root, nothing but markup outside it) and reports the first fault with its
// line. It replaced encoding/xml on the hot path: an académie feed of 100,000 people took
// seconds there and takes a fraction of that here; the fuzz test holds the two to the same
// tokens for every document this one accepts.
type Scanner struct {
	src  []byte // the document, or the window of it a streamed scanner holds
	pos  int
	kind Kind
	name []byte // Start and End: the element's name
	tag  []byte // Start: the text between the name and '>', holding the attributes
	text []byte // Text: raw, entities not yet replaced
	cdat bool   // Text is a CDATA section, taken as it is
	buf  []byte // decoded text, reused

	stack    [][]byte
	closing  bool // the Start just yielded was <x/>: its End comes next
	rootSeen bool
	err      string
	errPos   int

	linePos, line int // line counted up to linePos

	// A streamed scanner (NewStreamScanner) reads its document through r into src, a window
	// that slides forward: eof once r is exhausted (an in-memory document starts there), short
	// when the token being read may run past the window, names the element names the stack
	// holds, copied once each, since the window they were read in moves on.
	r     io.Reader
	ahead int // how much of the document to hold ahead of each token, at least
	eof   bool
	short bool
	rerr  error
	names map[string][]byte
}

// NewScanner reads raw, decoding it to UTF-8 first when it is not (see Decode).
func NewScanner(raw []byte) *Scanner {
	return &Scanner{src: Decode(raw), line: 1, eof: true}
}

// Next advances to the next token and returns its kind; after EOF or Error it stays there.
func (s *Scanner) Next() Kind {
	if s.kind == Error || (s.kind == EOF && s.pos > 0 && s.pos >= len(s.src) && s.eof) {
		return s.kind
	}
	if s.closing {
		s.closing = false
		s.pop(s.name)
		s.kind = End
		return End
	}
	need := s.ahead
	s.fill(need) // the last token's slices are let go here, not before
	for {
		if s.pos >= len(s.src) && !s.eof {
			s.fill(need)
			continue
		}
		if s.pos >= len(s.src) {
			if s.rerr != nil {
				return s.fail("the file could not be read to its end: " + s.rerr.Error())
			}
			if len(s.stack) > 0 {
				s.pos = len(bytes.TrimRight(s.src, " \t\r\n")) // the last line that says something
				return s.fail("unexpected end of file: <" + string(s.stack[len(s.stack)-1]) + "> is not closed")
			}
			if !s.rootSeen {
				return s.fail("no root element")
			}
			s.kind = EOF
			return EOF
		}
		at, was := s.pos, s.kind
		var k Kind
		var done bool
		if s.src[s.pos] != '<' {
			k, done = s.charData()
		} else {
			k, done = s.markup()
		}
		if (s.short || k == Error) && !s.eof {
			// The token may go on past the window (a fault may be only the window's end): read
			// it again from its start with more of the file, up to MaxToken.
			if need >= MaxToken {
				if k != Error {
					return s.fail("a text or tag longer than " + strconv.Itoa(MaxToken>>20) + " MB")
				}
				return k
			}
			s.pos, s.kind, s.err, s.short = at, was, "", false
			need *= 4
			s.fill(need)
			continue
		}
		s.short = false
		if done {
			return k
		}
	}
}

// Name is the current element's name.
func (s *Scanner) Name() []byte { return s.name }

// Line is the line the scanner is at (1-based), counting LF, CR LF and a lone CR as one end of
// line each, as an editor does.
func (s *Scanner) Line() int { return s.lineAt(s.pos) }

// Err returns the fault that stopped the scanner and its line, or "" and 0.
func (s *Scanner) Err() (string, int) {
	if s.kind != Error {
		return "", 0
	}
	return s.err, s.lineAt(s.errPos)
}

func (s *Scanner) lineAt(pos int) int {
	pos = min(pos, len(s.src))
	if pos < s.linePos { // back, within the window: the end of a truncated file
		s.line -= lineEnds(s.src[pos:s.linePos])
	} else {
		s.line += lineEnds(s.src[s.linePos:pos])
	}
	s.linePos = pos
	return s.line
}

// lineEnds counts LF, CR LF and a lone CR as one end of line each.
func lineEnds(seg []byte) int {
	n := bytes.Count(seg, []byte{'\n'})
	if bytes.IndexByte(seg, '\r') >= 0 {
		n += bytes.Count(seg, []byte{'\r'}) - bytes.Count(seg, []byte("\r\n"))
	}
	return n
}

func (s *Scanner) fail(msg string) Kind {
	if s.kind != Error {
		s.kind, s.err, s.errPos = Error, msg, s.pos
	}
	return Error
}

// charData reads text up to the next '<'. Outside the root only white space may stand.
func (s *Scanner) charData() (Kind, bool) {
	end := bytes.IndexByte(s.src[s.pos:], '<')
	if end < 0 {
		end = len(s.src) - s.pos
		s.short = true // the text may go on past the window
	}
	t := s.src[s.pos : s.pos+end]
	if len(s.stack) == 0 {
		for i, c := range t {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				s.pos += i
				return s.fail("text outside the root element"), true
			}
		}
		s.pos += end
		return 0, false
	}
	if i := badChar(t); i >= 0 {
		s.pos += i
		return s.fail("illegal character code " + strconv.Quote(string(t[i:i+1]))), true
	}
	if i := bytes.Index(t, []byte("]]>")); i >= 0 {
		s.pos += i
		return s.fail("unescaped ]]> not in CDATA section"), true
	}
	if bytes.IndexByte(t, '&') >= 0 {
		if _, ok := unescape(s.buf[:0], t); !ok {
			return s.fail("invalid character entity"), true
		}
	}
	s.pos += end
	s.kind, s.text, s.cdat = Text, t, false
	return Text, true
}

// badChar returns the index of the first character XML forbids (controls but tab, LF, CR,
// U+FFFE, U+FFFF, and bytes that are not UTF-8).
func badChar(t []byte) int {
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(t[i:])
		if r == utf8.RuneError && size == 1 || !inCharRange(r) {
			return i
		}
		i += size
	}
	return -1
}

// markup reads what starts at '<': a tag, a comment, a PI, a DOCTYPE or a CDATA section.
func (s *Scanner) markup() (Kind, bool) {
	rest := s.src[s.pos:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		end := bytes.Index(rest[4:], []byte("-->"))
		if end < 0 {
			return s.fail("unexpected end of file in a comment"), true
		}
		if body := rest[4 : 4+end]; bytes.Contains(body, []byte("--")) || bytes.HasSuffix(body, []byte("-")) {
			return s.fail("invalid sequence \"--\" not allowed in comments"), true
		}
		s.pos += 4 + end + 3
		return 0, false
	case bytes.HasPrefix(rest, []byte("<?")):
		if nameLen(rest[2:]) == 0 {
			return s.fail("expected target name after <?"), true
		}
		end := bytes.Index(rest[2:], []byte("?>"))
		if end < 0 {
			return s.fail("unexpected end of file in a processing instruction"), true
		}
		s.pos += 2 + end + 2
		return 0, false
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		if len(s.stack) == 0 {
			return s.fail("CDATA outside the root element"), true
		}
		end := bytes.Index(rest[9:], []byte("]]>"))
		if end < 0 {
			return s.fail("unexpected end of file in CDATA section"), true
		}
		t := rest[9 : 9+end]
		if i := badChar(t); i >= 0 {
			s.pos += 9 + i
			return s.fail("illegal character code in CDATA"), true
		}
		s.pos += 9 + end + 3
		s.kind, s.text, s.cdat = Text, t, true
		return Text, true
	case bytes.HasPrefix(rest, []byte("<!")):
		return s.directive()
	case bytes.HasPrefix(rest, []byte("</")):
		return s.endTag()
	}
	return s.startTag()
}

// directive skips <!DOCTYPE …> before the root; the declarations of an internal subset nest
// their own angle brackets.
func (s *Scanner) directive() (Kind, bool) {
	if s.rootSeen || len(s.stack) > 0 {
		return s.fail("a declaration inside the document"), true
	}
	if !bytes.HasPrefix(s.src[s.pos:], []byte("<!DOCTYPE")) {
		return s.fail("expected <!DOCTYPE"), true
	}
	depth, quote := 0, byte(0)
	for i := s.pos + 2; i < len(s.src); i++ {
		c := s.src[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			depth++
		case c == '>' && depth > 0:
			depth--
		case c == '>':
			s.pos = i + 1
			return 0, false
		}
	}
	return s.fail("unexpected end of file in a declaration"), true
}

func (s *Scanner) endTag() (Kind, bool) {
	i := s.pos + 2
	n := nameLen(s.src[i:])
	if n == 0 {
		return s.fail(s.truncated("expected element name after </")), true
	}
	name := s.src[i : i+n]
	j := skipSpace(s.src, i+n)
	if j >= len(s.src) || s.src[j] != '>' {
		return s.fail("invalid characters between </" + string(name) + " and >"), true
	}
	if len(s.stack) == 0 || !bytes.Equal(s.stack[len(s.stack)-1], name) {
		if len(s.stack) == 0 {
			return s.fail("unexpected end element </" + string(name) + ">"), true
		}
		return s.fail("element <" + string(s.stack[len(s.stack)-1]) + "> closed by </" + string(name) + ">"), true
	}
	s.pos = j + 1
	s.stack = s.stack[:len(s.stack)-1]
	s.kind, s.name = End, name
	return End, true
}

func (s *Scanner) startTag() (Kind, bool) {
	i := s.pos + 1
	n := nameLen(s.src[i:])
	if n == 0 {
		return s.fail(s.truncated("expected element name after <")), true
	}
	if len(s.stack) == 0 && s.rootSeen {
		return s.fail("a second root element"), true
	}
	if len(s.stack) >= maxDepth {
		return s.fail("elements nested too deep"), true
	}
	name := s.src[i : i+n]
	end, selfClosing, msg := s.tagEnd(i + n)
	if msg != "" {
		return s.fail(msg), true
	}
	s.tag = s.src[i+n : end]
	if selfClosing {
		s.tag = s.src[i+n : end-1]
		s.closing = true
	}
	s.pos = end + 1
	s.stack = append(s.stack, s.keep(name))
	s.rootSeen = true
	s.kind, s.name = Start, name
	return Start, true
}

// tagEnd finds the '>' closing a start tag, checking its attributes: name="value" or 'value',
// separated by white space, no '<' in a value, no name twice.
func (s *Scanner) tagEnd(i int) (end int, selfClosing bool, msg string) {
	var seen [][]byte
	for {
		j := skipSpace(s.src, i)
		if j >= len(s.src) {
			return 0, false, s.truncated("unexpected end of file in a tag")
		}
		switch s.src[j] {
		case '>':
			return j, false, ""
		case '/':
			if j+1 < len(s.src) && s.src[j+1] == '>' {
				return j + 1, true, ""
			}
			return 0, false, "expected /> in element"
		}
		if j == i {
			return 0, false, "expected white space before an attribute"
		}
		n := nameLen(s.src[j:])
		if n == 0 {
			return 0, false, "expected attribute name in element"
		}
		name := s.src[j : j+n]
		for _, o := range seen {
			if bytes.Equal(o, name) {
				return 0, false, "attribute " + string(name) + " given twice"
			}
		}
		seen = append(seen, name)
		k := skipSpace(s.src, j+n)
		if k >= len(s.src) || s.src[k] != '=' {
			return 0, false, "unquoted or missing attribute value in element"
		}
		k = skipSpace(s.src, k+1)
		if k >= len(s.src) || (s.src[k] != '"' && s.src[k] != '\'') {
			return 0, false, "unquoted or missing attribute value in element"
		}
		q := s.src[k]
		close := bytes.IndexByte(s.src[k+1:], q)
		if close < 0 {
			return 0, false, "unexpected end of file in an attribute value"
		}
		v := s.src[k+1 : k+1+close]
		if bytes.IndexByte(v, '<') >= 0 || badChar(v) >= 0 {
			return 0, false, "unescaped < or control character in attribute value"
		}
		if _, ok := unescape(nil, v); !ok {
			return 0, false, "invalid character entity in attribute value"
		}
		i = k + 1 + close + 1
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// nameLen is the length of the XML name b starts with: a letter or '_', then those, digits,
// '-', '.' and ':'. It is narrower than XML allows on purpose: school exports name their
// elements in ASCII, and a name this accepts is one encoding/xml accepts too.
func nameLen(b []byte) int {
	i := 0
	for ; i < len(b); i++ {
		c := b[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' ||
			i > 0 && (c >= '0' && c <= '9' || c == '-' || c == '.' || c == ':')
		if !ok {
			return i
		}
	}
	return i
}

// truncated names the element left open when the file ends in the middle of a tag, else msg.
func (s *Scanner) truncated(msg string) string {
	if bytes.IndexByte(s.src[s.pos:], '>') >= 0 {
		return msg
	}
	if n := len(s.stack); n > 0 {
		return "unexpected end of file: <" + string(s.stack[n-1]) + "> is not closed"
	}
	return "unexpected end of file"
}

func (s *Scanner) pop(name []byte) {
	if n := len(s.stack); n > 0 {
		s.stack = s.stack[:n-1]
	}
}
