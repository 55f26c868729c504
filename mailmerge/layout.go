package mailmerge

import (
	"fmt"

	"rollcall/mailmerge/pdf"
	"rollcall/model"
)

// Paper is a sheet size.
type Paper uint8

// The supported sheet sizes. The zero value is A4.
const (
	A4     Paper = iota // 210 × 297 mm
	Letter              // US Letter, 8.5 × 11 in
)

// String returns "a4" or "letter", the spelling flags use.
func (p Paper) String() string {
	switch p {
	case A4:
		return "a4"
	case Letter:
		return "letter"
	}
	return fmt.Sprintf("Paper(%d)", uint8(p))
}

// Layout says how cards sit on sheets.
type Layout struct {
	// PerSheet is 1, 2 or 8 cards per sheet; 0 means 8. With 2 and 8, cut marks are printed.
	PerSheet int
	// Paper is the sheet size; the zero value is A4.
	Paper Paper
}

// LayoutError reports a Layout that cannot be printed.
type LayoutError struct {
	Field string // "PerSheet" or "Paper"
	Value int
}

// Kind: a layout that cannot be printed is invalid input (exit code 3).
func (e *LayoutError) ErrorKind() model.Kind { return model.KindInvalid }

// Message names the value.
func (e *LayoutError) ErrorMessage() model.Message {
	return model.Message{ID: model.MsgLayout, Args: []any{e.Value}}
}

// Error names the unsupported value and what is supported.
func (e *LayoutError) Error() string {
	return fmt.Sprintf("mailmerge: unsupported layout %s %d (cards per sheet: 1, 2 or 8; paper: A4 or Letter)", e.Field, e.Value)
}

// Card design box, in design units. A card is laid out once in this box and scaled to its
// cell, so every layout shows the same card.
const (
	cardW, cardH = 252.0, 176.0
	cardPad      = 12.0
	sheetMargin  = 24.0 // keeps cards out of printers' unprintable border
	maxCardScale = 1.5  // 1 and 2 per sheet: bigger, not poster-sized
)

// geometry is a validated Layout: page size, the cards' placement, the shared cut marks.
type geometry struct {
	perSheet     int
	pageW, pageH float64
	cols, rows   int
	cellW, cellH float64
	scale        float64
	cutMarks     []byte // page content drawn on every page
	topAlignSolo bool
}

func (l Layout) geometry() (*geometry, error) {
	g := &geometry{perSheet: l.PerSheet}
	if g.perSheet == 0 {
		g.perSheet = 8
	}
	switch g.perSheet {
	case 1:
		g.cols, g.rows, g.topAlignSolo = 1, 1, true
	case 2:
		g.cols, g.rows = 1, 2
	case 8:
		g.cols, g.rows = 2, 4
	default:
		return nil, &LayoutError{Field: "PerSheet", Value: l.PerSheet}
	}
	switch l.Paper {
	case A4:
		g.pageW, g.pageH = 595.276, 841.89
	case Letter:
		g.pageW, g.pageH = 612, 792
	default:
		return nil, &LayoutError{Field: "Paper", Value: int(l.Paper)}
	}
	g.cellW = (g.pageW - 2*sheetMargin) / float64(g.cols)
	g.cellH = (g.pageH - 2*sheetMargin) / float64(g.rows)
	g.scale = min(g.cellW/cardW, g.cellH/cardH, maxCardScale)
	if g.perSheet > 1 {
		g.cutMarks = g.drawCutMarks()
	}
	return g, nil
}

// origin returns the bottom-left corner of card slot i's design box, in points.
func (g *geometry) origin(i int) (x, y float64) {
	col, row := i%g.cols, i/g.cols
	cellX := sheetMargin + float64(col)*g.cellW
	cellTop := g.pageH - sheetMargin - float64(row)*g.cellH
	w, h := cardW*g.scale, cardH*g.scale
	x = cellX + (g.cellW-w)/2
	if g.topAlignSolo {
		return x, cellTop - h
	}
	return x, cellTop - (g.cellH-h)/2 - h
}

// drawCutMarks draws ticks in the margins on every cut line and small crosses where inner
// cut lines meet, so a guillotine or scissors find the lines without a frame on each card.
func (g *geometry) drawCutMarks() []byte {
	var c pdf.Content
	c.StrokeGray(0.35)
	c.LineWidth(0.4)
	const gap, cross = 4.0, 5.0
	for i := 0; i <= g.cols; i++ {
		x := sheetMargin + float64(i)*g.cellW
		c.Line(x, gap, x, sheetMargin-gap)
		c.Line(x, g.pageH-sheetMargin+gap, x, g.pageH-gap)
	}
	for j := 0; j <= g.rows; j++ {
		y := sheetMargin + float64(j)*g.cellH
		c.Line(gap, y, sheetMargin-gap, y)
		c.Line(g.pageW-sheetMargin+gap, y, g.pageW-gap, y)
	}
	for i := 1; i < g.cols; i++ {
		for j := 1; j < g.rows; j++ {
			x, y := sheetMargin+float64(i)*g.cellW, sheetMargin+float64(j)*g.cellH
			c.Line(x-cross, y, x+cross, y)
			c.Line(x, y-cross, x, y+cross)
		}
	}
	for j := 1; j < g.rows && g.cols == 1; j++ { // one column: mark the inner line's ends
		y := sheetMargin + float64(j)*g.cellH
		c.Line(sheetMargin, y, sheetMargin+cross, y)
		c.Line(g.pageW-sheetMargin-cross, y, g.pageW-sheetMargin, y)
	}
	return append([]byte(nil), c.Bytes()...)
}
