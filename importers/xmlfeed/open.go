package xmlfeed

import (
	"bytes"
	"strings"

	"rollcall/model"
)

// RuleBadXML is reported for a file that is not well-formed XML (truncated, a tag left open, a
// stray "<"): Line is where reading stopped, Expected what was wrong there.
const RuleBadXML = model.RuleBadXML

// Declared returns the encoding an XML declaration names, "" when there is none.
func Declared(raw []byte) string {
	head := raw[:min(len(raw), 200)]
	if !bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\xEF\xBB\xBF"), []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := string(head[:end])
	i := strings.Index(decl, "encoding")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(decl[i+len("encoding"):], " =")
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	rest = rest[1:]
	if j := strings.IndexByte(rest, q); j >= 0 {
		return rest[:j]
	}
	return ""
}
