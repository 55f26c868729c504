// Package pdf is a small streaming PDF writer: pages are written to the output as soon as
// they are handed over, so a 12,500-page document never sits in memory. It knows only what
// Rollcall's cards need: embedded TrueType fonts (CIDFontType2, Identity-H, ToUnicode so
// text extracts), grey fills and strokes, rectangles and lines, and Flate-compressed page
// content built with Content.
//
// General-purpose libraries (gofpdf, gopdf) keep the whole document in memory until the end:
// measured at about 3 GB and 50 s for 100,000 cards with vector QR codes.
package pdf

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// Object numbers fixed at the start of every file.
const (
	catalogObj   = 1
	pageTreeObj  = 2
	infoObj      = 3
	resourcesObj = 4
	firstFreeObj = 5
)

// kidsPerNode bounds the width of the page tree's lower level, so viewers can seek to a
// page without walking a 12,500-entry array.
const kidsPerNode = 64

// ErrClosed is returned by a Writer used after Close.
var ErrClosed = errors.New("pdf: writer closed")

// Info is the document information dictionary.
type Info struct {
	Title, Producer string
}

// Writer streams a PDF document. Add fonts, then write pages in order, then Close. A Writer
// is not safe for concurrent use; render pages in parallel and hand them over in order.
type Writer struct {
	w       *bufio.Writer
	n       int64   // bytes written so far
	offsets []int64 // by object number; 0 = not written yet
	fonts   []fontRef
	nodes   []pageNode // lower level of the page tree
	pages   int
	err     error // sticky: the first write error
	closed  bool
}

type fontRef struct {
	resource string
	obj      int
}

type pageNode struct {
	obj  int
	kids []int32
}

// NewWriter starts a document on w and writes its header.
func NewWriter(w io.Writer, info Info) *Writer {
	pw := &Writer{w: bufio.NewWriterSize(w, 256<<10), offsets: make([]int64, firstFreeObj)}
	// The binary comment line tells transfer tools the file is not text.
	pw.writeString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	pw.beginObj(catalogObj)
	pw.writeString("<< /Type /Catalog /Pages 2 0 R >>\n")
	pw.endObj()
	pw.beginObj(infoObj)
	pw.writeString("<< /Producer ")
	pw.writeString(literal(info.Producer))
	if info.Title != "" {
		pw.writeString(" /Title ")
		pw.writeString(literal(info.Title))
	}
	pw.writeString(" >>\n")
	pw.endObj()
	return pw
}

// Pages returns the number of pages written so far.
func (w *Writer) Pages() int { return w.pages }

// WritePage appends a page of width×height points whose content stream is deflated (from
// Deflater.Deflate) or, if !deflated, plain operators (from Content.Bytes).
func (w *Writer) WritePage(width, height float64, content []byte, deflated bool) error {
	if w.closed {
		return ErrClosed
	}
	if w.pages%kidsPerNode == 0 {
		w.nodes = append(w.nodes, pageNode{obj: w.newObj(), kids: make([]int32, 0, kidsPerNode)})
	}
	node := &w.nodes[len(w.nodes)-1]
	page, stream := w.newObj(), w.newObj()
	node.kids = append(node.kids, int32(page))
	w.pages++

	w.beginObj(page)
	w.writeString("<< /Type /Page /Parent ")
	w.writeRef(node.obj)
	w.writeString(" /MediaBox [0 0 ")
	w.writeNumber(width)
	w.writeString(" ")
	w.writeNumber(height)
	w.writeString("] /Resources 4 0 R /Contents ")
	w.writeRef(stream)
	w.writeString(" >>\n")
	w.endObj()

	w.beginObj(stream)
	w.writeString("<< /Length ")
	w.writeString(strconv.Itoa(len(content)))
	if deflated {
		w.writeString(" /Filter /FlateDecode")
	}
	w.writeString(" >>\nstream\n")
	w.write(content)
	w.writeString("\nendstream\n")
	w.endObj()
	return w.err
}

// Close writes the page tree, resources, cross-reference table and trailer, and flushes.
// It does not close the underlying writer.
func (w *Writer) Close() error {
	if w.closed {
		return ErrClosed
	}
	w.closed = true
	w.writePageTree()
	w.writeResources()
	xref := w.n
	w.writeString("xref\n0 ")
	w.writeString(strconv.Itoa(len(w.offsets)))
	w.writeString("\n0000000000 65535 f \n")
	for obj := 1; obj < len(w.offsets); obj++ {
		w.writeString(fmt.Sprintf("%010d 00000 n \n", w.offsets[obj]))
	}
	w.writeString("trailer\n<< /Size ")
	w.writeString(strconv.Itoa(len(w.offsets)))
	w.writeString(" /Root 1 0 R /Info 3 0 R >>\nstartxref\n")
	w.writeString(strconv.FormatInt(xref, 10))
	w.writeString("\n%%EOF\n")
	if w.err == nil {
		w.err = w.w.Flush()
	}
	return w.err
}

func (w *Writer) writePageTree() {
	for _, node := range w.nodes {
		w.beginObj(node.obj)
		w.writeString("<< /Type /Pages /Parent 2 0 R /Count ")
		w.writeString(strconv.Itoa(len(node.kids)))
		w.writeString(" /Kids [")
		for _, k := range node.kids {
			w.writeRef(int(k))
			w.writeString(" ")
		}
		w.writeString("] >>\n")
		w.endObj()
	}
	w.beginObj(pageTreeObj)
	w.writeString("<< /Type /Pages /Count ")
	w.writeString(strconv.Itoa(w.pages))
	w.writeString(" /Kids [")
	for _, node := range w.nodes {
		w.writeRef(node.obj)
		w.writeString(" ")
	}
	w.writeString("] >>\n")
	w.endObj()
}

func (w *Writer) writeResources() {
	w.beginObj(resourcesObj)
	w.writeString("<< /ProcSet [/PDF /Text] /Font <<")
	for _, f := range w.fonts {
		w.writeString(" /")
		w.writeString(f.resource)
		w.writeString(" ")
		w.writeRef(f.obj)
	}
	w.writeString(" >> >>\n")
	w.endObj()
}

// newObj reserves the next object number.
func (w *Writer) newObj() int {
	w.offsets = append(w.offsets, 0)
	return len(w.offsets) - 1
}

func (w *Writer) beginObj(obj int) {
	w.offsets[obj] = w.n
	w.writeString(strconv.Itoa(obj))
	w.writeString(" 0 obj\n")
}

func (w *Writer) endObj() { w.writeString("endobj\n") }

func (w *Writer) writeRef(obj int) {
	w.writeString(strconv.Itoa(obj))
	w.writeString(" 0 R")
}

func (w *Writer) writeNumber(v float64) {
	var b [32]byte
	w.write(AppendNumber(b[:0], v))
}

func (w *Writer) writeString(s string) {
	if w.err != nil {
		return
	}
	n, err := w.w.WriteString(s)
	w.n += int64(n)
	w.err = err
}

func (w *Writer) write(p []byte) {
	if w.err != nil {
		return
	}
	n, err := w.w.Write(p)
	w.n += int64(n)
	w.err = err
}

// literal encodes s as a PDF text string: UTF-16BE with a byte order mark, in hex, which
// holds any character without escaping rules.
func literal(s string) string {
	b := []byte("<FEFF")
	const hex = "0123456789ABCDEF"
	for _, r := range s {
		for _, u := range utf16Units(r) {
			b = append(b, hex[u>>12], hex[u>>8&15], hex[u>>4&15], hex[u&15])
		}
	}
	return string(append(b, '>'))
}

func utf16Units(r rune) []uint16 {
	if r < 0x10000 {
		return []uint16{uint16(r)}
	}
	r -= 0x10000
	return []uint16{uint16(0xD800 + r>>10), uint16(0xDC00 + r&0x3FF)}
}
