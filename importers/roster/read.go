package roster

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"slices"
	"strings"
	"syscall"

	"rollcall/importers/table"
)

// File is one input file: a file on disk, a file of a folder, or an archive entry. None is held
// whole: a file on disk is read from the disk (NewStreamFile), an archive entry inflated again
// from the archive (NewEntryFile), each time a reading needs it; Raw holds the bytes of a file
// made in memory (tests, a workbook inside an archive). Head has its first bytes for detection,
// and a text file's encoding is decided once, on a first reading of all of it (Text).
type File struct {
	Name string // as given, see FileInfo.Name
	Raw  []byte

	path     string                        // a file on disk
	open     func() (io.ReadCloser, error) // an archive entry
	head     []byte                        // a streamed file's first bytes
	sum      []byte                        // a streamed file's SHA-256, once a reading went through it
	text     *table.Text
	textErr  error
	workbook int8 // 1 or -1 once the loader knows whether it is an XLSX workbook
}

// headSize is how much of a streamed file Head holds: a root element and an XML declaration are
// far shorter.
const headSize = 4096

// NewStreamFile makes a File read from path as a stream; head is its first bytes (up to 4 KB).
func NewStreamFile(name, path string, head []byte) *File {
	return &File{Name: name, path: path, head: head}
}

// NewEntryFile makes a File read as a stream through open (an archive entry, inflated again for
// each reading); head is its first bytes (up to 4 KB).
func NewEntryFile(name string, open func() (io.ReadCloser, error), head []byte) *File {
	return &File{Name: name, open: open, head: head}
}

// SetWorkbook records whether the file is an XLSX workbook, which its head alone cannot say.
func (f *File) SetWorkbook(ok bool) {
	f.workbook = -1
	if ok {
		f.workbook = 1
	}
}

// Workbook reports whether the file is an XLSX workbook, by name or by content.
func (f *File) Workbook() bool {
	if f.workbook != 0 {
		return f.workbook > 0
	}
	return IsWorkbook(f.Name, f.Raw)
}

// streamed reports whether the file is read from the disk or an archive rather than Raw.
func (f *File) streamed() bool { return f.path != "" || f.open != nil }

// Head returns the file's first bytes (up to 4 KB), for detection.
func (f *File) Head() []byte {
	if !f.streamed() {
		return f.Raw[:min(len(f.Raw), headSize)]
	}
	return f.head
}

// Open returns the file's content as a stream: Raw's bytes, the archive entry, or the file on
// disk, which must still be a regular file. The first reading that goes to the end computes the
// checksum Info reports.
func (f *File) Open() (io.ReadCloser, error) {
	var in io.ReadCloser
	switch {
	case f.open != nil:
		rc, err := f.open()
		if err != nil {
			return nil, err
		}
		in = rc
	case f.path != "":
		rc, err := OpenRegular(f.path)
		if err != nil {
			return nil, err
		}
		in = rc
	default:
		return io.NopCloser(bytes.NewReader(f.Raw)), nil
	}
	if f.sum != nil {
		return in, nil
	}
	return &hashing{f: f, ReadCloser: in, h: sha256.New()}, nil
}

// ReaderAt returns the file's content for random access, as a workbook is read: Raw's bytes or
// the file on disk (an archive entry is not seekable: the loader holds a workbook in an archive
// as Raw). Close the Closer.
func (f *File) ReaderAt() (io.ReaderAt, int64, io.Closer, error) {
	switch {
	case f.path != "":
		in, err := OpenRegular(f.path)
		if err != nil {
			return nil, 0, nil, err
		}
		st, err := in.Stat()
		if err != nil {
			in.Close()
			return nil, 0, nil, err
		}
		return in, st.Size(), in, nil
	case f.open != nil:
		return nil, 0, nil, fmt.Errorf("%s: an archive entry is read as a stream", f.Name)
	}
	return bytes.NewReader(f.Raw), int64(len(f.Raw)), io.NopCloser(nil), nil
}

// OpenRegular opens a file on disk that must be a regular file, without blocking on a pipe.
func OpenRegular(path string) (*os.File, error) {
	in, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if st, err := in.Stat(); err != nil || !st.Mode().IsRegular() {
		in.Close()
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	return in, nil
}

// Text returns the file as delimited text, its encoding decided on a first reading of all of it
// (table.OpenText); that reading is done once, and its verdict shared by detection and parsing.
// The error is the reading's (a corrupt archive entry, a disk failure).
func (f *File) Text() (*table.Text, error) {
	if f.text == nil && f.textErr == nil {
		f.text, f.textErr = table.OpenText(f.Name, f.Open)
	}
	return f.text, f.textErr
}

// hashing computes a streamed file's checksum as it is read through.
type hashing struct {
	io.ReadCloser
	f *File
	h hash.Hash
}

func (r *hashing) Read(p []byte) (int, error) {
	n, err := r.ReadCloser.Read(p)
	r.h.Write(p[:n])
	if err == io.EOF && r.f.sum == nil {
		r.f.sum = r.h.Sum(nil)
	}
	return n, err
}

// Info returns the file's FileInfo for rows data rows.
func (f *File) Info(rows int) FileInfo {
	if f.streamed() && f.sum == nil { // a reading stopped early (a fault): read it through once
		if rc, err := f.Open(); err == nil {
			io.Copy(io.Discard, rc)
			rc.Close()
		}
	}
	sum := f.sum
	if !f.streamed() {
		s := sha256.Sum256(f.Raw)
		sum = s[:]
	}
	return FileInfo{Name: f.Name, SHA256: hex.EncodeToString(sum), Rows: rows}
}

// Table is one file or worksheet being read against a schema.
type Table struct {
	Name   string // file name as given
	Sheet  string // worksheet, for workbooks
	Src    table.Source
	Schema table.Schema
	// Rows, when known, is about how many rows the table has (its lines: blank ones too). Records
	// are large and a 100k-row file would otherwise copy them over and over as the slice grows.
	Rows int
}

// Read reads t's header and then each non-blank data row. start sees the header first and may
// refuse the table (after reporting why, typically missing columns) by returning false; row is
// called once per data row with a Row located at it. Read returns the number of data rows and
// the context's error if the import was cancelled. A table without any row gets RuleEmptyFile.
func (j *Job) Read(t Table, start func(h *table.Header) bool, row func(r *Row)) (int, error) {
	at := table.Location{File: t.Name, Sheet: t.Sheet}
	if c, ok := t.Src.(io.Closer); ok {
		defer c.Close() // a reading that stops early lets its file go
	}
	head, ok := table.ReadHeader(t.Src)
	if !ok {
		j.Add(&table.RowError{File: t.Name, Sheet: t.Sheet, Rule: table.RuleEmptyFile})
		return 0, nil
	}
	h := t.Schema.Match(head.Fields, head.Line)
	if head.Wide {
		j.Add(&table.RowError{File: t.Name, Sheet: t.Sheet, Line: head.Line, Rule: table.RuleTooManyColumns, Expected: itoa(table.MaxColumns)})
		return 0, nil
	}
	at.Line = head.Line
	for i, c := range head.Fields {
		if e := BadText(h, at, i, c); e != nil {
			j.Add(e)
			return 0, nil
		}
	}
	if !start(h) {
		return 0, nil
	}
	base := len(j.Batch.Records) // records this table adds are counted from here
	n := 0
	r := Row{Job: j, H: h}
	for {
		tr, ok := t.Src.Next()
		if !ok {
			break
		}
		if tr.Blank() && !tr.Unterminated {
			continue
		}
		if j.Flooded() {
			break
		}
		n++
		if err := j.Tick(t.Name, n); err != nil {
			return n, err
		}
		at.Line = tr.Line
		r.At, r.Fields, r.Bad = at, tr.Fields, false
		r.CheckShape(tr)
		j.growRecords(base, n, t.Rows)
		row(&r)
	}
	if src, ok := t.Src.(interface{ Err() error }); ok && src.Err() != nil {
		return n, fmt.Errorf("importers: %s: %w", t.Name, src.Err()) // the file changed or failed since its first reading
	}
	return n, nil
}

// growRecords makes room for the records a table adds, doubling up to its Rows hint rather than
// taking the hint at once: a file's lines are not its rows (a CSV of ten pupils and 255 MB of
// blank ";;;;;" lines counts 40 million lines), so room is made as rows are read, at most twice
// what they need, and never past the hint, which a 100,000-row file fills exactly.
func (j *Job) growRecords(base, rows, hint int) {
	recs := j.Batch.Records
	if hint <= 0 || len(recs) < cap(recs) {
		return
	}
	if left := hint - (len(recs) - base); left > 0 {
		j.Batch.Records = slices.Grow(recs, min(max(rows, 1024), left))
	}
}

// FindFile returns the file of a set with the given base name, compared without case
// ("Users.csv" is "users.csv"), or nil. Archives sometimes put the set in a sub-folder, so only
// the base name counts.
func FindFile(files []*File, base string) *File {
	for _, f := range files {
		n := f.Name
		if i := strings.LastIndexAny(n, `/\`); i >= 0 {
			n = n[i+1:]
		}
		if strings.EqualFold(n, base) {
			return f
		}
	}
	return nil
}

// HeaderOf returns the cells of a file's header row: set sniffs look at several files' headers,
// which takes only the first window of each.
func HeaderOf(f *File) []string {
	t, err := f.Text()
	if err != nil {
		return nil
	}
	rows := t.Rows()
	defer rows.Close()
	head, _ := table.ReadHeader(rows)
	return head.Fields
}

// SetName names a set in errors about the set as a whole (a missing file): the folder or archive
// its files came from.
func SetName(files []*File) string {
	if len(files) == 0 {
		return ""
	}
	n := files[0].Name
	if i := strings.LastIndexAny(n, `/\`); i >= 0 {
		return n[:i]
	}
	return "."
}

// ReadCSV reads one CSV file of a set: it decodes it, checks that the columns in need are there
// (reporting each missing one), calls row for every data row and records the file.
func (j *Job) ReadCSV(f *File, schema table.Schema, need []string, row func(r *Row)) error {
	t, err := f.Text()
	if err != nil {
		return err
	}
	rows, err := j.Read(Table{Name: f.Name, Src: t.Rows(), Schema: schema},
		func(h *table.Header) bool {
			ok := true
			for _, k := range need {
				if !h.Has(k) {
					j.Add(h.MissingColumn(table.Location{File: f.Name}, k))
					ok = false
				}
			}
			return ok
		}, row)
	j.FileDone(f.Info(rows))
	return err
}
