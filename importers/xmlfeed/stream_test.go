package xmlfeed

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// trace is everything a scanner yields, lines and faults included, for comparing two scanners.
func trace(s *Scanner) string {
	var b strings.Builder
	for {
		k := s.Next()
		switch k {
		case EOF:
			return b.String()
		case Error:
			msg, line := s.Err()
			fmt.Fprintf(&b, "error %d %s", line, msg)
			return b.String()
		case Start:
			fmt.Fprintf(&b, "<%s %d %q|", s.Name(), s.Line(), s.Attrs())
		case End:
			fmt.Fprintf(&b, ">%s %d|", s.Name(), s.Line())
		case Text:
			fmt.Fprintf(&b, "#%q|", s.Text())
		}
	}
}

// streamed scans raw through a window of a few bytes, read one byte at a time, so that every
// token crosses the window's end somewhere.
func streamed(raw []byte, ahead int) *Scanner {
	s := NewStreamScanner(iotest.OneByteReader(bytes.NewReader(raw)))
	s.ahead = ahead
	return s
}

// FuzzStream holds the streamed scanner to the in-memory one: the same tokens, lines and faults
// whatever the window's size, for every UTF-8 document.
func FuzzStream(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE a [<!ELEMENT a ANY>]><a x="1">t&amp;<b/><![CDATA[<c>]]></a>`), uint8(1))
	f.Add([]byte("<a>\r\n<b y='&#233;'>\r</b><!-- c --></a>\n"), uint8(3))
	f.Add([]byte(`<ficAlimMENESR><addRequest><attr name="sn"><value>A&apos;B</value><value/></attr></addRequest></ficAlimMENESR>`), uint8(2))
	f.Add([]byte("<a><b></a>"), uint8(1))
	f.Add([]byte("<a>\n<b>text\n"), uint8(4))
	f.Add([]byte("<a/>  \n\n <b/>"), uint8(1))
	f.Fuzz(func(t *testing.T, raw []byte, ahead uint8) {
		if !validUTF8NoBOM(raw) {
			return // the in-memory scanner decodes first
		}
		want := trace(NewScanner(raw))
		if got := trace(streamed(raw, int(ahead%16)+1)); got != want {
			t.Fatalf("streamed scanner differs on %q:\n got  %s\n want %s", raw, got, want)
		}
	})
}

func TestStreamDecidesTheEncodingOnTheWholeFile(t *testing.T) {
	t.Parallel()
	// UTF-8 up to a Latin-9 byte far past the first reads: the whole file is Latin-9.
	latin := append([]byte(`<?xml version="1.0" encoding="ISO-8859-15"?><a>`+strings.Repeat("Zo\xe9 ", 100_000)), []byte("\xa4</a>")...)
	utf8Doc := []byte("<a>" + strings.Repeat("Zoé ", 100_000) + "€</a>")
	for name, tc := range map[string]struct {
		raw  []byte
		tail string
	}{"latin-9 at the end": {latin, "Zoé €"}, "utf-8": {utf8Doc, "Zoé €"}} {
		s, c, err := Stream(func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(tc.raw)), nil })
		if err != nil {
			t.Fatal(err)
		}
		var text []byte
		for k := s.Next(); k != EOF && k != Error; k = s.Next() {
			if k == Text {
				text = append(text, s.Text()...)
			}
		}
		c.Close()
		if msg, _ := s.Err(); msg != "" || !strings.HasSuffix(string(text), tc.tail) || !strings.HasPrefix(string(text), "Zoé Zoé") {
			t.Errorf("%s: %q … %q", name, msg, text[max(0, len(text)-20):])
		}
	}
}
