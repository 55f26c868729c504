package mailmerge

import (
	"fmt"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"rollcall/mailmerge/pdf"
)

// cardFonts are the Go fonts (BSD licence; Latin, Greek and Cyrillic with é è ç œ ß ñ),
// parsed once: parsing maps 65,536 characters, which per file would cost a WritePDFSplit of
// 300 classes a noticeable time. Immutable after the first call.
var cardFonts = sync.OnceValues(func() (*fontPair, error) {
	regular, err := pdf.ParseFont(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("mailmerge: regular font: %w", err)
	}
	bold, err := pdf.ParseFont(gobold.TTF)
	if err != nil {
		return nil, fmt.Errorf("mailmerge: bold font: %w", err)
	}
	return &fontPair{regular: regular, bold: bold}, nil
})

type fontPair struct {
	regular, bold *pdf.Font
}
