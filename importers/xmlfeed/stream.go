package xmlfeed

import (
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

const (
	// windowAhead is how much of a streamed document the scanner reads ahead of each token.
	windowAhead = 64 << 10
	// MaxToken is the longest token (a text, a tag, a comment) a streamed document may hold:
	// school feeds' are a few hundred bytes, and a crafted file's one endless text must not
	// take the memory a streamed file was meant to spare.
	MaxToken = 16 << 20
)

// NewStreamScanner reads a UTF-8 document from r, holding only a window of it: the tokens'
// slices (Name, Text, the tag) are good until the next call to Next, as for NewScanner. A read
// error stops it with a fault at the line it reached.
func NewStreamScanner(r io.Reader) *Scanner {
	return &Scanner{r: r, ahead: windowAhead, line: 1}
}

// fill makes the window hold at least need bytes from pos on, or all that is left. It drops
// what is behind pos, so the previous token's slices are no longer good.
func (s *Scanner) fill(need int) {
	if s.eof || len(s.src)-s.pos >= need {
		return
	}
	if s.pos > 0 {
		s.lineAt(s.pos)
		n := copy(s.src, s.src[s.pos:])
		s.base += int64(s.pos)
		s.src, s.linePos, s.errPos, s.pos = s.src[:n], s.linePos-s.pos, 0, 0
	}
	if cap(s.src) < 2*need {
		size := 1 << 20 // fewer, larger reads
		if s.size > 0 {
			size = min(size, int(min(s.size, 1<<30))+4096) // a small document needs no more than itself
		}
		win := make([]byte, len(s.src), max(2*need, size))
		copy(win, s.src)
		s.src = win
	}
	for len(s.src) < need && !s.eof {
		n, err := s.r.Read(s.src[len(s.src):cap(s.src)])
		s.src = s.src[:len(s.src)+n]
		switch {
		case err == io.EOF:
			s.eof = true
		case err != nil:
			s.eof, s.rerr = true, err
		}
	}
}

// Stream opens a document for scanning without holding it. A first pass reads it through to
// choose its encoding as Decode does (a BOM, else valid UTF-8 throughout, else the declaration);
// a second reads it, decoded, into the scanner's window. open is called once for each pass; the
// returned Closer closes the second.
func Stream(open func() (io.ReadCloser, error)) (*Scanner, io.Closer, error) {
	rc, err := open()
	if err != nil {
		return nil, nil, err
	}
	enc, size, err := sniff(rc)
	rc.Close()
	if err != nil {
		return nil, nil, err
	}
	if rc, err = open(); err != nil {
		return nil, nil, err
	}
	var r io.Reader = rc
	if enc != nil {
		r = transform.NewReader(rc, enc.NewDecoder())
	}
	s := NewStreamScanner(r)
	s.size = size
	return s, rc, nil
}

// Size is the length in bytes of a UTF-8 document Stream opened (its first pass counts it), 0
// when not known. With Offset, a reader can tell how many records a file holds from the
// first ones, and make room for them once.
func (s *Scanner) Size() int64 { return s.size }

// Offset is how far into the document, decoded, the scanner is.
func (s *Scanner) Offset() int64 { return s.base + int64(s.pos) }

// sniff reads r through and returns the encoding Decode would pick for all of it (nil: UTF-8
// as it is) and, for UTF-8 read through, its length, keeping only its head and the last bytes of a character cut
// between two reads.
func sniff(r io.Reader) (encoding.Encoding, int64, error) {
	buf := make([]byte, 16<<10) // enough for a small file; a big one gets 256 KB after its first read
	var head []byte
	carry := 0 // bytes at buf's start left from the last read: a character cut in two
	var size int64
	for {
		n, err := r.Read(buf[carry:])
		size += int64(n)
		n += carry
		if head == nil && n > 0 {
			head = bytes.Clone(buf[:min(n, 512)])
			if hasBOM(head) {
				return charsetOf(head), 0, nil
			}
		}
		done := err == io.EOF
		if err != nil && !done {
			return nil, 0, err
		}
		cut := n
		if !done {
			cut = cutRune(buf[:n])
		}
		if !utf8.Valid(buf[:cut]) {
			// Not UTF-8: the declaration, in the head, decides (charsetOf sees invalid bytes).
			return charsetOf(append(head, 0xFF)), 0, nil
		}
		if done {
			return nil, size, nil
		}
		carry = copy(buf, buf[cut:n])
		if n == len(buf) && len(buf) < 256<<10 {
			big := make([]byte, 256<<10)
			copy(big, buf[:carry])
			buf = big
		}
	}
}

func hasBOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

// cutRune returns where b stops being whole characters: before a multi-byte character whose
// last bytes are still to be read.
func cutRune(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return i
			}
			break
		}
	}
	return len(b)
}
