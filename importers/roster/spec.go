package roster

import (
	"bytes"
	"path/filepath"
	"strings"

	"rollcall/importers/table"
	"rollcall/model"
)

// FormatSpec is everything the importers need to know about one format: its name, the source its
// users belong to, how to recognise it and how to read it. Each format package exports one
// FormatSpec value (or one per variant), and importers/formats.go lists them: that line is the
// only place a format is registered. Nothing outside the format's own package switches on its
// name.
type FormatSpec struct {
	// Format is the format's name, as --format takes it and reports show it ("oneroster").
	Format Format
	// Source is the source an import's users belong to when the admin names none: the family
	// ("sds" for both SDS versions), so that a re-import in a newer version finds the same users.
	Source string
	// SniffSet says whether files that came together (a folder, a zip, loose files of one folder)
	// are one set of this format. Set formats have it; one-file formats leave it nil.
	SniffSet func(files []*File) Fit
	// SniffFile says whether one file is of this format. It sees only the kinds of file listed in
	// Reads (the planner answers for the others). nil for set formats.
	SniffFile func(p *Probe) Fit
	// Reads lists the kinds of file SniffFile and Parse accept: text (CSV, XML, …) unless set.
	Reads Kind
	// Parse reads one unit: a set's files, or one file (with its probe, whose decoded text it
	// may reuse). Problems go to the job; Parse returns only the context's error.
	Parse func(j *Job, u Unit) error
	// Preview, for a set, names the files the preview shows, in order of preference
	// ("users.csv"); the first file is shown when none is there.
	Preview []string
	// PreviewFile, when set, shows a file that is not read as delimited text (a workbook's
	// template sheet): its part (sheet) name, header and first n rows. ok false falls back to the
	// text preview.
	PreviewFile func(f *File, n int) (part string, header []string, rows [][]string, ok bool)
	// KnownClassesOnly is set for files kept by hand (spreadsheet templates): by default an
	// import of them refuses a class or group code the school does not have, where a typo would
	// otherwise make a class.
	KnownClassesOnly bool
}

// Set reports whether the format comes as a set of files read together.
func (s FormatSpec) Set() bool { return s.SniffSet != nil }

// Accepts reports whether the format reads files of kind k.
func (s FormatSpec) Accepts(k Kind) bool {
	if s.Reads == 0 {
		return k == KindText
	}
	return s.Reads&k != 0
}

// Kind is a bit set of the kinds of file a format reads.
type Kind uint8

// The kinds of file.
const (
	KindText     Kind = 1 << iota // decoded text: CSV, TSV, XML
	KindWorkbook                  // an XLSX workbook
)

// Unit is what Parse reads: a set's files, or one file and its probe.
type Unit struct {
	Files []*File
	Probe *Probe // one-file units only
	// Profile forces the profile of one-profile files whose name does not say it; zero lets the
	// name and headers decide.
	Profile model.Profile
}

// Probe is one file as detection sees it. Its decoded text and header row are computed once, on
// first use, and shared by every format's SniffFile and then by Parse.
type Probe struct {
	File    *File
	text    *table.Text
	header  []string
	decoded bool
	headed  bool
}

// NewProbe starts probing f.
func NewProbe(f *File) *Probe { return &Probe{File: f} }

// Workbook reports whether the file is an XLSX workbook, by name or by content.
func (p *Probe) Workbook() bool { return p.File.Workbook() }

// Kind is the file's kind.
func (p *Probe) Kind() Kind {
	if p.Workbook() {
		return KindWorkbook
	}
	return KindText
}

// Text returns the file as text (encoding found, separator detected); nil for a workbook. The
// loader read every text file through once already (File.Text), so this reads nothing; a file
// that could not be read then (which the loader reported and left out) is empty text.
func (p *Probe) Text() *table.Text {
	if !p.decoded {
		p.decoded = true
		if !p.Workbook() {
			var err error
			if p.text, err = p.File.Text(); err != nil {
				p.text = table.NewText(p.File.Name, nil)
			}
		}
	}
	return p.text
}

// Binary reports whether the file is neither a workbook nor text (a NUL in its first bytes).
func (p *Probe) Binary() bool {
	t := p.Text()
	return t != nil && t.Binary
}

// Header returns the cells of the first non-blank row of a text file, read as delimited text.
func (p *Probe) Header() []string {
	if !p.headed {
		p.headed = true
		if t := p.Text(); t != nil {
			rows := t.Rows()
			head, _ := table.ReadHeader(rows)
			rows.Close()
			p.header = head.Fields
		}
	}
	return p.header
}

// IsWorkbook reports whether a file is an XLSX workbook, by name or by content.
func IsWorkbook(name string, raw []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		return true
	}
	return bytes.HasPrefix(raw, []byte("PK\x03\x04")) && bytes.Contains(raw, []byte("xl/workbook.xml"))
}
