package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path"
	"strings"
	"unsafe"

	"rollcall/importers/roster"
	"rollcall/importers/xmlfeed"
)

// Workbook limits: an archive whose parts' headers add up past maxUnzip is refused, and so is a
// part over maxXML. Parts are streamed, never held: these bound the work, not the memory.
const (
	maxUnzip = 512 << 20
	maxXML   = 256 << 20
)

// MaxSharedStrings is the most a workbook's shared strings may take once read: their text plus
// 4 bytes each. They are the one part held (a cell names its string by number, anywhere in the
// sheet), end to end in one buffer; a template of 100,000 pupils needs about 6 MB of them, and a
// workbook with 250 MB of them (which once took 7.8 GB) is refused when it reaches this.
const MaxSharedStrings = 32 << 20

// errBadWorkbook is a workbook that cannot be read: not a zip, a part missing or not XML.
var errBadWorkbook = errors.New("unreadable workbook")

// tooLarge is a workbook past one of its limits (MaxSharedStrings, maxUnzip, maxXML).
type tooLarge struct{ limit int64 }

func (e tooLarge) Error() string { return "workbook too large" }

// isTooLarge returns the limit a workbook is past.
func isTooLarge(err error) (int64, bool) {
	var e tooLarge
	if errors.As(err, &e) {
		return e.limit, true
	}
	return 0, false
}

// workbook is an XLSX file opened for reading: a zip whose parts are inflated as they are read,
// a worksheet's rows streamed. It is our own small reader of the few parts a template needs
// (the workbook's sheet list, their relationships, the shared strings, the worksheets, the
// author) rather than excelize, which reads every part into memory (and big ones into
// temporary files) before the first row.
type workbook struct {
	parts   map[string]*zip.File // by name, lower case
	closer  io.Closer
	sheets  []sheetRef // in the workbook's order
	core    string     // the document properties part
	sstPart string
	sst     *sharedStrings
}

type sheetRef struct{ name, part string }

// openWorkbook opens f as a workbook. Close it.
func openWorkbook(f *roster.File) (*workbook, error) {
	ra, size, closer, err := f.ReaderAt()
	if err != nil {
		return nil, errBadWorkbook
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		closer.Close()
		return nil, errBadWorkbook
	}
	wb := &workbook{parts: make(map[string]*zip.File, len(zr.File)), closer: closer}
	total := uint64(0)
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		wb.parts[strings.ToLower(strings.ReplaceAll(zf.Name, `\`, "/"))] = zf
	}
	if total > maxUnzip {
		closer.Close()
		return nil, tooLarge{maxUnzip}
	}
	if err := wb.readIndex(); err != nil {
		closer.Close()
		return nil, err
	}
	return wb, nil
}

// Close releases the file.
func (wb *workbook) Close() error { return wb.closer.Close() }

// readIndex finds the workbook part, its sheets and shared strings, and the document properties.
func (wb *workbook) readIndex() error {
	book := "xl/workbook.xml"
	err := wb.scanRelsOf("", func(_, typ, target string) {
		switch {
		case strings.HasSuffix(typ, "/officeDocument"):
			book = target
		case strings.HasSuffix(typ, "/core-properties"):
			wb.core = target
		}
	})
	if err != nil {
		return err
	}
	targets := map[string]string{}
	if err := wb.scanRelsOf(book, func(id, typ, target string) {
		targets[id] = target
		if strings.HasSuffix(typ, "/sharedStrings") {
			wb.sstPart = target
		}
	}); err != nil {
		return err
	}
	return wb.scan(book, func(s *xmlfeed.Scanner, k xmlfeed.Kind) bool {
		if k != xmlfeed.Start || !is(s.Name(), "sheet") {
			return true
		}
		ref := sheetRef{}
		for _, a := range s.Attrs() {
			switch {
			case a.Name == "name":
				ref.name = a.Value
			case strings.HasSuffix(a.Name, ":id"):
				ref.part = targets[a.Value]
			}
		}
		if ref.part != "" {
			wb.sheets = append(wb.sheets, ref)
		}
		return true
	})
}

// scanRelsOf reads the relationships of a part ("" for the package), with their targets made
// paths inside the archive. A part without relationships has none.
func (wb *workbook) scanRelsOf(part string, fn func(id, typ, target string)) error {
	dir, base := path.Split(part)
	rels := path.Join(dir, "_rels", base+".rels")
	if _, ok := wb.parts[strings.ToLower(rels)]; !ok {
		return nil
	}
	return wb.scan(rels, func(s *xmlfeed.Scanner, k xmlfeed.Kind) bool {
		if k != xmlfeed.Start || !is(s.Name(), "Relationship") {
			return true
		}
		id, _ := s.Attr("Id")
		typ, _ := s.Attr("Type")
		target, _ := s.Attr("Target")
		if mode, _ := s.Attr("TargetMode"); mode == "External" || target == "" {
			return true
		}
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		fn(id, typ, target)
		return true
	})
}

// openPart opens a part for streaming.
func (wb *workbook) openPart(name string) (io.ReadCloser, error) {
	zf, ok := wb.parts[strings.ToLower(name)]
	if !ok {
		return nil, errBadWorkbook
	}
	if zf.UncompressedSize64 > maxXML {
		return nil, tooLarge{maxXML}
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, errBadWorkbook
	}
	return rc, nil
}

// smallPart is the size under which a part is read whole rather than through a streaming
// window (which alone is bigger): the index parts, and the sheets of a small workbook.
const smallPart = 256 << 10

// scanner opens a part as XML. Workbook parts are UTF-8; a BOM is skipped.
func (wb *workbook) scanner(name string) (*xmlfeed.Scanner, io.Closer, error) {
	rc, err := wb.openPart(name)
	if err != nil {
		return nil, nil, err
	}
	if wb.parts[strings.ToLower(name)].UncompressedSize64 > smallPart {
		return xmlfeed.NewStreamScanner(skipBOM(rc)), rc, nil
	}
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, smallPart+1))
	if err != nil || len(raw) > smallPart {
		return nil, nil, errBadWorkbook
	}
	return xmlfeed.NewScanner(raw), io.NopCloser(nil), nil
}

// scan reads a part token by token until fn returns false; a part that is not well-formed XML
// is errBadWorkbook.
func (wb *workbook) scan(name string, fn func(s *xmlfeed.Scanner, k xmlfeed.Kind) bool) error {
	s, c, err := wb.scanner(name)
	if err != nil {
		return err
	}
	defer c.Close()
	for {
		k := s.Next()
		switch k {
		case xmlfeed.EOF:
			return nil
		case xmlfeed.Error:
			return errBadWorkbook
		}
		if !fn(s, k) {
			return nil
		}
	}
}

// creator is the workbook's author, from its document properties ("" when it has none).
func (wb *workbook) creator() string {
	var out []byte
	in := false
	if wb.core == "" {
		return ""
	}
	wb.scan(wb.core, func(s *xmlfeed.Scanner, k xmlfeed.Kind) bool {
		switch k {
		case xmlfeed.Start:
			in = is(s.Name(), "creator")
		case xmlfeed.Text:
			if in {
				out = append(out, s.Text()...)
			}
		case xmlfeed.End:
			if in {
				return false
			}
		}
		return true
	})
	return strings.TrimSpace(string(out))
}

// sharedStrings are a workbook's shared strings, end to end in one string.
type sharedStrings struct {
	text string
	ends []uint32
}

// get returns string i.
func (t *sharedStrings) get(i int) (string, bool) {
	if i < 0 || i >= len(t.ends) {
		return "", false
	}
	from := uint32(0)
	if i > 0 {
		from = t.ends[i-1]
	}
	return t.text[from:t.ends[i]], true
}

// strings reads the shared strings once; a workbook without them has none.
func (wb *workbook) strings() (*sharedStrings, error) {
	if wb.sst != nil {
		return wb.sst, nil
	}
	wb.sst = &sharedStrings{}
	if wb.sstPart == "" {
		wb.sstPart = "xl/sharedStrings.xml"
	}
	if _, ok := wb.parts[strings.ToLower(wb.sstPart)]; !ok {
		return wb.sst, nil
	}
	// Sized once from the part, which the text is shorter than: growing it would hold two copies.
	buf := make([]byte, 0, min(wb.parts[strings.ToLower(wb.sstPart)].UncompressedSize64, MaxSharedStrings))
	var runs textRuns
	var err error
	scanErr := wb.scan(wb.sstPart, func(s *xmlfeed.Scanner, k xmlfeed.Kind) bool {
		if k == xmlfeed.End && is(s.Name(), "si") {
			wb.sst.ends = append(wb.sst.ends, uint32(len(buf)))
			if len(buf)+4*len(wb.sst.ends) > MaxSharedStrings {
				err = tooLarge{MaxSharedStrings}
				return false
			}
			return true
		}
		if buf = runs.take(s, k, buf); len(buf) > MaxSharedStrings { // one endless string
			err = tooLarge{MaxSharedStrings}
			return false
		}
		return true
	})
	if err == nil {
		err = scanErr
	}
	if err != nil {
		wb.sst = nil
		return nil, err
	}
	if len(buf) > 0 {
		wb.sst.text = unsafe.String(unsafe.SliceData(buf), len(buf)) // never written again
	}
	return wb.sst, nil
}

// textRuns follows the text of a string item (<si>, <is>): its <t> elements, those of its rich
// text runs included, but not the phonetic hints (<rPh>) that come with East Asian text.
type textRuns struct {
	inT, inPh bool
}

// take appends the token's text to buf when it is a string's text.
func (r *textRuns) take(s *xmlfeed.Scanner, k xmlfeed.Kind, buf []byte) []byte {
	switch k {
	case xmlfeed.Start, xmlfeed.End:
		switch n := s.Name(); {
		case is(n, "t"):
			r.inT = k == xmlfeed.Start
		case is(n, "rPh"):
			r.inPh = k == xmlfeed.Start
		}
	case xmlfeed.Text:
		if r.inT && !r.inPh {
			return append(buf, s.Text()...)
		}
	}
	return buf
}

// is reports whether an element's name, without its namespace prefix, is want.
func is(name []byte, want string) bool {
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return string(name) == want
}

// skipBOM drops a UTF-8 byte order mark at the start of r.
func skipBOM(r io.Reader) io.Reader {
	head := make([]byte, 3)
	n, _ := io.ReadFull(r, head)
	if n == 3 && bytes.Equal(head, []byte{0xEF, 0xBB, 0xBF}) {
		return r
	}
	return io.MultiReader(bytes.NewReader(head[:n]), r)
}
