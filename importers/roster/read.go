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

// File is one input file: a file on disk, a file of a folder, or an archive entry. Most are
// read whole (Raw); an XML file on disk is streamed instead (NewStreamFile), so that an académie
// feed of hundreds of megabytes is never held: Raw is nil then, Head has its first bytes for
// detection, and Open reads it from the disk.
type File struct {
	Name string // as given, see FileInfo.Name
	Raw  []byte

	path string // a streamed file's path
	head []byte // a streamed file's first bytes
	sum  []byte // a streamed file's SHA-256, once a reading went through it
}

// headSize is how much of a streamed file Head holds: a root element and an XML declaration are
// far shorter.
const headSize = 4096

// NewStreamFile makes a File read from path as a stream; head is its first bytes (up to 4 KB).
func NewStreamFile(name, path string, head []byte) *File {
	return &File{Name: name, path: path, head: head}
}

// Head returns the file's first bytes (up to 4 KB), for detection.
func (f *File) Head() []byte {
	if f.Raw != nil || f.path == "" {
		return f.Raw[:min(len(f.Raw), headSize)]
	}
	return f.head
}

// Open returns the file's content as a stream: Raw's bytes, or the file on disk, which must
// still be a regular file. The first reading that goes to the end computes the checksum Info
// reports.
func (f *File) Open() (io.ReadCloser, error) {
	if f.path == "" {
		return io.NopCloser(bytes.NewReader(f.Raw)), nil
	}
	in, err := os.OpenFile(f.path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if st, err := in.Stat(); err != nil || !st.Mode().IsRegular() {
		in.Close()
		return nil, fmt.Errorf("%s: not a regular file", f.path)
	}
	if f.sum != nil {
		return in, nil
	}
	return &hashing{f: f, ReadCloser: in, h: sha256.New()}, nil
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
	if f.path != "" && f.sum == nil { // a reading stopped early (a fault): read it through once
		if rc, err := f.Open(); err == nil {
			io.Copy(io.Discard, rc)
			rc.Close()
		}
	}
	sum := f.sum
	if f.path == "" {
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
	// Rows, when known, is about how many rows the table has. Records are large and a 100k-row
	// file would otherwise copy them over and over as the slice grows.
	Rows int
}

// Read reads t's header and then each non-blank data row. start sees the header first and may
// refuse the table (after reporting why, typically missing columns) by returning false; row is
// called once per data row with a Row located at it. Read returns the number of data rows and
// the context's error if the import was cancelled. A table without any row gets RuleEmptyFile.
func (j *Job) Read(t Table, start func(h *table.Header) bool, row func(r *Row)) (int, error) {
	at := table.Location{File: t.Name, Sheet: t.Sheet}
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
	if t.Rows > 0 {
		j.Batch.Records = slices.Grow(j.Batch.Records, t.Rows)
	}
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
		row(&r)
	}
	return n, nil
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

// headPrefix is how much of a file HeaderOf decodes: a header row is never this long.
const headPrefix = 64 << 10

// HeaderOf returns the cells of a file's header row, decoding only its first bytes: set sniffs
// look at several files' headers, and decoding each whole file for that would copy them all.
func HeaderOf(f *File) []string {
	raw := f.Raw
	if len(raw) > headPrefix {
		raw = raw[:headPrefix]
		if i := bytes.LastIndexByte(raw, '\n'); i > 0 {
			raw = raw[:i+1] // never cut a character in two, which would look like another charset
		}
	}
	head, _ := table.ReadHeader(table.NewText(f.Name, raw).Rows())
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
	t := table.NewText(f.Name, f.Raw)
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
