package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strconv"
)

// AddFont embeds f and returns the resource name (F1, F2, ...) to pass to Content.SetFont.
// Fonts must be added before the first page.
func (w *Writer) AddFont(f *Font) (string, error) {
	if w.closed {
		return "", ErrClosed
	}
	if w.pages > 0 {
		return "", fmt.Errorf("pdf: AddFont after the first page")
	}
	resource := "F" + strconv.Itoa(len(w.fonts)+1)
	type0, cid, desc, file, toUni := w.newObj(), w.newObj(), w.newObj(), w.newObj(), w.newObj()
	w.fonts = append(w.fonts, fontRef{resource: resource, obj: type0})

	w.beginObj(type0)
	fmt.Fprintf(w.stringer(), "<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "+
		"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>\n", f.name, cid, toUni)
	w.endObj()

	w.beginObj(cid)
	fmt.Fprintf(w.stringer(), "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s "+
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "+
		"/FontDescriptor %d 0 R /CIDToGIDMap /Identity /W [0 [", f.name, desc)
	for _, adv := range f.advances {
		w.writeString(strconv.Itoa(f.toThousandths(int(adv))))
		w.writeString(" ")
	}
	w.writeString("]] >>\n")
	w.endObj()

	w.beginObj(desc)
	fmt.Fprintf(w.stringer(), "<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [%d %d %d %d] "+
		"/ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 %d 0 R >>\n",
		f.name, f.toThousandths(f.bbox[0]), f.toThousandths(f.bbox[1]), f.toThousandths(f.bbox[2]),
		f.toThousandths(f.bbox[3]), f.toThousandths(f.ascent), f.toThousandths(f.descent),
		f.toThousandths(f.capHeight), file)
	w.endObj()

	w.writeStreamObj(file, f.ttf, fmt.Sprintf(" /Length1 %d", len(f.ttf)))
	w.writeStreamObj(toUni, f.toUnicodeCMap(), "")
	return resource, w.err
}

// writeStreamObj writes data deflated as a stream object with extra dictionary entries.
func (w *Writer) writeStreamObj(obj int, data []byte, extra string) {
	var buf bytes.Buffer
	fw, _ := zlib.NewWriterLevel(&buf, zlib.DefaultCompression) // only fails on a bad level
	_, _ = fw.Write(data)
	_ = fw.Close()
	w.beginObj(obj)
	fmt.Fprintf(w.stringer(), "<< /Length %d /Filter /FlateDecode%s >>\nstream\n", buf.Len(), extra)
	w.write(buf.Bytes())
	w.writeString("\nendstream\n")
	w.endObj()
}

// stringer lets fmt write through the sticky-error, offset-counting path.
func (w *Writer) stringer() *objWriter { return (*objWriter)(w) }

type objWriter Writer

func (o *objWriter) Write(p []byte) (int, error) {
	(*Writer)(o).write(p)
	return len(p), nil
}

func (f *Font) toThousandths(units int) int {
	return (units*1000 + f.unitsPerEm/2*sign(units)) / f.unitsPerEm
}

func sign(v int) int {
	if v < 0 {
		return -1
	}
	return 1
}

// toUnicodeCMap maps every glyph with a character back to it, so text extracts intact.
func (f *Font) toUnicodeCMap() []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var entries []string
	for g, r := range f.unicode {
		if r == 0 {
			continue
		}
		dst := ""
		for _, u := range utf16Units(r) {
			dst += fmt.Sprintf("%04X", u)
		}
		entries = append(entries, fmt.Sprintf("<%04X> <%s>\n", g, dst))
	}
	for len(entries) > 0 { // a bfchar block holds at most 100 entries
		n := min(len(entries), 100)
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, e := range entries[:n] {
			b.WriteString(e)
		}
		b.WriteString("endbfchar\n")
		entries = entries[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}
