package model

import (
	"strings"
	"unicode/utf8"
)

// Printable neutralises what a terminal would obey rather than show in a value printed on it (a
// name, a login, a file name): C0 and C1 control characters, DEL, and the bidirectional
// overrides that reorder what is shown. A control character becomes its Unicode "control
// picture" (ESC shows as ␛, a line feed as ␊), anything else neutralised and invalid UTF-8
// become U+FFFD, so a name stored with ESC [31m prints as "␛[31m…" instead of turning the
// terminal red. Every face calls it (or PrintableText) on what it did not write itself.
func Printable(s string) string { return printable(s, false) }

// PrintableText is Printable for running text: line feeds, carriage returns and tabs keep their
// meaning, so messages and tables keep their layout.
func PrintableText(s string) string { return printable(s, true) }

func printable(s string, layout bool) string {
	clean := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || neutralised(r, layout) {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case !neutralised(r, layout):
			b.WriteRune(r)
		case r < 0x20:
			b.WriteRune(0x2400 + r) // ␀ … ␟
		case r == 0x7f:
			b.WriteRune('␡')
		default:
			b.WriteRune(utf8.RuneError)
		}
	}
	return b.String()
}

// neutralised says whether r must not reach a terminal as it is.
func neutralised(r rune, layout bool) bool {
	switch {
	case layout && (r == '\n' || r == '\r' || r == '\t'):
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
