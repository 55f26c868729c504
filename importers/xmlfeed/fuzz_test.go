package xmlfeed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// token is one token in a form both scanners can give: "<name", ">name" or the text.
func stdTokens(raw []byte) ([]string, bool) {
	d := xml.NewDecoder(bytes.NewReader(raw))
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	var out []string
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out, depth == 0
		}
		if err != nil {
			return nil, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			out = append(out, "<"+qname(t.Name))
		case xml.EndElement:
			depth--
			out = append(out, ">"+qname(t.Name))
		case xml.CharData:
			if depth > 0 {
				out = appendText(out, string(t))
			}
		}
	}
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// appendText merges adjacent text (a CDATA section beside plain text is one run of text).
func appendText(out []string, s string) []string {
	if n := len(out); n > 0 && strings.HasPrefix(out[n-1], "#") {
		out[n-1] += s
		return out
	}
	return append(out, "#"+s)
}

func ourTokens(raw []byte) ([]string, bool) {
	s := NewScanner(raw)
	var out []string
	for {
		switch s.Next() {
		case EOF:
			return out, true
		case Error:
			return nil, false
		case Start:
			out = append(out, "<"+string(s.Name()))
		case End:
			out = append(out, ">"+string(s.Name()))
		case Text:
			out = appendText(out, string(s.Text()))
		}
	}
}

// FuzzScanner holds the scanner to encoding/xml: a UTF-8 document both accept must give the same
// elements and text (with line ends as encoding/xml normalises them). The scanner is stricter
// in places (ASCII names only), never looser about what a feed needs: matched tags, known
// entities, one root.
func FuzzScanner(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE a [<!ELEMENT a ANY>]><a x="1">t&amp;<b/><![CDATA[<c>]]></a>`))
	f.Add([]byte("<a>\r\n<b y='&#233;'>\r</b><!-- c --></a>\n"))
	f.Add([]byte(`<ficAlimMENESR><addRequest><attr name="sn"><value>A&apos;B</value><value/></attr></addRequest></ficAlimMENESR>`))
	f.Add([]byte(`<a><b></a>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		ours, ok := ourTokens(raw)
		if !ok {
			return
		}
		if bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) || !validUTF8NoBOM(raw) {
			return // decoded first: the two no longer read the same bytes
		}
		std, stdOK := stdTokens(raw)
		if !stdOK {
			if strings.Contains(string(raw), "<?xml") {
				return // encoding/xml also checks the declaration's version and charset
			}
			t.Fatalf("we accept what encoding/xml refuses: %q", raw)
		}
		for i := range std {
			std[i] = strings.ReplaceAll(strings.ReplaceAll(std[i], "\r\n", "\n"), "\r", "\n")
		}
		for i := range ours {
			ours[i] = strings.ReplaceAll(strings.ReplaceAll(ours[i], "\r\n", "\n"), "\r", "\n")
		}
		if strings.Join(ours, "\x00") != strings.Join(std, "\x00") {
			t.Fatalf("tokens differ on %q:\n ours %q\n std  %q", raw, ours, std)
		}
	})
}

func validUTF8NoBOM(raw []byte) bool { return charsetOf(raw) == nil }
