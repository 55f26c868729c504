package xmlfeed

import "bytes"

// declaration reads what starts with "<!" or "<?": a comment, a PI, a CDATA section or a
// DOCTYPE.
func (s *Scanner) declaration(rest []byte) (Kind, bool) {
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
		if s.depth() == 0 {
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
	}
	return s.directive()
}

// directive skips <!DOCTYPE …> before the root; the declarations of an internal subset nest
// their own angle brackets.
func (s *Scanner) directive() (Kind, bool) {
	if s.rootSeen || s.depth() > 0 {
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
