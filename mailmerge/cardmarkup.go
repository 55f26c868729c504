package mailmerge

import (
	"bytes"
	"strings"
)

// CardMarkup is the tiny line-based markup a card template (CardTemplate) writes. The output
// of the template is read line by line; each line is one paragraph, wrapped to the card:
//
//	# text     large bold: the person's name, the activation code
//	## text    bold: the organization name, headings
//	> text     small print: instructions, addresses
//	---        a thin horizontal rule
//	(empty)    a small vertical gap; several empty lines count as one
//	text       regular text
//
// Leading and trailing spaces of a line are ignored, so templates may be indented. Text that
// does not fit on the card is set smaller until it does (down to about half size), then cut.
// On a card still to activate, a QR code of the activation address sits in the bottom-right
// corner and text beside it wraps around it.
const CardMarkup = "# title, ## heading, > small, --- rule, empty line = gap, else body"

type paraStyle uint8

const (
	styleBody paraStyle = iota
	styleTitle
	styleHeading
	styleSmall
	styleRule
	styleGap
)

type para struct {
	style paraStyle
	text  string
}

// parseCardMarkup splits template output into paragraphs, appending to dst.
func parseCardMarkup(out []byte, dst []para) []para {
	for len(out) > 0 {
		var line []byte
		if i := bytes.IndexByte(out, '\n'); i >= 0 {
			line, out = out[:i], out[i+1:]
		} else {
			line, out = out, nil
		}
		s := strings.TrimSpace(string(line))
		p := para{style: styleBody, text: s}
		switch {
		case s == "":
			// Leading gaps and repeated gaps carry no meaning.
			if len(dst) == 0 || dst[len(dst)-1].style == styleGap {
				continue
			}
			p.style = styleGap
		case strings.HasPrefix(s, "---") && strings.Trim(s, "-") == "":
			p = para{style: styleRule}
		case strings.HasPrefix(s, "## "):
			p = para{style: styleHeading, text: strings.TrimSpace(s[3:])}
		case strings.HasPrefix(s, "# "):
			p = para{style: styleTitle, text: strings.TrimSpace(s[2:])}
		case strings.HasPrefix(s, "> "):
			p = para{style: styleSmall, text: strings.TrimSpace(s[2:])}
		}
		dst = append(dst, p)
	}
	for len(dst) > 0 && dst[len(dst)-1].style == styleGap {
		dst = dst[:len(dst)-1]
	}
	return dst
}
