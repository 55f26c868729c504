package mailmerge

import (
	"bytes"
	"fmt"

	"rollcall/mailmerge/pdf"
	"rollcall/mailmerge/qr"
)

// Sizes on the card, in design units (see cardW, cardH).
const (
	qrSide     = 66.0 // the QR code without quiet zone: about 25 mm at 8 per A4 sheet
	qrGap      = 9.0  // text keeps this far from the code: more than a 4-module quiet zone
	lineFactor = 1.25 // line height / font size
	gapHeight  = 4.0
	ruleHeight = 7.0
	minFit     = 0.5 // smallest text scale tried before cutting lines that do not fit
)

type styleSpec struct {
	bold bool
	size float64
}

var styleSpecs = [...]styleSpec{
	styleBody:    {false, 8.5},
	styleTitle:   {true, 12.5},
	styleHeading: {true, 9.5},
	styleSmall:   {false, 6.6},
}

// placedLine is one line of text ready to draw: glyphs[from:to] of the renderer's buffer.
type placedLine struct {
	bold     bool
	size     float64
	x, y     float64 // baseline start
	from, to int
}

// cardRenderer lays out and draws cards. Each worker owns one: it holds the scratch buffers
// that make a card cost no allocation in the steady state.
type cardRenderer struct {
	tpl       *Templates
	fonts     *fontPair
	regular   string // font resource names in the PDF
	bold      string
	out       bytes.Buffer // template output
	paras     []para
	runes     []rune
	adv       []int32
	glyphs    []uint16 // glyphs of placed lines
	lines     []placedLine
	rules     []float64
	qrEnc     qr.Encoder
	qrCode    qr.Code
	qrURL     string // the URL qrCode holds: cards often share one activation address
	qrRuns    []qrRun
	qrPending []qrRun
}

// renderCard draws c with its design box's bottom-left corner at (x, y), scaled by scale.
func (r *cardRenderer) renderCard(c *pdf.Content, card *Card, x, y, scale float64) error {
	set, lang := r.tpl.forLanguage(card.Language)
	d := newTemplateData(*card, lang, "", false)
	r.out.Reset()
	if err := set.execCard(&r.out, &d); err != nil {
		return fmt.Errorf("card for %s: %w", card.Login, err)
	}
	r.paras = parseCardMarkup(r.out.Bytes(), r.paras[:0])
	withQR := !card.Activated && card.ActivationURL != ""
	if withQR && card.ActivationURL != r.qrURL {
		if err := r.qrEnc.Encode(card.ActivationURL, qr.M, &r.qrCode); err != nil {
			return fmt.Errorf("card for %s: activation URL: %w", card.Login, err)
		}
		r.qrURL = card.ActivationURL
	}
	r.fit(withQR)

	c.Save()
	c.Transform(scale, 0, 0, scale, x, y)
	r.drawText(c)
	if len(r.rules) > 0 {
		c.StrokeGray(0.55)
		c.LineWidth(0.5)
		for _, ry := range r.rules {
			c.Line(cardPad, ry, cardW-cardPad, ry)
		}
	}
	if withQR {
		r.drawQR(c, cardW-cardPad-qrSide, cardPad, qrSide)
	}
	c.Restore()
	return nil
}

// fit lays the paragraphs out at full size, or smaller until they fit the card.
func (r *cardRenderer) fit(withQR bool) {
	for f := 1.0; ; f *= 0.88 {
		if r.layout(f, withQR) || f*0.88 < minFit {
			return
		}
	}
}

// layout places every paragraph at text scale f and reports whether all of it fit.
func (r *cardRenderer) layout(f float64, withQR bool) bool {
	r.lines, r.rules, r.glyphs = r.lines[:0], r.rules[:0], r.glyphs[:0]
	top := cardH - cardPad
	for _, p := range r.paras {
		switch p.style {
		case styleGap:
			top -= gapHeight * f
			continue
		case styleRule:
			r.rules = append(r.rules, top-ruleHeight*f/2)
			top -= ruleHeight * f
			continue
		}
		spec := styleSpecs[p.style]
		size := spec.size * f
		font := r.fonts.regular
		if spec.bold {
			font = r.fonts.bold
		}
		r.shape(font, p.text)
		for start := 0; start < len(r.runes); {
			lh := size * lineFactor
			if top-lh < cardPad-0.01 {
				return false
			}
			width := cardW - 2*cardPad
			if withQR && top-lh < cardPad+qrSide+qrGap {
				width -= qrSide + qrGap
			}
			maxUnits := int32(width / size * float64(font.UnitsPerEm()))
			end, next := breakLine(r.runes, r.adv, start, maxUnits)
			from := len(r.glyphs)
			for i := start; i < end; i++ {
				r.glyphs = append(r.glyphs, font.Glyph(r.runes[i]))
			}
			baseline := top - size*0.95
			r.lines = append(r.lines, placedLine{bold: spec.bold, size: size, x: cardPad, y: baseline, from: from, to: len(r.glyphs)})
			top -= lh
			start = next
		}
	}
	return true
}

// shape converts text to runes and glyph advances in r's scratch buffers. Tabs and other
// controls become spaces: an admin's template must not produce invisible boxes.
func (r *cardRenderer) shape(font *pdf.Font, text string) {
	r.runes, r.adv = r.runes[:0], r.adv[:0]
	for _, ch := range text {
		if ch < ' ' || ch == 0x7F {
			ch = ' '
		}
		r.runes = append(r.runes, ch)
		r.adv = append(r.adv, int32(font.Advance(font.Glyph(ch))))
	}
}

// breakLine returns where the line starting at start ends (exclusive) within maxUnits font
// units, and where the next line starts. It breaks at the last space that fits; a word too
// long for a line (an address) breaks after a '/', '?', '&', '-' or '.', else anywhere.
func breakLine(runes []rune, adv []int32, start int, maxUnits int32) (end, next int) {
	for start < len(runes) && runes[start] == ' ' {
		start++
	}
	var w int32
	lastSpace := -1
	for i := start; i < len(runes); i++ {
		if runes[i] == ' ' {
			lastSpace = i
		}
		w += adv[i]
		if w <= maxUnits || i == start {
			continue
		}
		if lastSpace > start {
			return lastSpace, lastSpace + 1
		}
		for j := i - 1; j > start; j-- {
			switch runes[j] {
			case '/', '?', '&', '-', '.':
				return j + 1, j + 1
			}
		}
		return i, i
	}
	return len(runes), len(runes)
}

func (r *cardRenderer) drawText(c *pdf.Content) {
	if len(r.lines) == 0 {
		return
	}
	c.BeginText()
	curBold, curSize := false, -1.0
	for _, l := range r.lines {
		if l.bold != curBold || l.size != curSize {
			res := r.regular
			if l.bold {
				res = r.bold
			}
			c.SetFont(res, l.size)
			curBold, curSize = l.bold, l.size
		}
		c.TextAt(l.x, l.y)
		c.ShowGlyphs(r.glyphs[l.from:l.to])
	}
	c.EndText()
}
