package xmlfeed

import (
	"bytes"
	"io"
	"strconv"
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

	// The open elements' names, copied end to end (a streamed window moves on): stackEnds[i]
	// is where the i-th ends in stackNames.
	stackNames []byte
	stackEnds  []int
	closing    bool // the Start just yielded was <x/>: its End comes next
	rootSeen   bool
	err        string
	errPos     int

	linePos, line int // line counted up to linePos

	// A streamed scanner (NewStreamScanner) reads its document through r into src, a window
	// that slides forward: eof once r is exhausted (an in-memory document starts there), short
	// when the token being read may run past the window.
	r     io.Reader
	ahead int // how much of the document to hold ahead of each token, at least
	eof   bool
	short bool
	rerr  error
	base  int64 // where src starts in the document
	size  int64 // the document's length, when Stream counted it
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
		s.pop()
		s.kind = End
		return End
	}
	need := s.ahead
	if !s.eof && len(s.src)-s.pos < need {
		s.fill(need) // the last token's slices are let go here, not before
	}
	for {
		if s.pos >= len(s.src) && !s.eof {
			s.fill(need)
			continue
		}
		if s.pos >= len(s.src) {
			if s.rerr != nil {
				return s.fail("the file could not be read to its end: " + s.rerr.Error())
			}
			if s.depth() > 0 {
				s.pos = len(bytes.TrimRight(s.src, " \t\r\n")) // the last line that says something
				return s.fail("unexpected end of file: <" + string(s.top()) + "> is not closed")
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
	if s.depth() == 0 {
		for i, c := range t {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				s.pos += i
				return s.fail("text outside the root element"), true
			}
		}
		s.pos += end
		return 0, false
	}
	if plain(t) < len(t) { // rare: a character to look at closer
		if i := badChar(t); i >= 0 {
			s.pos += i
			return s.fail("illegal character code " + strconv.Quote(string(t[i:i+1]))), true
		}
		if i := bytes.Index(t, []byte("]]>")); i >= 0 {
			s.pos += i
			return s.fail("unescaped ]]> not in CDATA section"), true
		}
		if bytes.IndexByte(t, '&') >= 0 && !validRefs(t) {
			return s.fail("invalid character entity"), true
		}
	}
	s.pos += end
	s.kind, s.text, s.cdat = Text, t, false
	return Text, true
}

// markup reads what starts at '<': a tag, a comment, a PI, a DOCTYPE or a CDATA section.
func (s *Scanner) markup() (Kind, bool) {
	rest := s.src[s.pos:]
	if len(rest) > 1 {
		switch rest[1] {
		case '/':
			return s.endTag()
		case '!', '?':
			return s.declaration(rest)
		}
	}
	return s.startTag()
}

func (s *Scanner) endTag() (Kind, bool) {
	i := s.pos + 2
	if s.depth() > 0 { // most often the element open, then '>': no name to read
		top := s.top()
		if end := i + len(top); end < len(s.src) && s.src[end] == '>' && bytes.Equal(s.src[i:end], top) {
			s.pos = end + 1
			s.pop()
			s.kind, s.name = End, s.src[i:end]
			return End, true
		}
	}
	n := nameLen(s.src[i:])
	if n == 0 {
		return s.fail(s.truncated("expected element name after </")), true
	}
	name := s.src[i : i+n]
	j := skipSpace(s.src, i+n)
	if j >= len(s.src) || s.src[j] != '>' {
		return s.fail("invalid characters between </" + string(name) + " and >"), true
	}
	if s.depth() == 0 || !bytes.Equal(s.top(), name) {
		if s.depth() == 0 {
			return s.fail("unexpected end element </" + string(name) + ">"), true
		}
		return s.fail("element <" + string(s.top()) + "> closed by </" + string(name) + ">"), true
	}
	s.pos = j + 1
	s.pop()
	s.kind, s.name = End, name
	return End, true
}

func (s *Scanner) startTag() (Kind, bool) {
	i := s.pos + 1
	n := nameLen(s.src[i:])
	if n == 0 {
		return s.fail(s.truncated("expected element name after <")), true
	}
	if s.depth() == 0 && s.rootSeen {
		return s.fail("a second root element"), true
	}
	if s.depth() >= maxDepth {
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
	s.push(name)
	s.rootSeen = true
	s.kind, s.name = Start, name
	return Start, true
}

// tagEnd finds the '>' closing a start tag, checking its attributes: name="value" or 'value',
// separated by white space, no '<' in a value, no name twice.
func (s *Scanner) tagEnd(i int) (end int, selfClosing bool, msg string) {
	var seenArr [8][]byte // a feed's tags have one or two attributes: no allocation
	seen := seenArr[:0]
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
		if v := s.src[k+1 : k+1+close]; plain(v) < len(v) || bytes.IndexByte(v, '<') >= 0 {
			if bytes.IndexByte(v, '<') >= 0 || badChar(v) >= 0 {
				return 0, false, "unescaped < or control character in attribute value"
			}
			if !validRefs(v) {
				return 0, false, "invalid character entity in attribute value"
			}
		}
		i = k + 1 + close + 1
	}
}

// truncated names the element left open when the file ends in the middle of a tag, else msg.
func (s *Scanner) truncated(msg string) string {
	if bytes.IndexByte(s.src[s.pos:], '>') >= 0 {
		return msg
	}
	if s.depth() > 0 {
		return "unexpected end of file: <" + string(s.top()) + "> is not closed"
	}
	return "unexpected end of file"
}

// depth is how many elements are open.
func (s *Scanner) depth() int { return len(s.stackEnds) }

// top is the name of the innermost open element; the scanner holds the copy.
func (s *Scanner) top() []byte {
	n := len(s.stackEnds)
	return s.stackNames[s.nameStart(n-1):s.stackEnds[n-1]]
}

func (s *Scanner) nameStart(i int) int {
	if i == 0 {
		return 0
	}
	return s.stackEnds[i-1]
}

func (s *Scanner) push(name []byte) {
	s.stackNames = append(s.stackNames, name...)
	s.stackEnds = append(s.stackEnds, len(s.stackNames))
}

func (s *Scanner) pop() {
	if n := len(s.stackEnds); n > 0 {
		s.stackNames = s.stackNames[:s.nameStart(n-1)]
		s.stackEnds = s.stackEnds[:n-1]
	}
}
